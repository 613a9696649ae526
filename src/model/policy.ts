/** Booking policies (Wix `booking-policies`); a service carries a copy of its policy. */
import type { Timestamp } from './common.js';

export interface BookingPolicy {
  id: string;
  name?: string;
  default?: boolean;
  revision?: string;
  createdDate?: Timestamp;
  updatedDate?: Timestamp;
  customPolicyDescription?: { enabled: boolean; description: string };
  limitEarlyBookingPolicy: { enabled: boolean; earliestBookingInMinutes: number };
  limitLateBookingPolicy: { enabled: boolean; latestBookingInMinutes: number };
  bookAfterStartPolicy?: { enabled: boolean };
  cancellationPolicy: {
    enabled: boolean;
    limitLatestCancellation: boolean;
    latestCancellationInMinutes: number;
    allowAnonymous?: boolean;
  };
  reschedulePolicy: {
    enabled: boolean;
    limitLatestReschedule: boolean;
    latestRescheduleInMinutes: number;
    allowAnonymous?: boolean;
  };
  waitlistPolicy: { enabled: boolean; capacity: number; reservationTimeInMinutes: number };
  participantsPolicy: {
    maxParticipantsPerBooking: number;
    /** Extension: live unpaid bookings one customer may hold in one session (default 3). */
    maxUnpaidBookingsPerSession?: number;
  };
}
