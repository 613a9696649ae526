/**
 * Subscribable calendar feeds (contract section 13): a staff member's or the whole business's bookings at a secret
 * URL. The table is migration 11's `calendar_feeds`; only the sha256 of a feed's secret is stored, so a leaked
 * database does not open any feed. A revoked feed keeps its row (with `revoked_date`) and is never found again.
 */
import type { Booking, BookingStatus } from '../../src/model/booking.js';

export interface CalendarFeed {
  id: string;
  /** The staff member whose bookings it shows; absent: the whole business. */
  staffMemberId?: string;
  createdDate: string;
}

/** The bookings one feed shows: live ones overlapping [fromUtc, toUtc), earliest start first. */
export interface FeedBookingQuery {
  fromUtc: string;
  toUtc: string;
  statuses: readonly BookingStatus[];
  limit: number;
  /** The history action of a reschedule, counted per booking (FeedBooking.reschedules). */
  rescheduleAction: string;
  /** A staff member's feed: appointments with that resource, and the bookings of these class sessions. */
  staff?: { resourceId: string; eventIds: readonly string[] };
}

export interface FeedBooking {
  booking: Booking;
  /** RESCHEDULE lines in the booking's history: the calendar files' SEQUENCE counts them. */
  reschedules: number;
}

export interface FeedStore {
  insert(feed: CalendarFeed, secretHash: string): Promise<void>;
  /** The feeds not revoked, oldest first. */
  list(): Promise<CalendarFeed[]>;
  /** The feed with this secret hash, unless it was revoked. */
  findBySecretHash(secretHash: string): Promise<CalendarFeed | null>;
  /** Revokes a live feed; false when there is none with this id (or it was revoked already). */
  revoke(id: string, at: string): Promise<boolean>;
  listBookings(query: FeedBookingQuery): Promise<FeedBooking[]>;
}
