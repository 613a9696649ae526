/** The service a booking is of: its slot's, or its course schedule's. */
import type { Booking } from '../../../src/model/booking.js';

export function serviceIdOf(booking: Booking): string {
  return booking.bookedEntity.slot?.serviceId ?? booking.bookedEntity.schedule?.serviceId ?? '';
}
