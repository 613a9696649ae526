/**
 * How one booking reads in its view, pure: start–end in the studio's zone, participants and their choices, who
 * made each change, and the booking's line of its order. No element, so the rules are tested alone.
 */
import type { Booking } from '../../model/booking.js';
import type { BookingHistoryEntry } from '../../model/booking-history.js';
import type { CheckoutLineItem, EcomOrder } from '../../model/checkout.js';
import { formatStart } from '../bookings/booking-rows.js';

const timeFormats = new Map<string, Intl.DateTimeFormat>();

function timeOnly(iso: string, timeZone: string | undefined, locale: string): string {
  const key = `${locale}|${timeZone}`;
  let f = timeFormats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
    } catch {
      f = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' });
    }
    timeFormats.set(key, f);
  }
  return f.format(new Date(iso));
}

/** "Wed, Dec 2, 10:00 AM EST – 11:00 AM": the start with its zone's short name, then the end's time. */
export function formatRange(booking: Booking, timeZone: string | undefined, locale = 'en-US'): string {
  const start = formatStart(booking, timeZone, locale);
  return booking.endDate ? `${start} – ${timeOnly(booking.endDate, timeZone, locale)}` : start;
}

/** "2", or "2 (60 min)" when a choice names a duration or a custom variant. */
export function participantsText(booking: Booking): string {
  if (booking.totalParticipants !== undefined) return String(booking.totalParticipants);
  const choices = booking.participantsChoices?.serviceChoices ?? [];
  return choices
    .map(({ numberOfParticipants, choices: picked }) => {
      const names = picked.map((c) => c.custom ?? c.duration?.name ?? (c.duration ? `${c.duration.minutes} min` : '')).filter(Boolean);
      return names.length ? `${numberOfParticipants} (${names.join(', ')})` : String(numberOfParticipants);
    })
    .join(', ');
}

const ACTORS: Record<BookingHistoryEntry['actor']['kind'], string> = {
  owner: 'the owner',
  staff: 'staff',
  visitor: 'the customer',
  member: 'the customer',
  anonymous: 'the customer',
  system: 'the system',
};

const ACTIONS: Record<string, string> = {
  CREATE: 'Created',
  CONFIRM: 'Confirmed',
  DECLINE: 'Declined',
  CANCEL: 'Canceled',
  RESCHEDULE: 'Rescheduled',
  CONFIRM_OR_DECLINE: 'Checked out',
  MARK_AS_PENDING: 'Marked as pending',
  PAYMENT_STATUS: 'Payment changed',
  SPOT_OPENED: 'Spot opened',
  CREATE_WAITLISTED: 'Added to the waiting list',
  ORDER_DECLINED: 'Declined with its order',
  UPDATE_NUMBER_OF_PARTICIPANTS: 'Participants changed',
};

/** "Confirmed by the owner: PENDING → CONFIRMED" (an action this list does not know reads as its words). */
export function historyLine(entry: BookingHistoryEntry): string {
  const words = entry.action.toLowerCase().replace(/_/g, ' ');
  const action = ACTIONS[entry.action] ?? words.charAt(0).toUpperCase() + words.slice(1);
  const move = entry.fromStatus && entry.fromStatus !== entry.toStatus ? `: ${entry.fromStatus} → ${entry.toStatus}` : '';
  const created = entry.fromStatus === null ? `: ${entry.toStatus}` : '';
  return `${action} by ${ACTORS[entry.actor.kind]}${move}${created}`;
}

/** When a change happened, in the studio's zone. */
export function historyTime(entry: BookingHistoryEntry, timeZone: string | undefined, locale = 'en-US'): string {
  return formatStart({ startDate: entry.at } as Booking, timeZone, locale);
}

/** The booking's own line of its order (an order may hold several bookings). */
export function lineOf(order: EcomOrder, bookingId: string): CheckoutLineItem | undefined {
  return order.lineItems.find((l) => l.catalogReference.catalogItemId === bookingId);
}
