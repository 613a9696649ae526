/**
 * Giving back what was paid for a booking, one path for both ways it happens: automatically after the booking
 * is canceled (what was charged online), and the owner's Refund (`POST /ecom/v1/orders/{id}/refund`: the online
 * charge through its provider, and a payment only marked as paid recorded as refunded offline). The refund is
 * claimed per booking first (order_bookings.refund_state: CLAIMED, then DONE), so a repeated Refund, a racing
 * cancel or a later cancel gives the money back once; the order's paymentStatus moves by the payment state machine.
 */
import { randomUUID } from 'node:crypto';
import type { Booking } from '../../../src/model/booking.js';
import type { OrderRecord } from '../../../src/model/checkout.js';
import type { OrderBookingLink, PaymentRecord } from '../../storage/commerce-types.js';
import type { BookingSettlement } from '../bookings/booking-settlement.js';
import type { Payments } from '../payments/payments.js';
import { decide } from '../payments/payment-state.js';
import { DomainError, notFound } from '../errors.js';
import type { CommerceStorage } from './checkout-reader.js';
import { writeOrderMove } from './order-write.js';

const PAID: readonly (Booking['paymentStatus'] | undefined)[] = ['PAID', 'PARTIALLY_PAID'];

/** What one booking's refund gives back: through the provider, and in person. */
interface Claim {
  charge: PaymentRecord | undefined;
  onlineMinor: number;
  offlineMinor: number;
}

type ClaimAnswer = { kind: 'claimed'; claim: Claim } | { kind: 'nothing' | 'busy' } | { kind: 'refused'; message: string };

export class OrderRefunds {
  constructor(
    private readonly storage: CommerceStorage,
    private readonly bookings: BookingSettlement,
    private readonly payments: Payments,
    private readonly clock: () => Date,
    private readonly log: (message: string, error: unknown) => void,
  ) {}

  /**
   * After a booking is canceled: what was charged online goes back (money taken in person stays the owner's to
   * give back, with Refund). Runs after commit; a provider failure is logged and a later event may try again.
   */
  async refundCanceled(booking: Booking): Promise<void> {
    if (booking.status !== 'CANCELED' || !PAID.includes(booking.paymentStatus)) return;
    const link = await this.storage.commerce.orders.linkForBooking(booking.id);
    if (!link || link.payNowMinor <= 0 || link.refundState) return;
    await this.giveBack(link, booking, false);
  }

  /**
   * The owner's Refund: every paid booking of the order, or just `bookingId`. Idempotent: what was refunded
   * already is skipped, and a second call answers the order as it is. Nothing paid at all is 409.
   */
  async refundOrder(orderId: string, bookingId?: string): Promise<OrderRecord> {
    const links = await this.storage.commerce.orders.links(orderId);
    if (!(await this.storage.commerce.orders.get(orderId))) throw notFound('Order', orderId, 'ORDER_NOT_FOUND');
    const chosen = bookingId === undefined ? links : links.filter((l) => l.bookingId === bookingId);
    if (chosen.length === 0 && bookingId !== undefined) throw notFound('Booking', bookingId, 'BOOKING_NOT_FOUND');
    let refunded = 0;
    for (const link of chosen) {
      if (link.refundState === 'DONE') {
        refunded += 1;
        continue;
      }
      const { booking } = await this.bookings.read(link.bookingId);
      if (!PAID.includes(booking.paymentStatus)) continue; // a membership, free or unpaid booking: nothing to give back
      const outcome = await this.giveBack(link, booking, true);
      if (outcome === 'failed')
        throw new DomainError(
          'PAYMENT_PROVIDER_UNAVAILABLE',
          'The payment provider did not take the refund; nothing was refunded. Try again.',
        );
      if (outcome === 'busy')
        throw new DomainError('ORDER_IN_PROGRESS', 'A refund of this booking is under way; read the order again in a moment.');
      if (typeof outcome === 'object') throw new DomainError('INVALID_PAYMENT_STATUS', outcome.refused);
      refunded += 1;
    }
    const stored = await this.storage.commerce.orders.get(orderId);
    if (!stored) throw notFound('Order', orderId, 'ORDER_NOT_FOUND');
    if (refunded === 0) {
      const what = bookingId === undefined ? 'this order' : 'this booking';
      throw new DomainError('INVALID_PAYMENT_STATUS', `Nothing was paid for ${what}, so there is nothing to refund.`, {
        paymentStatus: stored.order.paymentStatus,
        event: 'REFUND',
      });
    }
    return stored.order;
  }

  /** Claim, give back (the provider is called outside any transaction), then book it on the order and the booking. */
  private async giveBack(
    link: OrderBookingLink,
    booking: Booking,
    inPersonToo: boolean,
  ): Promise<'done' | 'nothing' | 'busy' | 'failed' | { refused: string }> {
    const answer = await this.storage.transaction(() => this.claim(link, booking, inPersonToo));
    if (answer.kind === 'refused') return { refused: answer.message };
    if (answer.kind !== 'claimed') return answer.kind;
    const { charge, onlineMinor, offlineMinor } = answer.claim;
    if (charge && onlineMinor > 0) {
      const ok = await this.payments.refund(charge, onlineMinor, `refund:${booking.id}`).catch((error: unknown) => {
        this.log(`refund of booking ${booking.id} failed`, error);
        return false;
      });
      if (!ok) {
        await this.storage.commerce.orders.moveRefund(booking.id, 'CLAIMED', null); // a later call may try again
        return 'failed';
      }
    }
    await this.storage.transaction(() => this.book(link, booking.id, onlineMinor + offlineMinor, offlineMinor));
    return 'done';
  }

  /** Inside a transaction: how much goes back, whether the machine allows it, and the claim. */
  private async claim(link: OrderBookingLink, booking: Booking, inPersonToo: boolean): Promise<ClaimAnswer> {
    const stored = await this.storage.commerce.orders.get(link.orderId);
    if (!stored) return { kind: 'nothing' };
    const charge = (await this.storage.commerce.payments.listForOrder(link.orderId)).find(
      (p) => p.kind === 'CHARGE' && p.status === 'SUCCEEDED',
    );
    const onlineMinor = charge ? link.payNowMinor : 0;
    // Marked as paid: the rest of its price was taken in person (a deposit's balance, or all of an offline payment).
    const offlineMinor = inPersonToo && booking.paymentStatus === 'PAID' ? Math.max(0, link.priceMinor - onlineMinor) : 0;
    const amount = Math.min(onlineMinor + offlineMinor, stored.paidMinor);
    if (amount <= 0) return { kind: 'nothing' };
    const decision = decide(stored.order.paymentStatus, { type: 'REFUND', remainingMinor: stored.paidMinor - amount });
    if (decision.kind === 'refuse') return { kind: 'refused', message: `Order ${link.orderId} is ${decision.from}: ${decision.message}` };
    if (!(await this.storage.commerce.orders.moveRefund(booking.id, null, 'CLAIMED'))) return { kind: 'busy' };
    return { kind: 'claimed', claim: { charge, onlineMinor, offlineMinor: Math.max(0, amount - onlineMinor) } };
  }

  /** Inside a transaction: the money is back with the customer whatever happened meanwhile, so book it. */
  private async book(link: OrderBookingLink, bookingId: string, amountMinor: number, offlineMinor: number): Promise<void> {
    const stored = await this.storage.commerce.orders.get(link.orderId);
    if (!stored) return;
    const now = this.clock();
    const remainingMinor = Math.max(0, stored.paidMinor - amountMinor);
    const decision = decide(stored.order.paymentStatus, { type: 'REFUND', remainingMinor });
    if (decision.kind === 'refuse')
      this.log(`refund of booking ${bookingId} booked on a ${decision.from} order`, new Error(decision.message));
    if (offlineMinor > 0) {
      await this.storage.commerce.payments.insert({
        id: randomUUID(),
        orderId: link.orderId,
        kind: 'REFUND',
        provider: 'offline',
        amountMinor: offlineMinor,
        currency: stored.order.priceSummary.total.currency,
        status: 'SUCCEEDED',
        reason: 'refunded in person',
        createdDate: now.toISOString(),
      });
    }
    await writeOrderMove(
      this.storage,
      now,
      stored,
      decision.kind === 'move'
        ? decision
        : { kind: 'move', from: decision.from, to: remainingMinor > 0 ? 'PARTIALLY_REFUNDED' : 'FULLY_REFUNDED' },
      { paidMinor: remainingMinor },
    );
    await this.storage.commerce.orders.moveRefund(bookingId, 'CLAIMED', 'DONE');
    await this.bookings.setPaymentStatus(bookingId, 'REFUNDED', `order:${link.orderId}`);
  }
}
