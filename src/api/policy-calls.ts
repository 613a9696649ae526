/**
 * The owner's booking policies (contract section 3, Wix `/bookings/v1/booking-policies`): the console's Policies
 * and Policy views. Reads are public on the server but sent with the token like every console call.
 */
import type { BookingPolicy } from '../model/policy.js';
import type { Query } from '../model/common.js';
import type { Transport } from './transport.js';

/** What the owner may send for a policy (the server's `PolicyFieldsSchema`): every part optional, kept when not sent. */
export interface PolicyInput {
  name?: string;
  customPolicyDescription?: { enabled: boolean; description: string };
  limitEarlyBookingPolicy?: { enabled: boolean; earliestBookingInMinutes?: number };
  limitLateBookingPolicy?: { enabled: boolean; latestBookingInMinutes?: number };
  bookAfterStartPolicy?: { enabled: boolean };
  cancellationPolicy?: {
    enabled: boolean;
    limitLatestCancellation?: boolean;
    latestCancellationInMinutes?: number;
    allowAnonymous?: boolean;
  };
  reschedulePolicy?: { enabled: boolean; limitLatestReschedule?: boolean; latestRescheduleInMinutes?: number; allowAnonymous?: boolean };
  waitlistPolicy?: { enabled: boolean; capacity?: number; reservationTimeInMinutes?: number };
  participantsPolicy?: { maxParticipantsPerBooking?: number; maxUnpaidBookingsPerSession?: number };
}

const enc = encodeURIComponent;
const BASE = '/bookings/v1/booking-policies';

export function policyCalls(t: Transport) {
  return {
    bookingPolicies: {
      /** Up to 100 policies, oldest first (Wix's default sort). */
      queryBookingPolicies: (query: Query = { paging: { limit: 100, offset: 0 } }) =>
        t.request<{ bookingPolicies: BookingPolicy[] }>('POST', `${BASE}/query`, { body: { query } }).then((r) => r.bookingPolicies),
      getBookingPolicy: (id: string) =>
        t.request<{ bookingPolicy: BookingPolicy }>('GET', `${BASE}/${enc(id)}`).then((r) => r.bookingPolicy),
      createBookingPolicy: (bookingPolicy: PolicyInput) =>
        t.request<{ bookingPolicy: BookingPolicy }>('POST', BASE, { body: { bookingPolicy } }).then((r) => r.bookingPolicy),
      /** Refused with 409 `REVISION_MISMATCH` when `revision` is not the stored one: someone else saved first. */
      updateBookingPolicy: (id: string, revision: string, bookingPolicy: PolicyInput) =>
        t
          .request<{ bookingPolicy: BookingPolicy }>('PATCH', `${BASE}/${enc(id)}`, {
            body: { bookingPolicy: { ...bookingPolicy, revision } },
          })
          .then((r) => r.bookingPolicy),
      setDefaultBookingPolicy: (id: string) =>
        t
          .request<{ currentDefaultBookingPolicy: BookingPolicy }>('POST', `${BASE}/${enc(id)}:setDefault`)
          .then((r) => r.currentDefaultBookingPolicy),
      /** Its services move to the default policy; the default itself is refused (428). */
      deleteBookingPolicy: (id: string) => t.request<Record<string, never>>('DELETE', `${BASE}/${enc(id)}`),
    },
  };
}
