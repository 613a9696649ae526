/**
 * The eCommerce-style checkout of contract section 7: a checkout over one or more CREATED bookings, its order
 * (order-placement.ts: claim, charge, confirm-or-decline) and the order's money afterwards (order-payments.ts).
 * Create calls are idempotent by `Idempotency-Key` (bookings/idempotency.ts), scoped by route and caller.
 */
import type { CheckoutRecord, OrderRecord, PaymentInput, PriceSummary } from '../../../src/model/checkout.js';
import type { Money } from '../../../src/model/common.js';
import type { Booking } from '../../../src/model/booking.js';
import type { Identity } from '../identity/identity.js';
import type { BookingQueries } from '../bookings/booking-queries.js';
import type { BookingSettlement } from '../bookings/booking-settlement.js';
import { scopeOf } from '../bookings/access.js';
import { Idempotency, type IdempotentAnswer } from '../bookings/idempotency.js';
import type { PlanService } from '../plans/plan-service.js';
import type { Payments } from '../payments/payments.js';
import { fromMinor } from '../money.js';
import { totalsOf } from './checkout-lines.js';
import { CheckoutReader, lineItemOf, type CheckoutLineInput, type CommerceStorage } from './checkout-reader.js';
import { OrderPlacement } from './order-placement.js';
import { OrderPayments } from './order-payments.js';

export type { CheckoutLineInput } from './checkout-reader.js';

const summary = (minor: number, currency: string): PriceSummary<Money> => ({
  subtotal: fromMinor(minor, currency),
  total: fromMinor(minor, currency),
});

export class CheckoutService {
  private readonly reader: CheckoutReader;
  private readonly placement: OrderPlacement;
  private readonly idempotency: Idempotency;
  /** Mark-as-paid, decline, late settlements and refunds. */
  readonly orders: OrderPayments;

  constructor(
    private readonly storage: CommerceStorage,
    bookings: { queries: BookingQueries; settlement: BookingSettlement },
    plans: PlanService,
    payments: Payments,
    private readonly clock: () => Date,
    log?: (message: string, error: unknown) => void,
  ) {
    this.reader = new CheckoutReader(storage, bookings.queries);
    this.placement = new OrderPlacement(storage, this.reader, bookings.settlement, plans, payments, clock);
    this.orders = new OrderPayments(storage, bookings.settlement, payments, clock, log);
    this.idempotency = new Idempotency(storage, clock);
  }

  createCheckout(
    identity: Identity,
    items: CheckoutLineInput[],
    idempotencyKey?: string,
  ): Promise<IdempotentAnswer<{ checkout: CheckoutRecord }>> {
    const scope = scopeOf(identity);
    return this.idempotency.run<{ checkout: CheckoutRecord }>(
      { scope: `checkouts:${scope}`, key: idempotencyKey, request: { lineItems: items } },
      (remember) =>
        this.storage.transaction(async () => {
          const lines = await this.reader.lines(identity, items);
          const totals = totalsOf(lines);
          const now = this.clock().toISOString();
          const checkout: CheckoutRecord = {
            id: crypto.randomUUID(),
            lineItems: lines.map((l, i) => lineItemOf(l, items[i]?.catalogReference.catalogItemId ?? l.bookingId)),
            priceSummary: summary(totals.subtotalMinor, totals.currency),
            payNow: summary(totals.payNowMinor, totals.currency),
            payLater: summary(totals.payLaterMinor, totals.currency),
            currency: totals.currency,
            createdDate: now,
            updatedDate: now,
          };
          await this.storage.commerce.checkouts.insert({ checkout, scope });
          await remember({ checkout });
          return { checkout };
        }),
    );
  }

  async getCheckout(identity: Identity, id: string): Promise<CheckoutRecord> {
    return (await this.reader.visible(identity, id)).checkout;
  }

  /** The key covers this checkout and card: the same key on another checkout or card is 409 KEY_REUSED. */
  createOrder(
    identity: Identity,
    checkoutId: string,
    payment: PaymentInput | undefined,
    idempotencyKey?: string,
  ): Promise<IdempotentAnswer<{ orderId: string }>> {
    return this.idempotency.run(
      { scope: `create-order:${scopeOf(identity)}`, key: idempotencyKey, request: { checkoutId, payment: payment ?? null } },
      () => this.placement.place(identity, checkoutId, payment),
    );
  }

  async getOrder(identity: Identity, id: string): Promise<OrderRecord> {
    return (await this.orders.visibleOrder(identity, id)).order;
  }

  /** The order a booking was paid in, if any (the caller checked the booking is its to see). */
  async ordersOfBooking(bookingId: string): Promise<OrderRecord[]> {
    const link = await this.storage.commerce.orders.linkForBooking(bookingId);
    const stored = link ? await this.storage.commerce.orders.get(link.orderId) : null;
    return stored ? [stored.order] : [];
  }

  markAsPaid(id: string): Promise<OrderRecord> {
    return this.orders.markAsPaid(id);
  }

  declineOrder(id: string): Promise<OrderRecord> {
    return this.orders.declineOrder(id);
  }

  refundOrder(id: string, bookingId?: string): Promise<OrderRecord> {
    return this.orders.refundOrder(id, bookingId);
  }

  refundCanceled(booking: Booking): Promise<void> {
    return this.orders.refundCanceled(booking);
  }
}
