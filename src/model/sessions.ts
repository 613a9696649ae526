/**
 * One class or course session as the owner's console sees it (extension, after Wix Calendar events):
 * `GET /calendar/v3/events` lists them, `PATCH /calendar/v3/events/{id}` moves one.
 */
import type { LocalDateTime, TimeZone } from './common.js';

export interface SessionEvent {
  /** The event id the time slots and bookings carry; it stays the same when the session is moved. */
  id: string;
  ruleId: string;
  scheduleId: string;
  serviceId: string;
  title?: string;
  localStartDate: LocalDateTime;
  localEndDate: LocalDateTime;
  timeZone: TimeZone;
  capacity: number;
  staffMemberId?: string;
  status: 'CONFIRMED' | 'CANCELLED';
  /** Participants of the bookings that hold a place (PENDING, CONFIRMED; for a course, of the whole course). */
  bookedCount: number;
  /** Participants on the waiting list, when there are any. */
  waitingCount?: number;
  /** The rule's own start of a session moved to another time. */
  movedFrom?: LocalDateTime;
}

/** The business's word to the customers of a cancelled session. */
export interface SessionNotification {
  /** Email each customer (default true); the webhooks fire either way. */
  notifyParticipants?: boolean;
  /** Up to 1000 characters, shown in the email. */
  message?: string;
}

export interface CancelEventResponse {
  event: { eventId: string; status: 'CANCELLED' };
  /** The bookings this call canceled (none when the session was cancelled already). */
  canceledBookingIds: string[];
}

export interface ListEventsRequest {
  fromLocalDate: LocalDateTime;
  toLocalDate: LocalDateTime;
  /** Only these services' sessions. */
  serviceIds?: string[];
}

export interface MoveEventRequest {
  localStartDate: LocalDateTime;
  durationInMinutes?: number;
}
