/**
 * Reminders before a booking's start (contract section 13): one row per booking and start that the reminder scan
 * has handled, written in the same transaction as the reminder's outbox event, so a reminder is scheduled once
 * across restarts and instances. A rescheduled booking has a new start, so it is reminded again.
 */

export interface ReminderCandidate {
  bookingId: string;
  /** RFC 3339 UTC, as the booking's `startDate`. */
  startDate: string;
  createdDate: string;
}

export interface ReminderStore {
  /** CONFIRMED bookings starting in [from, to) that have no reminder row for their start, soonest first. */
  due(from: string, to: string, limit: number): Promise<ReminderCandidate[]>;
  /** Records the reminder of `bookingId` at `startDate`; false when a row was there (another instance took it). */
  mark(bookingId: string, startDate: string, at: string): Promise<boolean>;
}
