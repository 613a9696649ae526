/**
 * The owner's webhook endpoints (contract section 13): register one (its URL checked, its secret made and shown
 * once), list and delete them, read an endpoint's delivery log and send a delivery again.
 */
import { randomUUID } from 'node:crypto';
import type { Storage } from '../../storage/types.js';
import type { DeliveryAttempt, DeliveryStatus, OutboxDelivery } from '../../storage/outbox-types.js';
import type { WebhookAttempt, WebhookDelivery } from '../../../src/model/webhooks.js';
import type { WebhookEndpoint } from '../../storage/webhook-types.js';
import { DomainError, notFound, ValidationError } from '../errors.js';
import type { Outbox } from '../outbox/outbox.js';
import { addressKind, localHostName } from './addresses.js';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './envelope.js';
import { newSecret } from './signing.js';
import { webhookChannel } from './channel.js';
import type { ResolvedWebhookSettings } from './settings.js';

export interface NewEndpoint {
  url: string;
  events: string[];
  allowPrivate?: boolean | undefined;
}

/** A delivery as the API answers it (the console reads the same shape). */
export type DeliveryView = WebhookDelivery & { status: DeliveryStatus };

const iso = (ms: number): string => new Date(ms).toISOString();

export class WebhookService {
  constructor(
    private readonly storage: Storage,
    private readonly outbox: Outbox,
    private readonly settings: ResolvedWebhookSettings,
    private readonly clock: () => Date,
  ) {}

  async create(input: NewEndpoint): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
    if (input.allowPrivate && !this.settings.allowPrivate) {
      throw ValidationError.field(
        'allowPrivate',
        'is refused: this server does not allow private webhook targets (start it with WEBHOOKS_ALLOW_PRIVATE=1 for development)',
      );
    }
    const allowPrivate = input.allowPrivate === true;
    const url = checkUrl(input.url, allowPrivate);
    const events = checkEvents(input.events);
    const secret = newSecret();
    const endpoint: WebhookEndpoint = { id: randomUUID(), url, events, allowPrivate, createdDate: this.clock().toISOString() };
    const limit = this.settings.maxEndpoints;
    if (!(await this.storage.webhooks.create({ ...endpoint, secret }, limit))) {
      throw new DomainError('BAD_REQUEST', `There are ${limit} webhook endpoints already, the most allowed: delete one first.`, { limit });
    }
    return { endpoint, secret };
  }

  async list(): Promise<WebhookEndpoint[]> {
    return (await this.storage.webhooks.list()).map(({ secret: _secret, ...endpoint }) => endpoint);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.storage.webhooks.delete(id))) throw notFound('Webhook endpoint', id);
  }

  /** The endpoint's deliveries, newest first, each with its attempts. */
  async deliveries(endpointId: string, limit: number): Promise<DeliveryView[]> {
    await this.endpoint(endpointId);
    const deliveries = await this.storage.outbox.listDeliveries({ channel: webhookChannel(endpointId), newestFirst: true, limit });
    return this.views(deliveries);
  }

  /** Makes the delivery due now (whatever its status) and wakes the worker; answers the delivery as it is then. */
  async resend(endpointId: string, deliveryId: string): Promise<DeliveryView> {
    await this.endpoint(endpointId);
    const query = { id: deliveryId, channel: webhookChannel(endpointId) };
    const [delivery] = await this.storage.outbox.listDeliveries(query);
    if (!delivery) throw notFound('Delivery', deliveryId);
    await this.storage.outbox.retryNow(delivery.id, this.outbox.worker.now());
    this.outbox.wake();
    const [again] = await this.storage.outbox.listDeliveries(query);
    const [view] = await this.views([again ?? delivery]);
    return view as DeliveryView;
  }

  private async endpoint(id: string): Promise<void> {
    if (!(await this.storage.webhooks.get(id))) throw notFound('Webhook endpoint', id);
  }

  private async views(deliveries: OutboxDelivery[]): Promise<DeliveryView[]> {
    if (deliveries.length === 0) return [];
    const events = await this.storage.outbox.listEvents({ ids: [...new Set(deliveries.map((d) => d.eventId))], limit: deliveries.length });
    const typeOf = new Map(events.map((e) => [e.id, e.eventType]));
    return Promise.all(
      deliveries.map(async (d) => ({
        id: d.id,
        eventId: d.eventId,
        eventType: typeOf.get(d.eventId) ?? '',
        status: d.status,
        attempts: d.attempts,
        ...(d.lastAnswer !== null ? { lastAnswer: d.lastAnswer } : {}),
        ...(d.lastError !== null ? { lastError: d.lastError } : {}),
        createdDate: iso(d.createdAt),
        ...(d.status === 'PENDING' ? { nextAttemptDate: iso(d.nextAttemptAt) } : {}),
        ...(d.doneAt !== null ? { doneDate: iso(d.doneAt) } : {}),
        attemptLog: (await this.storage.outbox.attempts(d.id)).map(attemptView),
      })),
    );
  }
}

function attemptView(a: DeliveryAttempt): WebhookAttempt {
  return {
    attempt: a.attempt,
    startedDate: iso(a.startedAt),
    finishedDate: iso(a.finishedAt),
    ok: a.ok,
    ...(a.answer !== null ? { answer: a.answer } : {}),
    ...(a.error !== null ? { error: a.error } : {}),
  };
}

/** The URL as stored (normalised by the URL parser), or a 400 that says what is wrong with it. */
export function checkUrl(text: string, allowPrivate: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw ValidationError.field('url', 'must be an absolute URL, e.g. https://example.com/hooks/bookings');
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    throw ValidationError.field('url', 'must start with https:// (http:// only for an endpoint with allowPrivate on a development server)');
  }
  if (url.username || url.password) throw ValidationError.field('url', 'must not carry a user name or password');
  if (!allowPrivate) {
    const kind = addressKind(url.hostname);
    if (kind === 'not an IP address' ? localHostName(url.hostname) : kind !== 'public') {
      const what = kind === 'not an IP address' ? 'a local host name' : `a ${kind} address`;
      throw ValidationError.field('url', `must not point at ${what} (${url.hostname}): webhooks go to public addresses only`);
    }
  }
  url.hash = '';
  return url.toString();
}

function checkEvents(events: string[]): WebhookEventType[] {
  const unknown = events.filter((e) => !isWebhookEventType(e));
  if (unknown.length > 0) {
    throw ValidationError.field(
      'events',
      `has unknown event types ${unknown.map((e) => JSON.stringify(e)).join(', ')}; valid ones: ${WEBHOOK_EVENT_TYPES.join(', ')}`,
    );
  }
  return [...new Set(events.filter(isWebhookEventType))];
}
