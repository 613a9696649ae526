/**
 * Calendar files for one booking (contract section 13): an RFC 5545 VCALENDAR with one VEVENT and the VTIMEZONE
 * of the business's zone. Pure: the booking and a `CalendarContext` (service name, business, location, staff,
 * sequence; server/notifications/calendar/context.ts loads it from storage) in, text out.
 *
 * - `UID` is `<bookingId>@bookings.local`: the same for every file of a booking (confirmation, reschedule,
 *   cancellation, the `.ics` routes, email attachments), so a calendar updates its one event instead of adding one.
 * - `SEQUENCE` is the number of reschedules, plus one once the booking is canceled or declined: each change a
 *   calendar must apply raises it (RFC 5546 section 2.1.4).
 * - `METHOD:REQUEST` for a live booking (STATUS CONFIRMED, or TENTATIVE while the business has not confirmed it),
 *   `METHOD:CANCEL` with STATUS CANCELLED for a canceled or declined one.
 * - `DTSTART`/`DTEND` carry `TZID=<business zone>` and local times, with a VTIMEZONE computed by Temporal
 *   (vtimezone.ts); an event in the repeated hour of a fall-back change is written in UTC (writer.ts says why).
 *
 * Written with `ical-generator` (writer.ts), which escapes, folds at 75 octets and ends lines with CRLF. The
 * subscribable feeds (feed.ts) write their events with the same UID and SEQUENCE, so calendars match them.
 */
import { Temporal } from 'temporal-polyfill';
import type { Booking } from '../../../src/model/booking.js';
import { writeCalendar, type EventSpec } from './writer.js';

export type CalendarMethod = 'REQUEST' | 'CANCEL';

export interface CalendarContext {
  /** The event's title: the service's name. */
  serviceName: string;
  business: { name: string; timeZone: string; email?: string };
  /** A place name or address, when the booking or its service has one. */
  location?: string;
  staffName?: string;
  /** Reschedules so far (the booking's history); `calendarSequence` adds the cancellation. */
  reschedules: number;
  /** The customer's manage link (contract section 15), when the caller has one. */
  manageUrl?: string;
}

export interface CalendarAttachment {
  filename: string;
  content: string;
  contentType: `text/calendar; method=${CalendarMethod}; charset=utf-8`;
}

export const UID_DOMAIN = 'bookings.local';
export const calendarUid = (bookingId: string): string => `${bookingId}@${UID_DOMAIN}`;

const isEnded = (booking: Booking) => booking.status === 'CANCELED' || booking.status === 'DECLINED';

/** CANCEL for a canceled or declined booking, else REQUEST. */
export const calendarMethodFor = (booking: Booking): CalendarMethod => (isEnded(booking) ? 'CANCEL' : 'REQUEST');

/** Reschedules, plus one for the cancellation: it rises with every change a calendar must apply. */
export function calendarSequence(booking: Booking, context: Pick<CalendarContext, 'reschedules'>, method: CalendarMethod): number {
  return context.reschedules + (method === 'CANCEL' || isEnded(booking) ? 1 : 0);
}

export function instantOf(value: string | undefined, what: string, bookingId: string): Temporal.Instant {
  if (!value) throw new Error(`Booking ${bookingId} has no ${what}: it cannot be written as a calendar event`);
  return Temporal.Instant.from(value);
}

function description(booking: Booking, context: CalendarContext, method: CalendarMethod): string {
  const lines = [
    method === 'CANCEL'
      ? `Your booking of ${context.serviceName} with ${context.business.name} is canceled.`
      : `Your booking of ${context.serviceName} with ${context.business.name}.`,
  ];
  if (context.staffName) lines.push(`With: ${context.staffName}`);
  if (context.location) lines.push(`Where: ${context.location}`);
  lines.push(`Booking reference: ${booking.id}`);
  if (method === 'REQUEST') {
    if (context.manageUrl) lines.push(`To reschedule or cancel, open ${context.manageUrl}`);
    else {
      const contact = context.business.email ? ` at ${context.business.email}` : '';
      lines.push(`To reschedule or cancel, use the link in your booking email or contact ${context.business.name}${contact}.`);
    }
  }
  return lines.join('\n');
}

function status(booking: Booking, method: CalendarMethod): EventSpec['status'] {
  if (method === 'CANCEL') return 'CANCELLED';
  return booking.status === 'CONFIRMED' ? 'CONFIRMED' : 'TENTATIVE';
}

/** The customer as ATTENDEE (when there is an email), answering as the booking stands. */
function attendee(booking: Booking, method: CalendarMethod): EventSpec['attendee'] {
  const contact = booking.contactDetails;
  if (!contact.email) return undefined;
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const partstat = method === 'CANCEL' ? 'DECLINED' : booking.status === 'CONFIRMED' ? 'ACCEPTED' : 'TENTATIVE';
  return { email: contact.email, ...(name ? { name } : {}), partstat };
}

/** The calendar text (CRLF lines, folded) for `booking`, as `method` says. */
export function bookingCalendar(booking: Booking, context: CalendarContext, method: CalendarMethod = calendarMethodFor(booking)): string {
  const person = attendee(booking, method);
  const event: EventSpec = {
    uid: calendarUid(booking.id),
    sequence: calendarSequence(booking, context, method),
    stamp: booking.updatedDate,
    created: booking.createdDate,
    lastModified: booking.updatedDate,
    start: instantOf(booking.startDate, 'start', booking.id),
    end: instantOf(booking.endDate, 'end', booking.id),
    summary: context.serviceName,
    ...(context.location ? { location: context.location } : {}),
    description: description(booking, context, method),
    ...(context.manageUrl && method === 'REQUEST' ? { url: context.manageUrl } : {}),
    ...(context.business.email ? { organizer: { name: context.business.name, email: context.business.email } } : {}),
    ...(person ? { attendee: person } : {}),
    status: status(booking, method),
    transparent: method === 'CANCEL',
  };
  return writeCalendar({ method, zone: context.business.timeZone, events: [event] });
}

/** The calendar file as an email attachment (the email slice attaches it as is). */
export function calendarAttachment(
  booking: Booking,
  context: CalendarContext,
  method: CalendarMethod = calendarMethodFor(booking),
): CalendarAttachment {
  return {
    filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
    content: bookingCalendar(booking, context, method),
    contentType: `text/calendar; method=${method}; charset=utf-8`,
  };
}
