/**
 * The bookings a STAFF business account sees (contract section 12): those of its staff member's appointments and
 * sessions. An appointment is its staff member's when the slot's resource is that member; a class session's
 * booking carries the session's event id, whose rule names the teacher; a course booking names the course's
 * schedule, whose sessions' rules name theirs. Rules are setup reads, served from memory
 * (storage/setup-read-cache.ts), so checking every booking of a list costs no query each.
 */
import type { Booking } from '../../../src/model/booking.js';
import type { Storage } from '../../storage/types.js';
import { decodeEventId } from '../availability/event-id.js';
import { notFound } from '../errors.js';

export async function staffMemberSees(storage: Pick<Storage, 'schedules'>, staffMemberId: string, booking: Booking): Promise<boolean> {
  const { slot, schedule } = booking.bookedEntity;
  if (slot?.resource?.id !== undefined) return slot.resource.id === staffMemberId;
  const ref = slot?.eventId ? decodeEventId(slot.eventId) : null;
  if (ref) return (await storage.schedules.getRule(ref.ruleId))?.staffMemberId === staffMemberId;
  if (schedule) {
    const rules = await storage.schedules.listRules({ staffMemberId });
    return rules.some((rule) => rule.scheduleId === schedule.scheduleId);
  }
  return false;
}

/**
 * A STAFF account marks an order paid only when every booking of it is its staff member's (an order of a customer
 * who booked Alex and Sam together stays the owner's to settle); anything else is ORDER_NOT_FOUND, as for a
 * customer's order another customer asks about.
 */
export async function checkStaffOrder(
  storage: Pick<Storage, 'schedules' | 'bookings' | 'commerce'>,
  staffMemberId: string,
  orderId: string,
): Promise<void> {
  const links = await storage.commerce.orders.links(orderId);
  let seen = links.length > 0;
  for (const link of links) {
    const record = seen ? await storage.bookings.get(link.bookingId) : null;
    seen = record !== null && (await staffMemberSees(storage, staffMemberId, record.booking));
  }
  if (!seen) throw notFound('Order', orderId, 'ORDER_NOT_FOUND');
}
