/**
 * The seam between availability and bookings. Bookings never compute time themselves: they ask the
 * availability module to resolve what a customer asked for into a concrete occupancy, and how much room it has.
 * The implementation lives beside this file (availability issue); bookings code against these types.
 */
import type { Service } from '../../../src/model/service.js';
import type { BookedEntity } from '../../../src/model/booking.js';

export interface ResolvedSlot {
  kind: 'APPOINTMENT' | 'CLASS' | 'COURSE';
  serviceId: string;
  scheduleId: string;
  /** Classes: the session's event id. Courses and appointments: absent. */
  eventId?: string;
  /** Appointments: the staff member (resource) who holds the slot. */
  resourceId?: string;
  resourceName?: string;
  /** UTC instants, RFC 3339 with milliseconds (`2026-12-01T23:00:00.000Z`). Courses: first start, last end. */
  startUtc: string;
  endUtc: string;
  /** Local date-times in the business's zone (no offset), and that zone. */
  localStart: string;
  localEnd: string;
  businessTimeZone: string;
  /** Spots in total (appointments: 1). */
  capacity: number;
  /** Title shown on the booking (session title or service name). */
  title: string;
  policy: { tooEarlyToBook: boolean; tooLateToBook: boolean; bookOnlineDisabled: boolean };
  /** The session was cancelled by the business. */
  cancelled: boolean;
}

export interface SlotResolver {
  /**
   * Resolve `entity` (a booking's `bookedEntity`) for `service` at time `now`. Throws DomainError 428
   * `SLOT_NOT_AVAILABLE` / `SESSION_NOT_FOUND` / `SCHEDULE_NOT_FOUND` with a clear message when the slot or
   * session does not exist in the schedule (an appointment slot outside working hours, a wrong duration, an
   * unknown staff member, an event id of another service). It does not check remaining capacity.
   */
  resolve(service: Service, entity: BookedEntity, now: Date): Promise<ResolvedSlot>;

  /**
   * Participants still free for `slot` right now: capacity minus the participants of blocking bookings
   * (PENDING and CONFIRMED; PENDING not when the service allows multiple requests), never below 0.
   * Appointments: 1 if the staff member is free for the whole slot plus time between sessions, else 0.
   * `excludeBookingId` leaves one booking out (the one being decided). Call it inside the storage
   * transaction that writes the decision, so the count and the write are atomic.
   */
  remainingCapacity(service: Service, slot: ResolvedSlot, options?: { excludeBookingId?: string }): Promise<number>;
}
