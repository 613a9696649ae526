/**
 * The console's calls about one booking (its story, its order, the owner's refund) and the owner's
 * notifications. Only `createClient` spreads these in, so the widget's bundle does not carry them.
 */
import type { BookingHistoryEntry, OwnerNotification } from '../model/booking-history.js';
import type { EcomOrder } from '../model/checkout.js';
import type { Transport } from './transport.js';

const enc = encodeURIComponent;

export function bookingCalls(t: Transport) {
  const bookingDetails = {
    /** Every change of the booking, oldest first (the owner; a STAFF account on its own bookings). */
    getHistory: (bookingId: string) =>
      t.request<{ history: BookingHistoryEntry[] }>('GET', `/bookings/v2/bookings/${enc(bookingId)}/history`).then((r) => r.history),
    /** The order the booking was paid in: none yet is undefined. */
    getOrderOfBooking: (bookingId: string) =>
      t.request<{ orders: EcomOrder[] }>('GET', `/ecom/v1/orders?bookingId=${enc(bookingId)}`).then((r) => r.orders[0]),
    /** The owner gives back what was paid for the booking (online through the provider, in person recorded). */
    refundOrder: (orderId: string, bookingId?: string) =>
      t
        .request<{ order: EcomOrder }>('POST', `/ecom/v1/orders/${enc(orderId)}/refund`, { body: bookingId ? { bookingId } : {} })
        .then((r) => r.order),
  };
  const ownerNotifications = {
    /** Double bookings to resolve, newest first (OWNER only). */
    listNotifications: () =>
      t.request<{ notifications: OwnerNotification[] }>('GET', '/bookings/v2/notifications').then((r) => r.notifications),
  };
  return { bookingDetails, ownerNotifications };
}
