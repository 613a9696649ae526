/**
 * The my-bookings and manage steps' invoked actors. Their calls (./manage-calls.ts) are not in the booking path's
 * code: `load` fetches them the first time one runs (the widget passes its manage chunk's loader). A chunk that
 * cannot be fetched fails the call as a network error, so the step shows the network message and Try again.
 */
import { fromPromise } from 'xstate';
import { BookingApiError } from '../api/errors.js';
import type { BookedSlot, Booking } from '../model/booking.js';
import type { ManageDeps, manageCalls } from './manage-calls.js';
import type { ManagedBooking } from './types.js';

export type ManageCallsLoader = () => Promise<typeof manageCalls>;

export function manageActors(deps: ManageDeps, load: ManageCallsLoader) {
  let bound: ReturnType<typeof manageCalls> | undefined;
  const calls = async () => {
    try {
      return (bound ??= (await load())(deps));
    } catch (error) {
      throw new BookingApiError(0, error instanceof Error ? error.message : String(error));
    }
  };
  return {
    loadLinkedBooking: fromPromise<ManagedBooking[], { token: string }>(async ({ input }) => (await calls()).loadLinkedBooking(input)),
    loadMyBookings: fromPromise<ManagedBooking[]>(async () => (await calls()).loadMyBookings()),
    rescheduleManaged: fromPromise<Booking, { row: ManagedBooking; slot: BookedSlot }>(async ({ input }) =>
      (await calls()).rescheduleManaged(input),
    ),
    cancelManaged: fromPromise<Booking, ManagedBooking>(async ({ input }) => (await calls()).cancelManaged(input)),
  };
}
