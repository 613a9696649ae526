/**
 * The events a booking or order change writes to the outbox (contract section 13), appended by the caller inside
 * the transaction of the change: a rollback drops them with it, a commit keeps them. Wix's names: a booking is
 * created, confirmed, declined, canceled, rescheduled or (anything else: payment status, participants, a move to
 * PENDING or off the waitlist's status) updated; an order is created or its payment status is updated.
 */
import { randomUUID } from 'node:crypto';
import type { Booking } from '../../../src/model/booking.js';
import type { Storage } from '../../storage/types.js';
import type { NewOutboxEvent, OutboxEventType } from '../../storage/outbox-types.js';

export const BOOKING_FQDN = 'wix.bookings.v2.booking';
export const ORDER_FQDN = 'wix.ecom.v1.order';

/** Wix's event type for a booking going from `prev` (null: new) to `next` by the lifecycle call `action`. */
export function bookingEventType(prev: Booking | null, next: Booking, action: string): OutboxEventType {
  if (!prev) return 'wix.bookings.v2.booking_created';
  if (action === 'RESCHEDULE') return 'wix.bookings.v2.booking_rescheduled';
  if (next.status !== prev.status) {
    if (next.status === 'CONFIRMED') return 'wix.bookings.v2.booking_confirmed';
    if (next.status === 'DECLINED') return 'wix.bookings.v2.booking_declined';
    if (next.status === 'CANCELED') return 'wix.bookings.v2.booking_canceled';
  }
  return 'wix.bookings.v2.booking_updated';
}

/** Call inside the change's transaction, after the booking is written. */
export async function appendBookingEvent(storage: Storage, prev: Booking | null, next: Booking, action: string, at: Date): Promise<void> {
  await storage.outbox.append([
    event(bookingEventType(prev, next, action), BOOKING_FQDN, next.id, next as unknown as Record<string, unknown>, at),
  ]);
}

/** An order as the outbox carries it: what the order routes answer. */
export interface OrderDocument {
  id: string;
  paymentStatus: string;
}

/** Call inside the order's transaction: a new order, or one whose payment status moved (`prevPaymentStatus`). */
export async function appendOrderEvent(storage: Storage, order: OrderDocument, prevPaymentStatus: string | null, at: Date): Promise<void> {
  if (prevPaymentStatus === order.paymentStatus) return;
  const type: OutboxEventType = prevPaymentStatus === null ? 'wix.ecom.v1.order_created' : 'wix.ecom.v1.order_payment_status_updated';
  await storage.outbox.append([event(type, ORDER_FQDN, order.id, order as unknown as Record<string, unknown>, at)]);
}

function event(
  eventType: OutboxEventType,
  entityFqdn: string,
  entityId: string,
  payload: Record<string, unknown>,
  at: Date,
): NewOutboxEvent {
  // createdAt is the outbox's clock (real time): retries are scheduled and given up by it, whatever the business clock says.
  return { id: randomUUID(), eventType, entityFqdn, entityId, payload, eventTime: at.toISOString(), createdAt: Date.now() };
}
