/**
 * The outbox event of a registration for an email that is already a member's: internal (never sent to a
 * webhook), it asks the `email:account-exists` channel (server/notifications/mail/account-channel.ts) to tell
 * that address it already has an account. Appended in the registration's transaction, like a booking's events.
 * Its own entity name, so it takes no number from any sequence a webhook receiver sees.
 */
import { randomUUID } from 'node:crypto';
import type { NewOutboxEvent, OutboxEventType } from '../../storage/outbox-types.js';

export const REGISTRATION_FQDN = 'members.internal.registration';
export const REGISTRATION_FOR_KNOWN_EMAIL = 'members.registration_for_known_email' satisfies OutboxEventType;

/** What the event carries: the address to write to and the member's own first name. Never a password. */
export interface KnownEmailPayload {
  email: string;
  /** The name the member gave when it registered, not the one the new attempt typed (a stranger's text). */
  firstName?: string;
}

export function registrationForKnownEmail(memberId: string, payload: KnownEmailPayload, at: Date): NewOutboxEvent {
  return {
    id: randomUUID(),
    eventType: REGISTRATION_FOR_KNOWN_EMAIL,
    entityFqdn: REGISTRATION_FQDN,
    entityId: memberId,
    payload: { email: payload.email, ...(payload.firstName ? { firstName: payload.firstName } : {}) },
    eventTime: at.toISOString(),
    // The outbox's clock (real time): retries are scheduled and given up by it, whatever the business clock says.
    createdAt: Date.now(),
  };
}

/** The payload of such an event as delivered; null when it is not one (or not well formed). */
export function knownEmailPayload(payload: Record<string, unknown>): KnownEmailPayload | null {
  const { email, firstName } = payload;
  if (typeof email !== 'string' || email === '') return null;
  return { email, ...(typeof firstName === 'string' && firstName !== '' ? { firstName } : {}) };
}
