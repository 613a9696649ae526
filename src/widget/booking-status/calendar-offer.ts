/** Whether the status view and My bookings offer a booking to a calendar, asked before the links' chunk is here. */
import { hasCalendarTime } from '../../calendar/calendar-time.js';
import type { FlowContext } from '../../flow/types.js';
import type { Booking } from '../../model/booking.js';

const LIVE = new Set(['CONFIRMED', 'PENDING']);

/** Whether a booking is offered to a calendar: CONFIRMED or PENDING, with a time (a course's first session). */
export const calendarOffered = (booking: Booking, ctx: Pick<FlowContext, 'course'>): boolean =>
  LIVE.has(booking.status) && hasCalendarTime(booking, booking.bookedEntity.schedule ? ctx.course : undefined);

/** A course's `.ics` would be one event from the first session to the last: offered only for single times. */
export const offersCalendarFile = (booking: Booking): boolean => !booking.bookedEntity.schedule;
