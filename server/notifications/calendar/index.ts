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
 *   (vtimezone.ts).
 *
 * Written by hand, not with the `ics` package: `ics` cannot write `TZID=` times nor a VTIMEZONE, and it folds
 * lines at 75 characters rather than 75 octets. text.ts escapes, folds at 75 octets and ends lines with CRLF.
 */
import { Temporal } from 'temporal-polyfill';
import type { Booking } from '../../../src/model/booking.js';
import { escapeText, paramValue, property, serialize } from './text.js';
import { formatLocal, vtimezone } from './vtimezone.js';

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
const PRODID = '-//Bookings API//Calendar files//EN';

export const calendarUid = (bookingId: string): string => `${bookingId}@${UID_DOMAIN}`;

const isEnded = (booking: Booking) => booking.status === 'CANCELED' || booking.status === 'DECLINED';

/** CANCEL for a canceled or declined booking, else REQUEST. */
export const calendarMethodFor = (booking: Booking): CalendarMethod => (isEnded(booking) ? 'CANCEL' : 'REQUEST');

/** Reschedules, plus one for the cancellation: it rises with every change a calendar must apply. */
export function calendarSequence(booking: Booking, context: Pick<CalendarContext, 'reschedules'>, method: CalendarMethod): number {
  return context.reschedules + (method === 'CANCEL' || isEnded(booking) ? 1 : 0);
}

/** `20261201T150000Z` */
function formatUtc(iso: string): string {
  return `${iso.replace(/[-:]/g, '').replace(/\.\d+/, '').slice(0, 15)}Z`;
}

function instantOf(value: string | undefined, what: string, bookingId: string): Temporal.Instant {
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

function status(booking: Booking, method: CalendarMethod): string {
  if (method === 'CANCEL') return 'CANCELLED';
  return booking.status === 'CONFIRMED' ? 'CONFIRMED' : 'TENTATIVE';
}

function people(booking: Booking, context: CalendarContext, method: CalendarMethod): string[] {
  const lines: string[] = [];
  if (context.business.email) {
    lines.push(property('ORGANIZER', `mailto:${context.business.email}`, { CN: paramValue(context.business.name) }));
  }
  const contact = booking.contactDetails;
  if (contact.email) {
    const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
    const partstat = method === 'CANCEL' ? 'DECLINED' : booking.status === 'CONFIRMED' ? 'ACCEPTED' : 'TENTATIVE';
    lines.push(
      property('ATTENDEE', `mailto:${contact.email}`, {
        ...(name ? { CN: paramValue(name) } : {}),
        ROLE: 'REQ-PARTICIPANT',
        PARTSTAT: partstat,
        RSVP: 'FALSE',
      }),
    );
  }
  return lines;
}

/** The calendar text (CRLF lines, folded) for `booking`, as `method` says. */
export function bookingCalendar(booking: Booking, context: CalendarContext, method: CalendarMethod = calendarMethodFor(booking)): string {
  const zone = context.business.timeZone;
  const start = instantOf(booking.startDate, 'start', booking.id);
  const end = instantOf(booking.endDate, 'end', booking.id);
  // A wall time in the repeated hour of a fall-back change names two instants; RFC 5545 (3.3.5) reads the first,
  // some parsers (ical.js) the second. Such a time is written in UTC instead, which every reader agrees on.
  const when = (name: string, instant: Temporal.Instant) => {
    const wall = instant.toZonedDateTimeISO(zone).toPlainDateTime();
    const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' }).toInstant();
    const later = wall.toZonedDateTime(zone, { disambiguation: 'later' }).toInstant();
    return earlier.equals(later)
      ? property(name, formatLocal(wall), { TZID: paramValue(zone) })
      : property(name, formatUtc(instant.toString()));
  };
  const event = [
    'BEGIN:VEVENT',
    property('UID', calendarUid(booking.id)),
    property('SEQUENCE', String(calendarSequence(booking, context, method))),
    property('DTSTAMP', formatUtc(booking.updatedDate)),
    property('CREATED', formatUtc(booking.createdDate)),
    property('LAST-MODIFIED', formatUtc(booking.updatedDate)),
    when('DTSTART', start),
    when('DTEND', end),
    property('SUMMARY', escapeText(context.serviceName)),
    ...(context.location ? [property('LOCATION', escapeText(context.location))] : []),
    property('DESCRIPTION', escapeText(description(booking, context, method))),
    ...(context.manageUrl && method === 'REQUEST' ? [property('URL', context.manageUrl)] : []),
    ...people(booking, context, method),
    property('STATUS', status(booking, method)),
    property('TRANSP', method === 'CANCEL' ? 'TRANSPARENT' : 'OPAQUE'),
    'END:VEVENT',
  ];
  return serialize([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', PRODID),
    'CALSCALE:GREGORIAN',
    property('METHOD', method),
    ...vtimezone(zone, start, end),
    ...event,
    'END:VCALENDAR',
  ]);
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
