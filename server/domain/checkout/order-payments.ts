/**
 * An order's money after it was placed: owner mark-as-paid and decline, a provider's late settlement or
 * failure, and refunds when a booking is canceled. Every paymentStatus change is decided by the payment state
 * machine (payments/payment-state.ts) on the order as it is inside the transaction, so a repeated or racing
 * event never counts money twice (refunds: order-refunds.ts); a refusal is 409 INVALID_PAYMENT_STATUS saying what to do instead.
 */
import type { Booking, PaymentStatus } from '../../../src/model/booking.js';
import type { OrderRecord } from '../../../src/model/checkout.js';
import type { Identity } from '../identity/identity.js';
import type { StoredOrder } from '../../storage/commerce-types.js';
import type { BookingSettlement } from '../bookings/booking-settlement.js';
import { scopeOf } from '../bookings/access.js';
import type { Payments } from '../payments/payments.js';
import { decide, type PaymentDecision, type PaymentEvent } from '../payments/payment-state.js';
import { DomainError, notFound } from '../errors.js';
import type { CommerceStorage } from './checkout-reader.js';
import { OrderRefunds } from './order-refunds.js';
import { writeOrderMove, type AllowedMove } from './order-write.js';

const OPEN: readonly Booking['status'][] = ['CREATED', 'PENDING', 'CONFIRMED'];
const ENDED: readonly Booking['status'][] = ['CANCELED', 'DECLINED'];

type Allowed = AllowedMove;

/** The machine's refusal as the contract's 409, with its sentence. */
const refusal = (orderId: string, d: Extract<PaymentDecision, { kind: 'refuse' }>) =>
  new DomainError('INVALID_PAYMENT_STATUS', `Order ${orderId} is ${d.from}: ${d.message}`, { paymentStatus: d.from, event: d.event });

export class OrderPayments {
  private readonly refunds: OrderRefunds;

  constructor(
    private readonly storage: CommerceStorage,
    private readonly bookings: BookingSettlement,
    payments: Payments,
    private readonly clock: () => Date,
    log: (message: string, error: unknown) => void = () => undefined,
  ) {
    this.refunds = new OrderRefunds(storage, bookings, payments, clock, log);
  }

  async visibleOrder(identity: Identity, id: string): Promise<StoredOrder> {
    const stored = await this.storage.commerce.orders.get(id);
    if (!stored || (identity.kind !== 'owner' && stored.scope !== scopeOf(identity))) throw notFound('Order', id, 'ORDER_NOT_FOUND');
    return stored;
  }

  /** Owner: the balance was paid in person. */
  markAsPaid(id: string): Promise<OrderRecord> {
    return this.storage.transaction(async () => {
      const stored = await this.activeOrder(id);
      const decision = this.decideOrThrow(stored, { type: 'MARK_PAID' });
      const order = await this.write(stored, decision, { paidMinor: stored.totalMinor });
      for (const link of await this.storage.commerce.orders.links(id)) {
        if (link.paymentOption === 'MEMBERSHIP' || link.priceMinor <= 0) continue;
        // A canceled or declined booking keeps its paymentStatus: marking it PAID would invite a second refund.
        if (ENDED.includes((await this.bookings.read(link.bookingId)).booking.status)) continue;
        await this.bookings.setPaymentStatus(link.bookingId, 'PAID', `order:${id}`);
      }
      return order;
    });
  }

  /** Owner: decline an unpaid order; its bookings are declined, their spots freed and credits given back. */
  declineOrder(id: string): Promise<OrderRecord> {
    return this.storage.transaction(async () => {
      const stored = await this.activeOrder(id);
      const decision = this.decideOrThrow(stored, { type: 'DECLINE_UNPAID' });
      return this.endOrder(stored, decision, 'CANCELED', 'NOT_PAID');
    });
  }

  /** A payment accepted for later settlement failed: decline the order's bookings (contract section 7). Once. */
  paymentFailed(orderId: string, paymentId: string, reason: string): Promise<void> {
    return this.storage.transaction(async () => {
      if (!(await this.storage.commerce.payments.moveStatus(paymentId, 'PENDING', 'FAILED', reason))) return;
      const stored = await this.storage.commerce.orders.get(orderId);
      if (!stored) return;
      const decision = this.decideOrThrow(stored, { type: 'CHARGE_FAILED' });
      if (decision.kind === 'move') await this.endOrder({ ...stored, paidMinor: 0 }, decision, 'REJECTED', 'NOT_PAID');
    });
  }

  /** A payment accepted for later settlement went through. Once; then refund what was canceled meanwhile. */
  async paymentSettled(orderId: string, paymentId: string): Promise<void> {
    const settled = await this.storage.transaction(async () => {
      if (!(await this.storage.commerce.payments.moveStatus(paymentId, 'PENDING', 'SUCCEEDED'))) return false;
      const stored = await this.storage.commerce.orders.get(orderId);
      if (!stored) return false;
      const decision = this.decideOrThrow(stored, { type: 'CHARGE_SETTLED', paidMinor: stored.paidMinor, totalMinor: stored.totalMinor });
      await this.write(stored, decision, {});
      return true;
    });
    if (!settled) return;
    for (const link of await this.storage.commerce.orders.links(orderId))
      await this.refundCanceled((await this.bookings.read(link.bookingId)).booking);
  }

  /** After a booking is canceled, give back what was paid online for it (order-refunds.ts). */
  refundCanceled(booking: Booking): Promise<void> {
    return this.refunds.refundCanceled(booking);
  }

  /** Owner: give back what was paid for one booking of the order, or for all of them (order-refunds.ts). */
  refundOrder(id: string, bookingId?: string): Promise<OrderRecord> {
    return this.refunds.refundOrder(id, bookingId);
  }

  private async activeOrder(id: string): Promise<StoredOrder> {
    const stored = await this.visibleOrder({ kind: 'owner' }, id);
    if (stored.order.status !== 'APPROVED')
      throw new DomainError('ORDER_NOT_ACTIVE', `Order ${id} is ${stored.order.status}; its payment can no longer change.`, {
        status: stored.order.status,
      });
    return stored;
  }

  private decideOrThrow(stored: StoredOrder, event: PaymentEvent): Allowed {
    const decision = decide(stored.order.paymentStatus, event);
    if (decision.kind === 'refuse') throw refusal(stored.order.id, decision);
    return decision;
  }

  /** Call inside a transaction: the order ends and its open bookings are declined (last). */
  private async endOrder(
    stored: StoredOrder,
    decision: Allowed,
    status: OrderRecord['status'],
    bookingPayment: PaymentStatus,
  ): Promise<OrderRecord> {
    const order = await this.write(stored, decision, { paidMinor: stored.paidMinor, status });
    for (const link of await this.storage.commerce.orders.links(stored.order.id)) {
      const booking = await this.bookings.read(link.bookingId);
      if (OPEN.includes(booking.booking.status))
        await this.bookings.declineByOrder(link.bookingId, bookingPayment, `order:${stored.order.id}`);
    }
    return order;
  }

  /** Write the machine's move (an ignore writes nothing) with the amounts it goes with. */
  private write(
    stored: StoredOrder,
    decision: Allowed,
    change: { paidMinor?: number; status?: OrderRecord['status'] },
  ): Promise<OrderRecord> {
    return writeOrderMove(this.storage, this.clock(), stored, decision, change);
  }
}
