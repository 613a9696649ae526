/** The webhook settings a server runs with (`buildServer({ webhooks })`; the CLI sets `allowPrivate`), with defaults. */
import { systemResolver, type Resolver } from './delivery.js';

export interface WebhookSettings {
  /**
   * WEBHOOKS_ALLOW_PRIVATE=1 / --webhooks-allow-private, for development: endpoints created with
   * `allowPrivate: true` may use `http://` and reach private, loopback and other non-public addresses. Off (the
   * default): such endpoints are refused, and ones stored earlier are refused at delivery.
   */
  allowPrivate?: boolean;
  /** The whole of one POST: DNS, connect, TLS and the answer (default 10 s). */
  timeoutMs?: number;
  /** The answer's body is read up to this many bytes, the rest dropped (default 64 KiB). */
  maxResponseBytes?: number;
  /** Endpoints the owner may have at once (default 20). */
  maxEndpoints?: number;
  /** How host names resolve (default: the system's, as dns.lookup). */
  resolve?: Resolver;
  /** Epoch ms for `webhook-timestamp` (default Date.now: receivers compare it with their own clock). */
  now?: () => number;
}

export type ResolvedWebhookSettings = Required<WebhookSettings>;

export function webhookSettings(settings: WebhookSettings = {}): ResolvedWebhookSettings {
  return {
    allowPrivate: settings.allowPrivate ?? false,
    timeoutMs: settings.timeoutMs ?? 10_000,
    maxResponseBytes: settings.maxResponseBytes ?? 64 * 1024,
    maxEndpoints: settings.maxEndpoints ?? 20,
    resolve: settings.resolve ?? systemResolver,
    now: settings.now ?? Date.now,
  };
}
