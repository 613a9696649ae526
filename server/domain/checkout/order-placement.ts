/**
 * Placing a checkout's order (contract section 7): claim, charge, write, confirm-or-decline.
 *
 * The checkout and its bookings are claimed before any money moves, so only one request ever charges for
 * them. Another create-order of the same checkout waits for the claimant and answers its orderId (or, after
 * WAIT_MS, 409 ORDER_IN_PROGRESS with Retry-After); a create-order of another checkout holding one of the same
 * bookings is 409 BOOKING_ORDER_IN_PROGRESS at once, or 428 BOOKING_ALREADY_ORDERED once the first order exists.
 * Neither is charged. If the order cannot be written after a charge, the charge is refunded.
 */
import { randomUUID } from 'node:crypto';
import type { OrderRecord, PaymentInput, PriceSummary } from '../../../src/model/checkout.js';
import type { Money } from '../../../src/model/common.js';
import type { PaymentStatus } from '../../../src/model/booking.js';
import type { Identity } from '../identity/identity.js';
import type { StoredCheckout, StoredOrder } from '../../storage/commerce-types.js';
import type { BookingSettlement } from '../bookings/booking-settlement.js';
import type { PlanService } from '../plans/plan-service.js';
import type { ChargeOutcome, Payments } from '../payments/payments.js';
import { openingStatus } from '../payments/payment-state.js';
import { DomainError } from '../errors.js';
import { fromMinor } from '../money.js';
import { totalsOf, type CheckoutTotals, type LineAmounts } from './checkout-lines.js';
import { appendOrderEvent } from '../outbox/events.js';
import { alreadyOrdered, type CheckoutReader, type CommerceStorage } from './checkout-reader.js';

const WAIT_MS = 20_000;
const LEASE_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const summary = (minor: number, currency: string): PriceSummary<Money> => ({
  subtotal: fromMinor(minor, currency),
  total: fromMinor(minor, currency),
});

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

export class OrderPlacement {
  constructor(
    private readonly storage: CommerceStorage,
    private readonly reader: CheckoutReader,
    private readonly bookings: BookingSettlement,
    private readonly plans: PlanService,
    private readonly payments: Payments,
    private readonly clock: () => Date,
  ) {}

  async place(identity: Identity, checkoutId: string, payment: PaymentInput | undefined): Promise<{ orderId: string }> {
    const stored = await this.reader.visible(identity, checkoutId);
    const bookingIds = stored.checkout.lineItems.map((l) => l.catalogReference.catalogItemId);
    const deadline = Date.now() + WAIT_MS;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      const placed = await this.storage.commerce.checkouts.get(checkoutId);
      if (placed?.checkout.orderId) return { orderId: placed.checkout.orderId };
      const now = this.clock();
      const claimId = randomUUID();
      const claim = await this.storage.commerce.orderClaims.claim({
        checkoutId,
        bookingIds,
        claimId,
        at: now.toISOString(),
        claimedUntil: new Date(now.getTime() + LEASE_MS).toISOString(),
      });
      if (claim.kind === 'booking-busy') {
        throw new DomainError(
          'BOOKING_ORDER_IN_PROGRESS',
          `Booking ${claim.bookingId} is being paid for in another checkout right now; nothing was charged. Check the booking before paying again.`,
          { bookingId: claim.bookingId, retryAfterSeconds: 1 },
        );
      }
      if (claim.kind === 'busy') {
        if (Date.now() > deadline)
          throw new DomainError(
            'ORDER_IN_PROGRESS',
            'This checkout is being paid right now; nothing more was charged. Retry shortly to get its order.',
            { checkoutId, retryAfterSeconds: 1 },
          );
        await sleep(pause);
        continue;
      }
      try {
        return await this.placeClaimed(identity, stored, claimId, payment);
      } finally {
        await this.storage.commerce.orderClaims.release(claimId);
      }
    }
  }

  /** Only the claimant gets here: it alone may charge for this checkout and its bookings. */
  private async placeClaimed(
    identity: Identity,
    stored: StoredCheckout,
    claimId: string,
    payment: PaymentInput | undefined,
  ): Promise<{ orderId: string }> {
    const checkoutId = stored.checkout.id;
    const placed = await this.storage.commerce.checkouts.get(checkoutId);
    if (placed?.checkout.orderId) return { orderId: placed.checkout.orderId };
    // Lines are re-read now: a booking may have changed since the checkout was made.
    const items = stored.checkout.lineItems.map((l) => ({ quantity: 1, catalogReference: l.catalogReference }));
    const lines = await this.reader.lines(identity, items);
    const totals = totalsOf(lines);

    // Outside the transaction (a provider call). The provider key is this claim's: a charge refunded after a
    // failed write is never handed back to a later attempt as if it were paid.
    let charge: ChargeOutcome | undefined;
    if (totals.payNowMinor > 0) {
      charge = await this.payments.charge({
        namespace: `checkout:${checkoutId}`,
        key: claimId,
        amountMinor: totals.payNowMinor,
        currency: totals.currency,
        payment,
        description: lines.map((l) => l.title).join(', '),
      });
    }
    try {
      return await this.storage.transaction(() => this.writeOrder(identity, stored, lines, totals, charge));
    } catch (error) {
      // The order could not be written: give the money back so a failure never keeps a charge.
      if (charge?.result.outcome === 'succeeded') {
        const record = {
          id: '',
          kind: 'CHARGE' as const,
          provider: charge.provider,
          providerRef: charge.result.chargeId,
          amountMinor: totals.payNowMinor,
          currency: totals.currency,
          status: 'SUCCEEDED' as const,
          createdDate: '',
        };
        await this.payments.refund(record, totals.payNowMinor, `rollback:${claimId}`).catch(() => false);
      }
      throw error;
    }
  }

  private async writeOrder(
    identity: Identity,
    stored: StoredCheckout,
    lines: LineAmounts[],
    totals: CheckoutTotals,
    charge: ChargeOutcome | undefined,
  ): Promise<{ orderId: string }> {
    const checkoutId = stored.checkout.id;
    // A claim whose lease lapsed may have let another order in: the links are the last word.
    for (const line of lines) if (await this.storage.commerce.orders.linkForBooking(line.bookingId)) throw alreadyOrdered(line.bookingId);
    const orderId = randomUUID();
    const now = this.clock().toISOString();
    const paidMinor = charge ? totals.payNowMinor : 0;
    const order: OrderRecord = {
      id: orderId,
      checkoutId,
      status: 'APPROVED',
      paymentStatus: openingStatus(paidMinor, totals.subtotalMinor, charge?.result.outcome === 'pending'),
      lineItems: stored.checkout.lineItems,
      priceSummary: summary(totals.subtotalMinor, totals.currency),
      balance: { balance: fromMinor(totals.subtotalMinor - paidMinor, totals.currency), totalPaid: fromMinor(paidMinor, totals.currency) },
      createdDate: now,
      updatedDate: now,
    };
    const record: StoredOrder = { order, scope: stored.scope, paidMinor, totalMinor: totals.subtotalMinor, revision: 1 };
    await this.storage.commerce.orders.insert(
      record,
      lines.map((l) => ({
        bookingId: l.bookingId,
        orderId,
        paymentOption: l.paymentOption,
        priceMinor: l.priceMinor,
        payNowMinor: l.payNowMinor,
      })),
    );
    await appendOrderEvent(this.storage, order, null, this.clock());
    if (charge) await this.payments.record({ orderId, charge, amountMinor: totals.payNowMinor, currency: totals.currency });
    await this.storage.commerce.checkouts.setOrderId(checkoutId, orderId);
    for (const line of lines) {
      if (line.credits > 0 && identity.kind === 'member')
        await this.plans.useCredits(identity.memberId, line.serviceId, line.bookingId, line.credits);
    }
    // Last, so nothing after it can fail and roll back a booking change the live streams have already seen.
    for (const line of lines) await this.bookings.settleByOrder(line.bookingId, paymentStatusFor(line), `order:${orderId}`);
    return { orderId };
  }
}
