/**
 * A customer's own bookings from the widget (contract sections 5 and 15): a member's from the server, a visitor's
 * (and a manage link's) by their anonymous token. Spread into the widget's client (and so the full client's).
 */
import type { AllowedActions, BookedSlot, Booking, ExtendedBooking } from '../model/booking.js';
import type { Query, QueryPagingMetadata } from '../model/common.js';
import type { Transport } from './transport.js';

const enc = encodeURIComponent;

export function myBookingsCalls(t: Transport) {
  const myBookings = {
    /** The caller's own bookings (a member's or a visitor's), each with what the caller may do with it. */
    queryMyBookings: (query?: Query) =>
      t.request<{ extendedBookings: ExtendedBooking[]; pagingMetadata: QueryPagingMetadata }>(
        'POST',
        '/bookings-reader/v2/extended-bookings/query',
        { body: { query } },
      ),
    /** The booking an anonymous token (a manage link's) reaches, with what its holder may do. */
    getAnonymousBooking: (token: string) =>
      t.request<{ booking: Booking; allowedAnonymousActions: AllowedActions }>('GET', `/v1/anonymous-bookings/${enc(token)}`, {
        anonymous: true,
      }),
    cancelAnonymousBooking: (token: string, revision: string) =>
      t.request<{ booking: Booking }>('POST', `/v1/anonymous-bookings/${enc(token)}/cancel`, { body: { revision }, anonymous: true }),
    rescheduleAnonymousBooking: (token: string, slot: BookedSlot, revision: string) =>
      t.request<{ booking: Booking }>('POST', `/v1/anonymous-bookings/${enc(token)}/reschedule`, {
        body: { slot, revision },
        anonymous: true,
      }),
    /** The caller's own booking to another time (a member's or a visitor's; the owner's call is the full client's). */
    rescheduleMyBooking: (bookingId: string, slot: BookedSlot, revision: string) =>
      t.request<{ booking: Booking }>('POST', `/bookings/v2/bookings/${enc(bookingId)}/reschedule`, { body: { slot, revision } }),
  };
  return { myBookings };
}
