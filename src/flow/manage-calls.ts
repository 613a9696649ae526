/**
 * The calls of the my-bookings and manage steps. A member's bookings come from the server; a visitor's are the
 * ones this device kept (IndexedDB, with their anonymous tokens), each read fresh from the server by its token.
 * They come in the manage views' chunk, which the booking path does not load; ./manage-actors.ts runs them.
 */
import { BookingApiError } from '../api/errors.js';
import type { BookedSlot, Booking } from '../model/booking.js';
import type { StoredBooking } from '../store/index.js';
import type { WidgetClient } from '../api/client.js';
import type { WidgetStore } from '../store/index.js';
import type { SessionHolder } from './session.js';
import { withRetry } from './retry.js';
import { offersCalendarFile } from './managed.js';
import type { ManagedBooking } from './types.js';

/** A kept booking the server no longer shows this customer (another server's, an expired link): left out. */
const gone = (error: unknown): boolean => error instanceof BookingApiError && (error.status === 404 || error.status === 401);

export type ManageDeps = { client: WidgetClient; session: SessionHolder; store: WidgetStore };

export function manageCalls({ client, session, store }: ManageDeps) {
  const calendarUrl = (token: string) => client.bookings.anonymousCalendarUrl(token);
  /** A token's row offers its `.ics` only while the booking is upcoming, live and at a single time. */
  const fileOf = (booking: Booking, token: string) => (offersCalendarFile(booking, new Date()) ? calendarUrl(token) : undefined);
  /**
   * A member's upcoming booking's `.ics` link: a plain link cannot send the member's bearer header, so it goes by
   * the booking's anonymous token (kept on this device, else asked for). Not stored: a visitor's list on this
   * device shows only the bookings made here as a visitor. Without a token the row still offers Google and Outlook.
   */
  const memberCalendarUrl = async (booking: Booking, kept: StoredBooking[]): Promise<string | undefined> => {
    if (!offersCalendarFile(booking, new Date())) return undefined;
    const token = kept.find((b) => b.id === booking.id)?.anonymousToken;
    if (token) return calendarUrl(token);
    return withRetry(() => client.bookings.getAnonymousActionDetails(booking.id)).then(
      (answer) => calendarUrl(answer.token),
      () => undefined,
    );
  };

  /** A kept booking as the server has it now, by its token (else by the visitor's own), or undefined when gone. */
  const fresh = async (kept: StoredBooking): Promise<ManagedBooking | undefined> => {
    try {
      if (kept.anonymousToken) {
        const { booking, allowedAnonymousActions } = await withRetry(() =>
          client.myBookings.getAnonymousBooking(kept.anonymousToken ?? ''),
        );
        await store.saveBooking(booking).catch(() => undefined);
        const token = kept.anonymousToken;
        return { booking, allowedActions: allowedAnonymousActions, token, calendarUrl: fileOf(booking, token) };
      }
      const booking = await withRetry(() => client.bookings.getBooking(kept.id));
      return { booking, allowedActions: { cancel: false, reschedule: false } };
    } catch (error) {
      if (gone(error)) return undefined;
      throw error;
    }
  };

  return {
    async loadLinkedBooking(input: { token: string }): Promise<ManagedBooking[]> {
      const { booking, allowedAnonymousActions } = await withRetry(() => client.myBookings.getAnonymousBooking(input.token));
      return [{ booking, allowedActions: allowedAnonymousActions, token: input.token, calendarUrl: fileOf(booking, input.token) }];
    },

    async loadMyBookings(): Promise<ManagedBooking[]> {
      await withRetry(() => session.ensure());
      if (session.isMember()) {
        const query = { sort: [{ fieldName: 'startDate', order: 'ASC' as const }], paging: { limit: 100 } };
        const { extendedBookings } = await withRetry(() => client.myBookings.queryMyBookings(query));
        const kept = await store.listBookings().catch(() => []);
        return Promise.all(
          extendedBookings.map(async ({ booking, allowedActions }) => ({
            booking,
            allowedActions,
            calendarUrl: await memberCalendarUrl(booking, kept),
          })),
        );
      }
      const kept = await store.listBookings().catch(() => []);
      const rows = await Promise.all(kept.map(fresh));
      return rows.filter((row): row is ManagedBooking => row !== undefined);
    },

    /** The reschedule call with the booking's revision; a lost race (428) comes back as the flow's error. */
    async rescheduleManaged(input: { row: ManagedBooking; slot: BookedSlot }): Promise<Booking> {
      const { booking, token } = input.row;
      const answer = token
        ? await client.myBookings.rescheduleAnonymousBooking(token, input.slot, booking.revision)
        : await client.myBookings.rescheduleMyBooking(booking.id, input.slot, booking.revision);
      await store.saveBooking(answer.booking).catch(() => undefined);
      return answer.booking;
    },

    async cancelManaged(input: ManagedBooking): Promise<Booking> {
      const { booking, token } = input;
      const answer = token
        ? await client.myBookings.cancelAnonymousBooking(token, booking.revision)
        : await client.bookings.cancelBooking(booking.id, { revision: booking.revision });
      await store.saveBooking(answer.booking).catch(() => undefined);
      return answer.booking;
    },
  };
}
