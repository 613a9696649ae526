/** Policy factory with Wix's defaults, so a seed or a test states only what differs. */
import type { BookingPolicy } from '../../src/model/policy.js';

export type PolicyOverrides = Partial<Omit<BookingPolicy, 'id'>>;

export function makePolicy(id: string, name: string, overrides: PolicyOverrides = {}): BookingPolicy {
  const now = new Date().toISOString();
  return {
    id,
    name,
    default: false,
    revision: '1',
    createdDate: now,
    updatedDate: now,
    limitEarlyBookingPolicy: { enabled: false, earliestBookingInMinutes: 10080 },
    limitLateBookingPolicy: { enabled: false, latestBookingInMinutes: 1440 },
    bookAfterStartPolicy: { enabled: false },
    cancellationPolicy: { enabled: true, limitLatestCancellation: false, latestCancellationInMinutes: 1440, allowAnonymous: true },
    reschedulePolicy: { enabled: true, limitLatestReschedule: false, latestRescheduleInMinutes: 1440, allowAnonymous: true },
    waitlistPolicy: { enabled: false, capacity: 10, reservationTimeInMinutes: 10 },
    participantsPolicy: { maxParticipantsPerBooking: 1 },
    ...overrides,
  };
}
