/** A booking's story and the owner's notifications (extensions; docs/bookings.md and docs/api.md). */
import type { Booking, BookingStatus } from './booking.js';
import type { Timestamp } from './common.js';

/** One change of a booking, oldest first in `GET /bookings/v2/bookings/{id}/history`. */
export interface BookingHistoryEntry {
  bookingId: string;
  revision: string;
  /** What happened, in the server's words: CREATE, CONFIRM, CANCEL, RESCHEDULE, PAYMENT_STATUS, … */
  action: string;
  fromStatus: BookingStatus | null;
  toStatus: BookingStatus;
  actor: { kind: 'owner' | 'staff' | 'visitor' | 'member' | 'anonymous' | 'system'; id?: string };
  at: Timestamp;
  /** The booking as it was after this change. */
  booking: Booking;
}

/** `GET /bookings/v2/notifications`: something the owner must resolve, newest first. */
export interface OwnerNotification {
  id: string;
  type: 'DOUBLE_BOOKING';
  bookingId: string;
  message: string;
  data: Record<string, unknown>;
  createdDate: Timestamp;
}
