/**
 * What the status view offers to add to a calendar: the booking's event (src/calendar) with its title, place and
 * reference, only while the booking is CONFIRMED or PENDING and has a time. A course offers its first session and
 * names the rest in the details (the server's `.ics` is not offered for a course: it is one event weeks long).
 */
import type { Booking } from '../../model/booking.js';
import type { FlowContext } from '../../flow/types.js';
import { calendarEventOf, type CalendarEvent } from '../../calendar/calendar-links.js';
import { calendarMsg } from '../../i18n/calendar.js';
import { formatLocalDate } from '../../i18n/index.js';

const LIVE = new Set(['CONFIRMED', 'PENDING']);

export function calendarEventFor(
  booking: Booking,
  ctx: Pick<FlowContext, 'service' | 'business' | 'course'>,
  locale: string,
): CalendarEvent | undefined {
  if (!LIVE.has(booking.status)) return undefined;
  const place = booking.bookedEntity.slot?.location;
  const where = ctx.service?.locations[0];
  const address = where?.calculatedAddress ?? where?.business?.address ?? where?.custom?.address;
  const course = booking.bookedEntity.schedule ? ctx.course : undefined;
  const lines = [
    calendarMsg('eventDetails', { business: ctx.business?.name ?? ctx.service?.name ?? '', reference: booking.id.slice(0, 8) }),
  ];
  if (course && course.sessions.length > 1) {
    lines.unshift(calendarMsg('courseFirstSession', { n: course.sessions.length, last: formatLocalDate(course.lastSessionEnd, locale) }));
  }
  return calendarEventOf(booking, {
    title: booking.bookedEntity.title ?? ctx.service?.name ?? '',
    details: lines.join('\n'),
    location: place?.formattedAddress ?? place?.name ?? address?.formattedAddress ?? where?.business?.name,
    course,
  });
}

/** A course's `.ics` would be one event from the first session to the last: offered only for single times. */
export const offersCalendarFile = (booking: Booking): boolean => !booking.bookedEntity.schedule;
