/**
 * One customer may not fill a session with unpaid bookings under made-up names (docs/security.md): a visitor or
 * member holds at most `participantsPolicy.maxUnpaidBookingsPerSession` live, unpaid bookings in one session
 * (extension to Wix's participants policy; default DEFAULT_MAX_UNPAID_PER_SESSION). Paid bookings do not count:
 * money is its own limit. More people in one booking is what `maxParticipantsPerBooking` is for.
 */
import type { Service } from '../../../src/model/service.js';
import type { Identity } from '../identity/identity.js';
import type { SessionKey, Storage } from '../../storage/types.js';
import type { ResolvedSlot } from '../availability/slot-resolver.js';
import { DomainError } from '../errors.js';

export const DEFAULT_MAX_UNPAID_PER_SESSION = 3;

// Live means CREATED, PENDING or CONFIRMED: waiting-list places hold no spot in the session (the waitlist has
// its own capacity), so they do not count; nor do PAID or PARTIALLY_PAID bookings.

/** The session of `slot`: its class event, its course, or its appointment service and start. */
function sessionOf(slot: ResolvedSlot): SessionKey {
  if (slot.kind === 'COURSE') return { courseScheduleId: slot.scheduleId };
  if (slot.eventId) return { eventId: slot.eventId };
  return { serviceId: slot.serviceId, startUtc: slot.startUtc };
}

/** Throws 428 BOOKING_POLICY_VIOLATION when the caller already holds its share; the owner is never limited. */
export async function checkUnpaidLimit(storage: Storage, identity: Identity, service: Service, slot: ResolvedSlot): Promise<void> {
  // STAFF accounts create no bookings (booking-commands.ts refuses them first).
  if (identity.kind === 'owner' || identity.kind === 'staff') return;
  const max = service.bookingPolicy.participantsPolicy.maxUnpaidBookingsPerSession ?? DEFAULT_MAX_UNPAID_PER_SESSION;
  const owner = identity.kind === 'visitor' ? { visitorId: identity.visitorId } : { memberId: identity.memberId };
  const held = await storage.bookings.countUnpaidInSession(owner, sessionOf(slot));
  if (held >= max) {
    throw new DomainError(
      'BOOKING_POLICY_VIOLATION',
      `You already hold ${held} unpaid booking${held === 1 ? '' : 's'} for "${slot.title}" at ${slot.localStart}, the most one customer may. ` +
        'Pay for or cancel one first, or book several participants in one booking.',
      { maxUnpaidBookingsPerSession: max, held },
    );
  }
}
