/** Pure rules of the customers views: how a customer is named, and a customer's bookings split by time. */
import type { Booking } from '../../model/booking.js';
import type { Customer } from '../../model/customer.js';

export function customerFullName(c: Pick<Customer, 'firstName' | 'lastName' | 'email'>): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || 'Customer';
}

/** Upcoming (from `now` on, soonest first) and past (latest first) bookings. */
export function splitByTime(bookings: readonly Booking[], now: Date): { upcoming: Booking[]; past: Booking[] } {
  const at = now.getTime();
  const start = (b: Booking) => (b.startDate ? Date.parse(b.startDate) : 0);
  const upcoming = bookings.filter((b) => start(b) >= at).sort((a, b) => start(a) - start(b));
  const past = bookings.filter((b) => start(b) < at).sort((a, b) => start(b) - start(a));
  return { upcoming, past };
}
