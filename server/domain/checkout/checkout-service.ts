/**
 * The eCommerce-style checkout of contract section 7: a checkout over one or more CREATED bookings, an order
 * that charges `payNow` through a payment provider and then runs confirm-or-decline for its bookings, and the
 * order afterwards (get, owner mark-as-paid, owner decline, refunds on cancel, a late payment failure).
 */
import type { Booking, PaymentStatus } from '../../../src/model/booking.js';
import type { Checkout, CheckoutLineItem, Order, PaymentInput, PriceSummary } from '../../../src/model/checkout.js';
import { BOOKINGS_APP_ID } from '../../../src/model/checkout.js';
import type { Identity } from '../../http/auth.js';
import type { Storage } from '../../storage/types.js';
import type { CommerceStores, StoredOrder } from '../../storage/commerce-types.js';
import type { BookingService } from '../bookings/booking-service.js';
import { serviceIdOf } from '../bookings/booking-service.js';
import { scopeOf } from '../bookings/access.js';
import { checkKey, lookup, remember, requestHash } from '../bookings/idempotency.js';
import type { PlanService } from '../plans/plan-service.js';
import type { ChargeOutcome, Payments } from '../payments/payments.js';
import { ApiError, ValidationError, notFound } from '../errors.js';
import { fromMinor } from '../money.js';
import { lineFor, totalsOf, type LineAmounts } from './checkout-lines.js';

type CommerceStorage = Storage & { commerce: CommerceStores };

export interface CheckoutLineInput {
  quantity?: number;
  catalogReference: { appId: string; catalogItemId: string };
}

const summary = (minor: number, currency: string): PriceSummary => ({ subtotal: fromMinor(minor, currency), total: fromMinor(minor, currency) });

/** What a booking's paymentStatus becomes when its order is created (contract section 7). */
function paymentStatusFor(line: LineAmounts): PaymentStatus {
  switch (line.paymentOption) {
    case 'MEMBERSHIP':
      return 'PAID'; // the plan's credits pay for it
    case 'MEMBERSHIP_OFFLINE':
      return 'NOT_PAID';
    case 'DEPOSIT_ONLINE':
      return 'PARTIALLY_PAID';
    case 'FULL_PAYMENT_ONLINE':
      return line.priceMinor === 0 ? 'EXEMPT' : 'PAID';
    case 'FULL_PAYMENT_OFFLINE':
      return line.priceMinor === 0 ? 'EXEMPT' : 'NOT_PAID';
  }
}

function orderPaymentStatus(paidMinor: number, totalMinor: number): Order['paymentStatus'] {
  if (totalMinor === 0 || paidMinor >= totalMinor) return 'PAID';
  return paidMinor === 0 ? 'NOT_PAID' : 'PARTIALLY_PAID';
}

export class CheckoutService {
  constructor(
    private readonly storage: CommerceStorage,
    private readonly bookings: BookingService,
    private readonly plans: PlanService,
    private readonly payments: Payments,
    private readonly clock: () => Date,
  ) {}

  // ---- checkout ----

  async createCheckout(identity: Identity, items: CheckoutLineInput[], idempotencyKey?: string): Promise<{ checkout: Checkout }> {
    const key = checkKey(idempotencyKey);
    const scope = scopeOf(identity);
    const hash = key ? requestHash({ items }) : '';
    return this.storage.transaction(async () => {
      if (key) {
        const replay = await lookup<{ checkout: Checkout }>(this.storage, `checkout:${scope}`, key, hash, this.clock());
        if (replay) return replay.body;
      }
      const lines = await this.linesFor(identity, items);
      const totals = totalsOf(lines);
      const now = this.clock().toISOString();
      const checkout: Checkout = {
        id: crypto.randomUUID(),
        lineItems: lines.map((l, i) => this.lineItem(l, items[i]?.catalogReference.catalogItemId ?? l.bookingId)),
        priceSummary: summary(totals.subtotalMinor, totals.currency),
        payNow: summary(totals.payNowMinor, totals.currency),
        payLater: summary(totals.payLaterMinor, totals.currency),
        currency: totals.currency,
        createdDate: now,
        updatedDate: now,
      };
      await this.storage.commerce.checkouts.insert({ checkout, scope });
      const body = { checkout };
      if (key) await remember(this.storage, `checkout:${scope}`, key, hash, 200, body, this.clock());
      return body;
    });
  }

  async getCheckout(identity: Identity, id: string): Promise<Checkout> {
    const stored = await this.storage.commerce.checkouts.get(id);
    if (!stored || (identity.kind !== 'owner' && stored.scope !== scopeOf(identity))) throw notFound('Checkout', id, 'CHECKOUT_NOT_FOUND');
    return stored.checkout;
  }

  private async linesFor(identity: Identity, items: CheckoutLineInput[]): Promise<LineAmounts[]> {
    const seen = new Set<string>();
    const lines: LineAmounts[] = [];
    for (const [i, item] of items.entries()) {
      const field = `lineItems[${i}]`;
      if (item.catalogReference.appId !== BOOKINGS_APP_ID) throw ValidationError.field(`${field}.catalogReference.appId`, `must be the Bookings app id ${BOOKINGS_APP_ID}`);
      if (item.quantity !== undefined && item.quantity !== 1) throw ValidationError.field(`${field}.quantity`, 'must be 1: one line per booking');
      const bookingId = item.catalogReference.catalogItemId;
      if (seen.has(bookingId)) throw ValidationError.field(`${field}.catalogReference.catalogItemId`, 'names a booking already in this checkout');
      seen.add(bookingId);
      const booking = await this.bookings.get(identity, bookingId);
      if (booking.status !== 'CREATED') {
        throw new ApiError(428, 'BOOKING_NOT_AWAITING_CHECKOUT', `Booking ${bookingId} is ${booking.status}: only a CREATED booking can be checked out.`, { bookingId, status: booking.status });
      }
      if (await this.storage.commerce.orders.linkForBooking(bookingId)) {
        throw new ApiError(428, 'BOOKING_ALREADY_ORDERED', `Booking ${bookingId} already has an order.`, { bookingId });
      }
      if (booking.selectedPaymentOption === 'MEMBERSHIP' && identity.kind !== 'member') {
        throw new ApiError(428, 'MEMBER_LOGIN_REQUIRED', 'Sign in as a member to pay with a pricing plan.', { bookingId });
      }
      const service = await this.storage.catalogue.getService(serviceIdOf(booking));
      if (!service) throw notFound('Service', serviceIdOf(booking), 'SERVICE_NOT_FOUND');
      lines.push(lineFor(booking, service, await this.storage.catalogue.getVariantsByService(service.id)));
    }
    return lines;
  }

  private lineItem(line: LineAmounts, bookingId: string): CheckoutLineItem {
    return {
      id: bookingId,
      quantity: 1,
      catalogReference: { appId: BOOKINGS_APP_ID, catalogItemId: bookingId },
      productName: { original: line.title },
      price: fromMinor(line.priceMinor, line.currency),
      paymentOption: line.paymentOption,
      ...(line.depositMinor !== undefined ? { depositAmount: fromMinor(line.depositMinor, line.currency) } : {}),
    };
  }

  // ---- create-order ----

  async createOrder(identity: Identity, checkoutId: string, payment: PaymentInput | undefined, idempotencyKey?: string): Promise<{ orderId: string }> {
    const key = checkKey(idempotencyKey);
    const stored = await this.storage.commerce.checkouts.get(checkoutId);
    if (!stored || (identity.kind !== 'owner' && stored.scope !== scopeOf(identity))) throw notFound('Checkout', checkoutId, 'CHECKOUT_NOT_FOUND');
    if (stored.checkout.orderId) return { orderId: stored.checkout.orderId };

    // Lines are re-read now: a booking may have changed since the checkout was made.
    const items = stored.checkout.lineItems.map((l) => ({ quantity: 1, catalogReference: l.catalogReference }));
    let lines: LineAmounts[];
    try {
      lines = await this.linesFor(identity, items);
    } catch (error) {
      // A concurrent create-order of the same checkout may have just settled these bookings: same answer.
      const raced = await this.storage.commerce.checkouts.get(checkoutId);
      if (raced?.checkout.orderId) return { orderId: raced.checkout.orderId };
      throw error;
    }
    const totals = totalsOf(lines);

    // The charge is outside the transaction (a provider call); its key makes a retried create-order free.
    let charge: ChargeOutcome | undefined;
    if (totals.payNowMinor > 0) {
      charge = await this.payments.charge({ namespace: `checkout:${checkoutId}`, key: key ?? checkoutId, amountMinor: totals.payNowMinor, currency: totals.currency, payment, description: lines.map((l) => l.title).join(', ') });
    }
    try {
      return await this.storage.transaction(async () => {
        const again = await this.storage.commerce.checkouts.get(checkoutId);
        if (again?.checkout.orderId) return { orderId: again.checkout.orderId };
        const orderId = crypto.randomUUID();
        const now = this.clock().toISOString();
        const paidMinor = charge ? totals.payNowMinor : 0;
        const pending = charge?.result.outcome === 'pending';
        const order: Order = {
          id: orderId,
          checkoutId,
          status: 'APPROVED',
          paymentStatus: pending ? 'PENDING' : orderPaymentStatus(paidMinor, totals.subtotalMinor),
          lineItems: stored.checkout.lineItems,
          priceSummary: summary(totals.subtotalMinor, totals.currency),
          balance: { balance: fromMinor(totals.subtotalMinor - paidMinor, totals.currency), totalPaid: fromMinor(paidMinor, totals.currency) },
          createdDate: now,
          updatedDate: now,
        };
        const record: StoredOrder = { order, scope: stored.scope, paidMinor, totalMinor: totals.subtotalMinor, revision: 1 };
        await this.storage.commerce.orders.insert(
          record,
          lines.map((l) => ({ bookingId: l.bookingId, orderId, paymentOption: l.paymentOption, priceMinor: l.priceMinor, payNowMinor: l.payNowMinor })),
        );
        if (charge) await this.payments.record({ orderId, charge, amountMinor: totals.payNowMinor, currency: totals.currency });
        await this.storage.commerce.checkouts.setOrderId(checkoutId, orderId);
        for (const line of lines) {
          if (line.credits > 0 && identity.kind === 'member') await this.plans.useCredits(identity.memberId, line.serviceId, line.bookingId, line.credits);
        }
        // Last, so nothing after it can fail and roll back a booking change the live streams have already seen.
        for (const line of lines) await this.bookings.settleByOrder(line.bookingId, paymentStatusFor(line), `order:${orderId}`);
        return { orderId };
      });
    } catch (error) {
      // The order could not be written: give the money back so a failure never keeps a charge.
      if (charge && charge.result.outcome === 'succeeded') {
        const record = { id: '', kind: 'CHARGE' as const, provider: charge.provider, providerRef: charge.result.chargeId, amountMinor: totals.payNowMinor, currency: totals.currency, status: 'SUCCEEDED' as const, createdDate: '' };
        await this.payments.refund(record, totals.payNowMinor, `rollback:${checkoutId}`).catch(() => false);
      }
      throw error;
    }
  }

  // ---- orders ----

  async getOrder(identity: Identity, id: string): Promise<Order> {
    return (await this.visibleOrder(identity, id)).order;
  }

  private async visibleOrder(identity: Identity, id: string): Promise<StoredOrder> {
    const stored = await this.storage.commerce.orders.get(id);
    if (!stored || (identity.kind !== 'owner' && stored.scope !== scopeOf(identity))) throw notFound('Order', id, 'ORDER_NOT_FOUND');
    return stored;
  }

  /** Owner: the balance was paid in person. */
  async markAsPaid(id: string): Promise<Order> {
    const stored = await this.visibleOrder({ kind: 'owner' }, id);
    if (stored.order.status === 'CANCELED' || stored.order.status === 'REJECTED') {
      throw new ApiError(409, 'ORDER_NOT_ACTIVE', `Order ${id} is ${stored.order.status}; there is nothing to mark as paid.`);
    }
    const order = await this.writeOrder(stored, (o) => ({ ...o, paidMinor: o.totalMinor }), 'PAID');
    for (const link of await this.storage.commerce.orders.links(id)) {
      if (link.paymentOption !== 'MEMBERSHIP' && link.priceMinor > 0) await this.bookings.setPaymentStatus(link.bookingId, 'PAID', `order:${id}`);
    }
    return order;
  }

  /** Owner: decline an unpaid order; its bookings are declined, their spots freed and credits given back. */
  async declineOrder(id: string): Promise<Order> {
    const stored = await this.visibleOrder({ kind: 'owner' }, id);
    if (stored.paidMinor > 0) {
      throw new ApiError(409, 'ORDER_ALREADY_PAID', `Order ${id} has payments; cancel its bookings instead, which refunds them.`);
    }
    if (stored.order.status !== 'APPROVED') throw new ApiError(409, 'ORDER_NOT_ACTIVE', `Order ${id} is already ${stored.order.status}.`);
    return this.endOrder(stored, 'CANCELED', 'NOT_PAID', 'NOT_PAID');
  }

  /** A payment accepted for later settlement failed: decline the order's bookings (contract section 7). */
  async paymentFailed(provider: string, chargeId: string, reason: string): Promise<void> {
    const payment = await this.storage.commerce.payments.findByProviderRef(provider, chargeId);
    if (!payment?.orderId || payment.status === 'FAILED') return;
    await this.storage.commerce.payments.setStatus(payment.id, 'FAILED', reason);
    const stored = await this.storage.commerce.orders.get(payment.orderId);
    if (stored) await this.endOrder({ ...stored, paidMinor: 0 }, 'REJECTED', 'DECLINED', 'NOT_PAID');
  }

  async paymentSettled(provider: string, chargeId: string): Promise<void> {
    const payment = await this.storage.commerce.payments.findByProviderRef(provider, chargeId);
    if (!payment?.orderId || payment.status !== 'PENDING') return;
    await this.storage.commerce.payments.setStatus(payment.id, 'SUCCEEDED');
    const stored = await this.storage.commerce.orders.get(payment.orderId);
    if (stored) await this.writeOrder(stored, (o) => o, orderPaymentStatus(stored.paidMinor, stored.totalMinor));
  }

  /**
   * After a booking is canceled, give back what was paid online for it (sandbox refund); its paymentStatus
   * becomes REFUNDED. Runs after commit, because it calls the provider.
   */
  async refundCanceled(booking: Booking): Promise<void> {
    if (booking.status !== 'CANCELED' || (booking.paymentStatus !== 'PAID' && booking.paymentStatus !== 'PARTIALLY_PAID')) return;
    const link = await this.storage.commerce.orders.linkForBooking(booking.id);
    if (!link || link.payNowMinor <= 0) return;
    const stored = await this.storage.commerce.orders.get(link.orderId);
    const charge = (await this.storage.commerce.payments.listForOrder(link.orderId)).find((p) => p.kind === 'CHARGE' && p.status === 'SUCCEEDED');
    if (!stored || !charge) return;
    const refunded = await this.payments.refund(charge, link.payNowMinor, `cancel:${booking.id}`);
    if (!refunded) return;
    await this.writeOrder(stored, (o) => ({ ...o, paidMinor: Math.max(0, o.paidMinor - link.payNowMinor) }), stored.paidMinor - link.payNowMinor <= 0 ? 'FULLY_REFUNDED' : 'PARTIALLY_REFUNDED');
    await this.bookings.setPaymentStatus(booking.id, 'REFUNDED', `order:${link.orderId}`);
  }

  private async endOrder(stored: StoredOrder, status: Order['status'], paymentStatus: Order['paymentStatus'], bookingPayment: PaymentStatus): Promise<Order> {
    return this.storage.transaction(async () => {
      const order = await this.writeOrder(stored, (o) => ({ ...o, order: { ...o.order, status } }), paymentStatus);
      for (const link of await this.storage.commerce.orders.links(stored.order.id)) {
        const booking = await this.bookings.read(link.bookingId);
        if (['CREATED', 'PENDING', 'CONFIRMED'].includes(booking.booking.status)) {
          await this.bookings.declineByOrder(link.bookingId, bookingPayment, `order:${stored.order.id}`);
        }
      }
      return order;
    });
  }

  private async writeOrder(stored: StoredOrder, change: (o: StoredOrder) => StoredOrder, paymentStatus: Order['paymentStatus']): Promise<Order> {
    const next = change(stored);
    const currency = next.order.priceSummary.total.currency;
    const order: Order = {
      ...next.order,
      paymentStatus,
      balance: { balance: fromMinor(Math.max(0, next.totalMinor - next.paidMinor), currency), totalPaid: fromMinor(next.paidMinor, currency) },
      updatedDate: this.clock().toISOString(),
    };
    const written = await this.storage.commerce.orders.update({ ...next, order, revision: stored.revision + 1 }, stored.revision);
    if (!written) throw new ApiError(409, 'ORDER_CHANGED', `Order ${stored.order.id} changed meanwhile; try again.`);
    return order;
  }
}
