/**
 * The `webhook` outbox channel: a subscriber that names `webhook:<endpointId>` for every endpoint asking for an
 * event's type, and a handler that POSTs the signed envelope (envelope.ts, signing.ts) through the guarded client
 * (delivery.ts). A 2xx answer is delivered; anything else throws, so the outbox retries with backoff.
 */
import { DeliveryFailure, type DeliveryOutcome } from '../outbox/channels.js';
import type { Outbox } from '../outbox/outbox.js';
import type { ClaimedDelivery } from '../../storage/outbox-types.js';
import type { WebhookStore } from '../../storage/webhook-types.js';
import { isWebhookEventType, webhookEnvelope } from './envelope.js';
import { signedHeaders } from './signing.js';
import { postWebhook } from './delivery.js';
import type { ResolvedWebhookSettings } from './settings.js';

export const WEBHOOK_PREFIX = 'webhook';
export const webhookChannel = (endpointId: string): string => `${WEBHOOK_PREFIX}:${endpointId}`;

const USER_AGENT = 'booking-server-webhooks/1';

/** Registers the channel on `outbox`; returns what unregisters it. */
export function connectWebhooks(outbox: Outbox, store: WebhookStore, settings: ResolvedWebhookSettings): () => void {
  const offHandler = outbox.registerChannel(WEBHOOK_PREFIX, (claimed) => deliver(claimed, store, settings));
  const offSubscriber = outbox.subscribe(async (event) => {
    // Only Wix's event names: whatever else other code appends to the outbox is not a webhook's business.
    if (!isWebhookEventType(event.eventType)) return [];
    const endpoints = await store.list();
    return endpoints.filter((e) => e.events.includes(event.eventType)).map((e) => webhookChannel(e.id));
  });
  return () => {
    offSubscriber();
    offHandler();
  };
}

async function deliver(
  { delivery, event }: ClaimedDelivery,
  store: WebhookStore,
  settings: ResolvedWebhookSettings,
): Promise<DeliveryOutcome> {
  const endpoint = await store.get(delivery.channel.slice(WEBHOOK_PREFIX.length + 1));
  if (!endpoint) throw new DeliveryFailure('the endpoint was deleted', { permanent: true });
  // The server's setting is read now, not when the endpoint was made: turning it off stops development endpoints.
  const privateAllowed = endpoint.allowPrivate && settings.allowPrivate;
  if (!privateAllowed && !endpoint.url.startsWith('https://'))
    throw new DeliveryFailure('refused: only https:// endpoints are allowed on this server', { permanent: true });
  const body = JSON.stringify(webhookEnvelope(event));
  // webhook-id is the event's id, the same on every attempt and resend, so a receiver drops duplicates by it.
  const headers = { ...signedHeaders(endpoint.secret, event.id, settings.now() / 1000, body), 'user-agent': USER_AGENT };
  const { status, answer } = await postWebhook(endpoint.url, body, headers, {
    privateAllowed,
    timeoutMs: settings.timeoutMs,
    maxResponseBytes: settings.maxResponseBytes,
    resolve: settings.resolve,
  });
  if (status >= 200 && status < 300) return { answer };
  throw new DeliveryFailure(`the endpoint answered ${status}`, { answer });
}
