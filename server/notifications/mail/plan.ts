/**
 * Which emails a booking change sends (contract section 13), decided from the change alone: the booking before
 * and after, the lifecycle call and who made it. Pure, so every rule is tested without a server.
 *
 * - To the customer: received (it waits for the business), confirmed, declined, canceled, rescheduled, and moved
 *   off the waiting list. Joining the waiting list, a payment or a note sends nothing.
 * - To the business (its owners and the staff member concerned): a new booking (confirmed at once), one waiting
 *   for approval, a double booking to resolve, and a cancellation the business did not make itself.
 */
import type { Booking, BookingStatus } from '../../../src/model/booking.js';
import type { BusinessEmailKind, CustomerEmailKind } from '../email/types.js';

export interface BookingChangeFacts {
  /** The booking before the change; null for a new one. */
  before: Booking | null;
  after: Booking;
  /** The lifecycle call (`RESCHEDULE`, `CONFIRM`, …), as the history has it. */
  action: string;
  /** Who made it: the owner does not need an email about its own cancellation. */
  actorKind: string;
  /** The business said not to tell the customer (a session cancelled quietly): no customer email. */
  notifyParticipants?: boolean;
}

export type PlannedEmail = { kind: CustomerEmailKind; role: 'customer' } | { kind: BusinessEmailKind; role: 'business' };

const RESCHEDULE = 'RESCHEDULE';
/** Statuses a booking can be in before its customer has heard anything from the business. */
const UNANSWERED: readonly (BookingStatus | null)[] = [null, 'CREATED', 'PENDING'];

export function plannedEmails({ before, after, action, actorKind, notifyParticipants }: BookingChangeFacts): PlannedEmail[] {
  const planned: PlannedEmail[] = [];
  const from = before?.status ?? null;
  const customer = (kind: CustomerEmailKind) => {
    if (notifyParticipants !== false) planned.push({ kind, role: 'customer' });
  };
  const business = (kind: BusinessEmailKind) => planned.push({ kind, role: 'business' });

  if (action === RESCHEDULE && before && after.status !== 'CANCELED' && after.status !== 'DECLINED') {
    customer('booking-rescheduled');
  } else if (after.status !== from) {
    switch (after.status) {
      case 'PENDING':
        customer('booking-received');
        business('business-approval-needed');
        break;
      case 'CONFIRMED':
        if (from === 'WAITING_LIST') customer('waitlist-promoted');
        else customer('booking-confirmed');
        // A confirmation after approval is the owner's own act; a booking confirmed at once is news to the business.
        if (from === null || from === 'CREATED') business('business-new-booking');
        break;
      case 'DECLINED':
        if (UNANSWERED.includes(from) || from === 'WAITING_LIST') customer('booking-declined');
        break;
      case 'CANCELED':
        customer('booking-canceled');
        // The business canceled it itself (the owner or a STAFF account): no email tells it what it did.
        if (actorKind !== 'owner' && actorKind !== 'staff') business('business-cancellation');
        break;
      default:
        break;
    }
  }
  if (after.doubleBooked && !before?.doubleBooked) business('business-double-booking');
  return planned;
}
