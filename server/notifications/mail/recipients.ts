/**
 * Who receives a message: the booking's customer (its contact email, in its own zone when the booking has one),
 * the business's owners (the business email; business accounts join them with the console) and the staff member
 * the booking is with (the appointment's, or the class session's teacher; their email, unless it is the business's).
 */
import type { Booking } from '../../../src/model/booking.js';
import type { Business } from '../../../src/model/business.js';
import type { Storage } from '../../storage/types.js';
import type { EmailRecipient } from '../email/types.js';
import { decodeEventId } from '../../domain/availability/event-id.js';

export type RecipientRole = EmailRecipient['role'];
export const RECIPIENT_ROLES: readonly RecipientRole[] = ['customer', 'owner', 'staff'];

/** The staff member a booking is with: the appointment's resource, else the teacher of the class session's rule. */
async function staffMemberOf(storage: Storage, booking: Booking): Promise<string | undefined> {
  const slot = booking.bookedEntity.slot;
  if (slot?.resource?.id) return slot.resource.id;
  const ref = slot?.eventId ? decodeEventId(slot.eventId) : null;
  return ref ? (await storage.schedules.getRule(ref.ruleId))?.staffMemberId : undefined;
}

async function staffEmail(storage: Storage, booking: Booking): Promise<{ email: string; name: string } | null> {
  const id = await staffMemberOf(storage, booking);
  const staff = id ? await storage.staff.get(id) : null;
  return staff?.email ? { email: staff.email, name: staff.name } : null;
}

/** The recipient of `role` for `booking`; null when there is nobody with an address. */
export async function recipientFor(
  storage: Storage,
  role: RecipientRole,
  booking: Booking,
  business: Business,
): Promise<EmailRecipient | null> {
  if (role === 'customer') {
    const { email, firstName, lastName, timeZone } = booking.contactDetails;
    if (!email) return null;
    const name = [firstName, lastName].filter(Boolean).join(' ');
    return { email, role, ...(name ? { name } : {}), ...(timeZone ? { timeZone } : {}) };
  }
  if (role === 'owner') return business.email ? { email: business.email, name: business.name, role } : null;
  const staff = await staffEmail(storage, booking);
  if (!staff || staff.email.toLowerCase() === business.email?.toLowerCase()) return null;
  return { email: staff.email, name: staff.name, role };
}
