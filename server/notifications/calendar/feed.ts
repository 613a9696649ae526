/**
 * A subscribable feed's text (contract section 13): `METHOD:PUBLISH`, the feed's name, a refresh hint of 15
 * minutes, one VTIMEZONE for the business's zone and one VEVENT per live booking. Pure: bookings and their
 * calendar contexts in, text out (feeds.ts reads them from storage).
 *
 * Each event has the UID and SEQUENCE of the booking's own calendar file (index.ts), so a calendar that holds both
 * the emailed invitation and the feed sees one event. The feed is for the business (the owner, a staff member),
 * so an event says who booked: the customer's name in the title, their contact details in the description.
 * PENDING is TENTATIVE (the business has not confirmed it), CONFIRMED is CONFIRMED. There is no ORGANIZER or
 * ATTENDEE: a published calendar is read-only, and with them Outlook and Google treat the event as a meeting
 * and offer to email the customer.
 */
import type { Booking } from '../../../src/model/booking.js';
import { participantsOf } from '../../../src/pricing/participants.js';
import { calendarSequence, calendarUid, instantOf, type CalendarContext } from './index.js';
import { writeCalendar, type EventSpec } from './writer.js';

/** How often a subscriber should fetch the feed again (Google refreshes on its own schedule regardless). */
export const FEED_REFRESH_SECONDS = 15 * 60;

export interface FeedEntry {
  booking: Booking;
  context: CalendarContext;
}

function customerName(booking: Booking): string {
  const c = booking.contactDetails;
  return [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || 'A customer';
}

function feedDescription(booking: Booking, context: CalendarContext, participants: number): string {
  const c = booking.contactDetails;
  const lines: string[] = [];
  if (booking.status !== 'CONFIRMED') lines.push('Waiting for your confirmation.');
  lines.push(`Customer: ${customerName(booking)}`);
  if (c.email) lines.push(`Email: ${c.email}`);
  if (c.phone) lines.push(`Phone: ${c.phone}`);
  if (participants > 1) lines.push(`Participants: ${participants}`);
  if (context.staffName) lines.push(`With: ${context.staffName}`);
  if (context.location) lines.push(`Where: ${context.location}`);
  lines.push(`Booking reference: ${booking.id}`);
  return lines.join('\n');
}

/** One booking as a feed event. */
export function feedEvent(booking: Booking, context: CalendarContext): EventSpec {
  const participants = participantsOf(booking);
  const who = participants > 1 ? `${customerName(booking)} (${participants})` : customerName(booking);
  return {
    uid: calendarUid(booking.id),
    sequence: calendarSequence(booking, context, 'REQUEST'),
    stamp: booking.updatedDate,
    created: booking.createdDate,
    lastModified: booking.updatedDate,
    start: instantOf(booking.startDate, 'start', booking.id),
    end: instantOf(booking.endDate, 'end', booking.id),
    summary: `${context.serviceName}: ${who}`,
    ...(context.location ? { location: context.location } : {}),
    description: feedDescription(booking, context, participants),
    status: booking.status === 'CONFIRMED' ? 'CONFIRMED' : 'TENTATIVE',
    transparent: false,
  };
}

/** The feed's calendar text: `name` is what a calendar app lists it as. */
export function feedCalendar(feed: { name: string; zone: string; entries: readonly FeedEntry[] }): string {
  return writeCalendar({
    method: 'PUBLISH',
    zone: feed.zone,
    name: feed.name,
    refreshSeconds: FEED_REFRESH_SECONDS,
    events: feed.entries.map((e) => feedEvent(e.booking, e.context)),
  });
}
