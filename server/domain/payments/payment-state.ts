/**
 * The one state machine of an order's payment status, pure. Every change of an order's `paymentStatus` asks
 * `decide(from, event)` first: a move says where to go, an ignore says the event already happened (a provider
 * repeating itself), a refusal is 409 with a message a person can act on.
 *
 *   NOT_PAID ──MARK_PAID──▶ PAID ◀──CHARGE_SETTLED── PENDING ──CHARGE_FAILED──▶ DECLINED
 *   PARTIALLY_PAID ──MARK_PAID──▶ PAID
 *   PAID | PARTIALLY_PAID | PARTIALLY_REFUNDED ──REFUND──▶ PARTIALLY_REFUNDED | FULLY_REFUNDED
 *   NOT_PAID ──DECLINE_UNPAID──▶ NOT_PAID (the order is canceled, nothing was paid)
 */
import type { OrderPaymentStatus } from '../../../src/model/checkout.js';

export const PAYMENT_STATES: readonly OrderPaymentStatus[] = [
  'NOT_PAID',
  'PENDING',
  'PARTIALLY_PAID',
  'PAID',
  'PARTIALLY_REFUNDED',
  'FULLY_REFUNDED',
  'DECLINED',
];

export type PaymentEvent =
  /** A charge accepted for later settlement went through; `paidMinor` of `totalMinor` is now paid. */
  | { type: 'CHARGE_SETTLED'; paidMinor: number; totalMinor: number }
  /** A charge accepted for later settlement failed. */
  | { type: 'CHARGE_FAILED' }
  /** The owner says the balance was paid in person. */
  | { type: 'MARK_PAID' }
  /** Money was given back; `remainingMinor` is what stays paid. */
  | { type: 'REFUND'; remainingMinor: number }
  /** The owner declines the order. */
  | { type: 'DECLINE_UNPAID' };

export type PaymentEventType = PaymentEvent['type'];
export const PAYMENT_EVENT_TYPES: readonly PaymentEventType[] = [
  'CHARGE_SETTLED',
  'CHARGE_FAILED',
  'MARK_PAID',
  'REFUND',
  'DECLINE_UNPAID',
];

export type PaymentDecision =
  | { kind: 'move'; from: OrderPaymentStatus; to: OrderPaymentStatus }
  | { kind: 'ignore'; from: OrderPaymentStatus }
  | { kind: 'refuse'; from: OrderPaymentStatus; event: PaymentEventType; message: string };

/** What the amounts make of a settled payment. */
export function amountStatus(paidMinor: number, totalMinor: number): OrderPaymentStatus {
  if (totalMinor === 0 || paidMinor >= totalMinor) return 'PAID';
  return paidMinor === 0 ? 'NOT_PAID' : 'PARTIALLY_PAID';
}

/** The status an order is created with. */
export function openingStatus(paidMinor: number, totalMinor: number, chargePending: boolean): OrderPaymentStatus {
  return chargePending ? 'PENDING' : amountStatus(paidMinor, totalMinor);
}

type Cell = OrderPaymentStatus | 'ignore' | ((event: PaymentEvent) => OrderPaymentStatus) | string;

const refunded = (event: PaymentEvent): OrderPaymentStatus =>
  event.type === 'REFUND' && event.remainingMinor > 0 ? 'PARTIALLY_REFUNDED' : 'FULLY_REFUNDED';
const settled = (event: PaymentEvent): OrderPaymentStatus =>
  event.type === 'CHARGE_SETTLED' ? amountStatus(event.paidMinor, event.totalMinor) : 'PAID';

/** Refusals are sentences; the rest are targets. Every (state × event) pair is here. */
const TABLE: Record<OrderPaymentStatus, Record<PaymentEventType, Cell>> = {
  NOT_PAID: {
    CHARGE_SETTLED: 'There is no card payment waiting to settle on this order.',
    CHARGE_FAILED: 'There is no card payment waiting to settle on this order.',
    MARK_PAID: 'PAID',
    REFUND: 'Nothing was paid on this order, so there is nothing to refund.',
    DECLINE_UNPAID: 'NOT_PAID',
  },
  PENDING: {
    CHARGE_SETTLED: settled,
    CHARGE_FAILED: 'DECLINED',
    MARK_PAID: 'A card payment on this order is still being settled; wait for its result before marking the order as paid.',
    REFUND: 'The card payment on this order is still being settled; it can be refunded once it has gone through.',
    DECLINE_UNPAID: 'A card payment on this order is still being settled; wait for its result before declining the order.',
  },
  PARTIALLY_PAID: {
    CHARGE_SETTLED: 'ignore',
    CHARGE_FAILED: 'The payment on this order has already gone through; a late failure cannot undo it. Refund it instead.',
    MARK_PAID: 'PAID',
    REFUND: refunded,
    DECLINE_UNPAID: 'This order has payments; cancel its bookings instead, which refunds them.',
  },
  PAID: {
    CHARGE_SETTLED: 'ignore',
    CHARGE_FAILED: 'The payment on this order has already gone through; a late failure cannot undo it. Refund it instead.',
    MARK_PAID: 'This order is already paid in full; there is nothing more to mark as paid.',
    REFUND: refunded,
    DECLINE_UNPAID: 'This order has payments; cancel its bookings instead, which refunds them.',
  },
  PARTIALLY_REFUNDED: {
    CHARGE_SETTLED: 'ignore',
    CHARGE_FAILED: 'The payment on this order has already gone through and was partly refunded; a late failure cannot undo it.',
    MARK_PAID: 'Part of this order was refunded; it cannot be marked as paid again. Book again to take a new payment.',
    REFUND: refunded,
    DECLINE_UNPAID: 'This order has payments; cancel its bookings instead, which refunds them.',
  },
  FULLY_REFUNDED: {
    CHARGE_SETTLED: 'ignore',
    CHARGE_FAILED: 'The payment on this order was already refunded in full; a late failure changes nothing.',
    MARK_PAID: 'This order was refunded in full; it cannot be marked as paid again. Book again to take a new payment.',
    REFUND: 'This order was already refunded in full; there is nothing left to refund.',
    DECLINE_UNPAID: 'This order was refunded in full and its bookings canceled; there is nothing to decline.',
  },
  DECLINED: {
    CHARGE_SETTLED: 'The payment on this order failed and the order was declined; a late success cannot revive it. Refund the charge.',
    CHARGE_FAILED: 'ignore',
    MARK_PAID: 'The payment on this order failed and its bookings were declined; book again instead of marking it as paid.',
    REFUND: 'The payment on this order failed, so nothing was taken and there is nothing to refund.',
    DECLINE_UNPAID: 'This order was already declined when its payment failed.',
  },
};

const STATUS_WORDS = new Set<string>(PAYMENT_STATES);

export function decide(from: OrderPaymentStatus, event: PaymentEvent): PaymentDecision {
  const cell = TABLE[from][event.type];
  if (cell === 'ignore') return { kind: 'ignore', from };
  if (typeof cell === 'function') return { kind: 'move', from, to: cell(event) };
  if (STATUS_WORDS.has(cell)) return { kind: 'move', from, to: cell as OrderPaymentStatus };
  return { kind: 'refuse', from, event: event.type, message: cell };
}
