/**
 * Which statuses are final and which are still active, read from the lifecycle machine itself (its `final`
 * states), so the list is never written twice. Both sides import it: the widget stops watching a final booking,
 * the server and the policy treat a final booking as one nothing can change.
 */
import type { BookingStatus } from '../model/booking.js';
import { BOOKING_STATUSES } from '../model/booking.js';
import { bookingLifecycle } from './booking-lifecycle.js';

/** DECLINED and CANCELED: nothing can change them. */
export const FINAL_STATUSES: readonly BookingStatus[] = BOOKING_STATUSES.filter((s) => bookingLifecycle.states[s]?.type === 'final');

/** Every status that is not final: the booking may still change (CREATED, PENDING, CONFIRMED, WAITING_LIST). */
export const ACTIVE_STATUSES: readonly BookingStatus[] = BOOKING_STATUSES.filter((s) => !FINAL_STATUSES.includes(s));

export function isFinalStatus(status: BookingStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

export function isActiveStatus(status: BookingStatus): boolean {
  return !isFinalStatus(status);
}
