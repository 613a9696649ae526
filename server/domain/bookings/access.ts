/**
 * Who may see a booking and how a caller is named in history and idempotency scopes. A visitor or member sees
 * only its own bookings; the owner sees all; anything else is "not found" (404), never "forbidden".
 */
import type { Identity } from '../identity/identity.js';
import type { BookingChange, StoredBooking } from '../../storage/types.js';
import { notFound } from '../errors.js';

export function owns(identity: Identity, record: StoredBooking): boolean {
  switch (identity.kind) {
    case 'owner':
      return true;
    case 'visitor':
      return record.visitorId !== null && record.visitorId === identity.visitorId;
    case 'member':
      return record.memberId !== null && record.memberId === identity.memberId;
  }
}

export const bookingNotFound = (id: string) => notFound('Booking', id, 'BOOKING_NOT_FOUND');

/** The record when `identity` may see it; else 404, the same answer as for a booking that does not exist. */
export function visibleTo(identity: Identity, id: string, record: StoredBooking | null): StoredBooking {
  if (!record || !owns(identity, record)) throw bookingNotFound(id);
  return record;
}

export function actorOf(identity: Identity): BookingChange['actor'] {
  switch (identity.kind) {
    case 'owner':
      return { kind: 'owner' };
    case 'visitor':
      return { kind: 'visitor', id: identity.visitorId };
    case 'member':
      return { kind: 'member', id: identity.memberId };
  }
}

/** Idempotency keys are scoped per caller: two visitors may pick the same key without colliding. */
export function scopeOf(identity: Identity): string {
  const actor = actorOf(identity);
  return actor.id ? `${actor.kind}:${actor.id}` : actor.kind;
}
