/**
 * What the status view offers to add to a calendar: the booking's event (src/calendar) with its title, place and
 * reference, only while the booking is CONFIRMED or PENDING and has a time. A course offers its first session and
 * names the rest in the details. In the calendar chunk, with the links (./calendar-chunk.ts).
 */
import type { Booking } from '../../model/booking.js';
import type { FlowContext } from '../../flow/types.js';
import { calendarEventOf, type CalendarEvent } from '../../calendar/calendar-links.js';
import { calendarMsg } from '../../i18n/calendar.js';
import { formatLocalDate } from '../../i18n/index.js';
import { calendarOffered } from './calendar-offer.js';

export type CalendarContext = Pick<FlowContext, 'service' | 'business' | 'course'>;

export function calendarEventFor(booking: Booking, ctx: CalendarContext, locale: string): CalendarEvent | undefined {
  if (!calendarOffered(booking, ctx)) return undefined;
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
