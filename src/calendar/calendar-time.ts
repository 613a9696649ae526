/**
 * Whether a booking has a time to add to a calendar (`calendarEventOf` in ./calendar-links.ts makes its event):
 * asked apart from the links, so a view can offer "Add to calendar" before the code that builds them is loaded.
 */
import type { Booking } from '../model/booking.js';

/** A course's sessions (local date-times in `timeZone`), when the booking is a course's. */
export interface CourseSessions {
  timeZone: string;
  sessions: readonly { localStartDate: string; localEndDate: string }[];
}

/** A course's first session, a slot's local times in its zone, or the booking's own instants. */
export function hasCalendarTime(booking: Booking, course: CourseSessions | undefined): boolean {
  const slot = booking.bookedEntity.slot;
  if (booking.bookedEntity.schedule) return !!course?.sessions[0];
  return !!(slot?.startDate && slot.endDate && slot.timezone) || !!(booking.startDate && booking.endDate);
}
