/**
 * What a webhook delivery POSTs (contract section 13): Wix's event envelope. Wix names an event's kind in `slug`
 * and carries the entity in one of three shapes (dev.wix.com "About the structure of webhooks"): `created` with
 * `createdEvent.entity`, `updated` with `updatedEvent.currentEntity`, and every other action (`booking_confirmed`,
 * `payment_status_updated`, …) with `actionEvent.body`, whose body names the entity (`{ booking }`, `{ order }`),
 * as Wix's Booking Confirmed event does (`event.data.booking`).
 */
import type { OutboxEvent, OutboxEventType } from '../../storage/outbox-types.js';

import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../src/model/webhooks.js';

// The list lives in the model (the console offers it too); every name must be an outbox event.
WEBHOOK_EVENT_TYPES satisfies readonly OutboxEventType[];
export { WEBHOOK_EVENT_TYPES, type WebhookEventType };

export const isWebhookEventType = (type: string): type is WebhookEventType => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);

export interface WebhookEnvelope {
  id: string;
  eventType: string;
  entityFqdn: string;
  slug: string;
  entityId: string;
  eventTime: string;
  /** A string, as Wix sends it (a 64-bit number in their API). */
  entityEventSequence: string;
  createdEvent?: { entity: Record<string, unknown> };
  updatedEvent?: { currentEntity: Record<string, unknown> };
  actionEvent?: { body: Record<string, unknown> };
}

/** The action part of an event type: `wix.bookings.v2.booking_confirmed` → `booking_confirmed`. */
const action = (eventType: string): string => eventType.slice(eventType.lastIndexOf('.') + 1);

/** `booking_created` → `created`, `booking_updated` → `updated`; any other action is its own slug. */
export function slugOf(event: Pick<OutboxEvent, 'eventType' | 'entityFqdn'>): string {
  const name = action(event.eventType);
  const entity = action(event.entityFqdn);
  if (name === `${entity}_created`) return 'created';
  if (name === `${entity}_updated`) return 'updated';
  // Wix's order actions drop the entity's name (`payment_status_updated`); booking actions keep it.
  return entity === 'order' && name.startsWith('order_') ? name.slice('order_'.length) : name;
}

export function webhookEnvelope(event: OutboxEvent): WebhookEnvelope {
  const slug = slugOf(event);
  const head = {
    id: event.id,
    eventType: event.eventType,
    entityFqdn: event.entityFqdn,
    slug,
    entityId: event.entityId,
    eventTime: event.eventTime,
    entityEventSequence: String(event.entityEventSequence),
  };
  if (slug === 'created') return { ...head, createdEvent: { entity: event.payload } };
  if (slug === 'updated') return { ...head, updatedEvent: { currentEntity: event.payload } };
  return { ...head, actionEvent: { body: { [action(event.entityFqdn)]: event.payload } } };
}
