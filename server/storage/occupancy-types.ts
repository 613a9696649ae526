/** The read side of bookings that availability needs: what each booking occupies, and sums over indexes. */
import type { BookingStatus } from '../../src/model/booking.js';

/** A booking as availability sees it: what it occupies, for how many, and whether it blocks. */
export interface BookingOccupancy {
  id: string;
  serviceId: string;
  scheduleId: string;
  eventId: string | null;
  resourceId: string | null;
  startUtc: string;
  endUtc: string;
  status: BookingStatus;
  participants: number;
}

/**
 * Read side of bookings that availability needs. Implemented by the SQLite booking store; the bookings issue
 * adds the write side (create, transition, history) to the same store.
 */
export interface BookingOccupancyReader {
  /** Bookings in one of `statuses` whose [start, end) overlaps [fromUtc, toUtc), filtered as given. */
  listOccupying(filter: {
    statuses: readonly BookingStatus[];
    fromUtc: string;
    toUtc: string;
    /** Optional: no booking wanted starts before this, so an index on start time can bound the scan. */
    startsFromUtc?: string;
    serviceIds?: string[];
    resourceIds?: string[];
    eventIds?: string[];
    scheduleIds?: string[];
  }): Promise<BookingOccupancy[]>;

  /**
   * What blocks staff members: each booking in one of `statuses` with one of `resourceIds` overlapping
   * [fromUtc, toUtc) and starting at or after `startsFromUtc`, as its interval only (read from a covering index).
   */
  listBusy(filter: {
    statuses: readonly BookingStatus[];
    fromUtc: string;
    toUtc: string;
    startsFromUtc: string;
    resourceIds: string[];
    excludeBookingId?: string;
  }): Promise<BusyInterval[]>;

  /**
   * What blocks staff members, from the counts kept per distinct busy time (migration 8): per resource, the
   * bookings in one of `statuses` (PENDING and CONFIRMED at most) with one of `resourceIds`, starting in
   * [startsFromMs, toMs) and ending after `fromMs`, leaving out PENDING bookings of `pendingFreeServiceIds`
   * (services that allow multiple requests), as one [start, latest end) per distinct start, sorted by start: the
   * same union of busy time. The cost follows the distinct busy times, not the bookings behind them.
   */
  busyTimes(filter: {
    statuses: readonly BookingStatus[];
    fromMs: number;
    toMs: number;
    startsFromMs: number;
    resourceIds: string[];
    pendingFreeServiceIds: string[];
  }): Promise<Map<string, { startMs: number; endMs: number }[]>>;

  /**
   * Participants summed in SQL per event id (`by: 'event'`) or schedule id (`by: 'schedule'`), service and status,
   * over the bookings in one of `statuses` overlapping [fromUtc, toUtc) and matching the filters. Per event it
   * reads the counts kept per session (migration 8), so the cost follows the sessions asked about.
   */
  countParticipants(filter: {
    by: 'event' | 'schedule';
    statuses: readonly BookingStatus[];
    fromUtc: string;
    toUtc: string;
    eventIds?: string[];
    scheduleIds?: string[];
    serviceIds?: string[];
    excludeBookingId?: string;
  }): Promise<ParticipantCount[]>;
}

export interface BusyInterval {
  resourceId: string;
  serviceId: string;
  status: BookingStatus;
  startUtc: string;
  endUtc: string;
}

export interface ParticipantCount {
  /** The event id or schedule id counted. */
  key: string;
  serviceId: string;
  status: BookingStatus;
  participants: number;
}
