/**
 * Who may see a booking and how a caller is named in history and idempotency scopes. A visitor or member sees
 * only its own bookings; the owner (key or OWNER account) sees all; a STAFF account sees its staff member's
 * (staff-access.ts); anything else is "not found" (404), never "forbidden": the contract's "sees only" means a
 * booking of another staff member does not exist for it, as another customer's does not for a visitor.
 */
import type { Identity } from '../identity/identity.js';
import type { BookingChange, Storage, StoredBooking } from '../../storage/types.js';
import { notFound } from '../errors.js';
import { staffMemberSees } from './staff-access.js';

/** Whether `identity` may see `record`, by what the record says alone (STAFF needs the timetable: `canSee`). */
export function owns(identity: Identity, record: StoredBooking): boolean {
  switch (identity.kind) {
    case 'owner':
      return true;
    case 'staff':
      return false;
    case 'visitor':
      return record.visitorId !== null && record.visitorId === identity.visitorId;
    case 'member':
      return record.memberId !== null && record.memberId === identity.memberId;
  }
}

export const bookingNotFound = (id: string) => notFound('Booking', id, 'BOOKING_NOT_FOUND');

/** Whether `identity` may see `record`: `owns`, and for a STAFF account its staff member's bookings. */
export function canSee(storage: Pick<Storage, 'schedules'>, identity: Identity, record: StoredBooking): Promise<boolean> {
  if (identity.kind === 'staff') return staffMemberSees(storage, identity.staffMemberId, record.booking);
  return Promise.resolve(owns(identity, record));
}

/** `visibleTo` for every caller, STAFF accounts included. */
export async function visibleRecord(
  storage: Pick<Storage, 'schedules'>,
  identity: Identity,
  id: string,
  record: StoredBooking | null,
): Promise<StoredBooking> {
  if (!record || !(await canSee(storage, identity, record))) throw bookingNotFound(id);
  return record;
}

/** The record when `identity` may see it; else 404, the same answer as for a booking that does not exist. */
export function visibleTo(identity: Identity, id: string, record: StoredBooking | null): StoredBooking {
  if (!record || !owns(identity, record)) throw bookingNotFound(id);
  return record;
}

export function actorOf(identity: Identity): BookingChange['actor'] {
  switch (identity.kind) {
    case 'owner':
      // An OWNER account is named in history; the owner key has no id.
      return identity.userId ? { kind: 'owner', id: identity.userId } : { kind: 'owner' };
    case 'staff':
      return { kind: 'staff', id: identity.userId };
    case 'visitor':
      return { kind: 'visitor', id: identity.visitorId };
    case 'member':
      return { kind: 'member', id: identity.memberId };
  }
}

/** Idempotency keys are scoped per caller: two visitors may pick the same key without colliding. */
export function scopeOf(identity: Identity): string {
  // The owner key and OWNER accounts are one business: they share a scope (as they share every right).
  if (identity.kind === 'owner') return 'owner';
  const actor = actorOf(identity);
  return actor.id ? `${actor.kind}:${actor.id}` : actor.kind;
}
