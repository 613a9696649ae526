/**
 * One customer may not fill a session with unpaid bookings under made-up names (docs/security.md): a visitor or
 * member holds at most `participantsPolicy.maxUnpaidBookingsPerSession` live, unpaid bookings in one session
 * (extension to Wix's participants policy; default DEFAULT_MAX_UNPAID_PER_SESSION). Paid bookings do not count:
 * money is its own limit. More people in one booking is what `maxParticipantsPerBooking` is for.
 */
import type { Booking, BookingStatus } from '../../../src/model/booking.js';
import type { Service } from '../../../src/model/service.js';
import type { Identity } from '../identity/identity.js';
import type { Storage } from '../../storage/types.js';
import type { ResolvedSlot } from '../availability/slot-resolver.js';
import { DomainError } from '../errors.js';

export const DEFAULT_MAX_UNPAID_PER_SESSION = 3;

// Waiting-list places hold no spot in the session (the waitlist has its own capacity), so they do not count.
const LIVE: readonly BookingStatus[] = ['CREATED', 'PENDING', 'CONFIRMED'];
const PAID: readonly Booking['paymentStatus'][] = ['PAID', 'PARTIALLY_PAID'];

/** True when the booking is for the same session (class event, course, or appointment time) as `slot`. */
function sameSession(booking: Booking, slot: ResolvedSlot): boolean {
  const entity = booking.bookedEntity;
  if (slot.kind === 'COURSE') return entity.schedule?.scheduleId === slot.scheduleId;
  if (slot.eventId) return entity.slot?.eventId === slot.eventId;
  return entity.slot?.serviceId === slot.serviceId && booking.startDate === slot.startUtc;
}

/** Throws 428 BOOKING_POLICY_VIOLATION when the caller already holds its share; the owner is never limited. */
export async function checkUnpaidLimit(storage: Storage, identity: Identity, service: Service, slot: ResolvedSlot): Promise<void> {
  if (identity.kind === 'owner') return;
  const max = service.bookingPolicy.participantsPolicy.maxUnpaidBookingsPerSession ?? DEFAULT_MAX_UNPAID_PER_SESSION;
  const mine = await storage.bookings.list(
    identity.kind === 'visitor' ? { visitorId: identity.visitorId } : { memberId: identity.memberId },
  );
  const held = mine.filter(({ booking: b }) => LIVE.includes(b.status) && !PAID.includes(b.paymentStatus) && sameSession(b, slot)).length;
  if (held >= max) {
    throw new DomainError(
      'BOOKING_POLICY_VIOLATION',
      `You already hold ${held} unpaid booking${held === 1 ? '' : 's'} for "${slot.title}" at ${slot.localStart}, the most one customer may. ` +
        'Pay for or cancel one first, or book several participants in one booking.',
      { maxUnpaidBookingsPerSession: max, held },
    );
  }
}
