/** The agenda view's English texts (kept beside the view, not in the shared console table). */
import type { BookingStatus } from '../../model/booking.js';

export const AGENDA_TEXT = {
  title: 'Agenda',
  period: 'Show',
  day: 'Day',
  week: 'Week',
  move: 'Move through the calendar',
  previousDay: 'Previous day',
  nextDay: 'Next day',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  previous: 'Previous',
  next: 'Next',
  today: 'Today',
  loading: 'Loading the agenda…',
  emptyDay: 'Nothing booked on this day',
  liveOn: 'Live: bookings appear and counts change as they happen.',
  liveOff: 'Live updates paused; reconnecting…',
  timesIn: 'Times in',
  retry: 'Try again',
  canceled: 'Canceled',
  doubleBooked: 'Double-booked',
  request: 'Request',
  bookings: 'Bookings',
  noBookings: 'No bookings yet.',
  with: 'with',
  booked: (booked: number, capacity: number) => `${booked}/${capacity} booked`,
  waiting: (n: number) => `${n} on the waiting list`,
} as const;

const STATUS: Record<BookingStatus, string> = {
  PENDING: 'Request',
  CONFIRMED: 'Confirmed',
  WAITING_LIST: 'Waiting list',
  CREATED: 'Not yet confirmed',
  CANCELED: 'Canceled',
  DECLINED: 'Declined',
};

export const statusText = (status: BookingStatus): string => STATUS[status];
