/**
 * Pricing plans (contract section 8, extension): list, buy with a card, the member's plans, and the credits a
 * MEMBERSHIP booking uses — one per participant, given back when the booking is canceled or declined.
 *
 * A plan bought with a payment that fails after it was accepted (a late settlement failure) is CANCELED: its
 * remaining credits are gone, it pays for nothing more, and its bookings whose session has not started yet are
 * declined (spot freed, paymentStatus NOT_PAID), as an order's bookings are when its payment fails. Bookings
 * whose session already started are left as they are for the business to settle. Wix cancels the plan too.
 */
import { randomUUID } from 'node:crypto';
import type { PricingPlan, MemberPlanOrder } from '../../../src/model/members.js';
import type { PaymentInput } from '../../../src/model/checkout.js';
import type { Booking } from '../../../src/model/booking.js';
import type { Storage } from '../../storage/types.js';
import type { CommerceStores } from '../../storage/commerce-types.js';
import type { BookingSettlement } from '../bookings/booking-settlement.js';
import { Idempotency, type IdempotentAnswer } from '../bookings/idempotency.js';
import { DomainError, notFound } from '../errors.js';
import { toMinor } from '../money.js';
import type { Payments } from '../payments/payments.js';

const DAY_MS = 86_400_000;
const ENDED: readonly Booking['status'][] = ['CANCELED', 'DECLINED'];
const OPEN: readonly Booking['status'][] = ['CREATED', 'PENDING', 'CONFIRMED'];

export class PlanService {
  private readonly idempotency: Idempotency;

  constructor(
    private readonly storage: Storage & { commerce: CommerceStores },
    private readonly payments: Payments,
    private readonly bookings: BookingSettlement,
    private readonly clock: () => Date,
  ) {
    this.idempotency = new Idempotency(storage, clock);
  }

  list(): Promise<PricingPlan[]> {
    return this.storage.plans.list();
  }

  /** One plan order per Idempotency-Key: a retry answers the first order; another plan or card with it is 409. */
  buy(
    memberId: string,
    planId: string,
    payment: PaymentInput,
    idempotencyKey: string | undefined,
  ): Promise<IdempotentAnswer<{ order: MemberPlanOrder }>> {
    return this.idempotency.run<{ order: MemberPlanOrder }>(
      { scope: `plan-orders:member:${memberId}`, key: idempotencyKey, request: { planId, payment } },
      async (remember) => {
        const plan = await this.storage.plans.get(planId);
        if (!plan) throw notFound('Pricing plan', planId, 'PLAN_NOT_FOUND');
        const price = toMinor(plan.pricing.price, 'plan.pricing.price');
        const orderId = randomUUID();
        // A provider key of its own per attempt: a charge refunded after a failed write is never reused.
        const charge = await this.payments.charge({
          namespace: `plan:${memberId}`,
          key: orderId,
          amountMinor: price.minor,
          currency: price.currency,
          payment,
          description: plan.name,
        });
        const now = this.clock();
        const order: MemberPlanOrder = {
          id: orderId,
          planId: plan.id,
          planName: plan.name,
          memberId,
          status: 'ACTIVE',
          ...(plan.credits !== undefined ? { credits: { total: plan.credits, remaining: plan.credits } } : {}),
          startDate: now.toISOString(),
          expirationDate: new Date(now.getTime() + plan.durationInDays * DAY_MS).toISOString(),
        };
        try {
          await this.storage.transaction(async () => {
            await this.storage.plans.insertMemberOrder(order);
            await this.payments.record({ planOrderId: order.id, charge, amountMinor: price.minor, currency: price.currency });
            await remember({ order });
          });
        } catch (error) {
          if (charge.result.outcome === 'succeeded') {
            const record = {
              id: '',
              kind: 'CHARGE' as const,
              provider: charge.provider,
              providerRef: charge.result.chargeId,
              amountMinor: price.minor,
              currency: price.currency,
              status: 'SUCCEEDED' as const,
              createdDate: '',
            };
            await this.payments.refund(record, price.minor, `rollback:${orderId}`).catch(() => false);
          }
          throw error;
        }
        return { order };
      },
    );
  }

  async memberOrders(memberId: string): Promise<MemberPlanOrder[]> {
    const now = this.clock().toISOString();
    const canceled = new Map((await this.storage.commerce.planOrders.cancellations(memberId)).map((c) => [c.planOrderId, c]));
    return (await this.storage.plans.listMemberOrders(memberId)).map((o): MemberPlanOrder => {
      const c = canceled.get(o.id);
      if (!c) return { ...o, status: o.expirationDate > now ? 'ACTIVE' : 'ENDED' };
      return {
        ...o,
        status: 'CANCELED',
        ...(o.credits ? { credits: { ...o.credits, remaining: 0 } } : {}),
        cancellation: { cause: 'PAYMENT_FAILURE', reason: c.reason, effectiveDate: c.canceledDate },
      };
    });
  }

  /**
   * Take `credits` for a booking from the member's best plan for the service: an active, eligible plan with
   * enough credits, the one that expires first. Throws 428 with what is missing. Call inside the transaction.
   */
  async useCredits(memberId: string, serviceId: string, bookingId: string, credits: number): Promise<void> {
    const now = this.clock().toISOString();
    const plans = new Map((await this.storage.plans.list()).map((p) => [p.id, p]));
    const canceled = new Set((await this.storage.commerce.planOrders.cancellations(memberId)).map((c) => c.planOrderId));
    const orders = (await this.storage.plans.listMemberOrders(memberId)).sort((a, b) => a.expirationDate.localeCompare(b.expirationDate));
    const covering = orders.filter((o) => plans.get(o.planId)?.eligibleServiceIds.includes(serviceId));
    if (covering.length === 0)
      throw new DomainError(
        'NO_ELIGIBLE_PLAN',
        'None of your pricing plans covers this service. Choose another way to pay, or buy a plan that covers it.',
      );
    const eligible = covering.filter((o) => !canceled.has(o.id));
    if (eligible.length === 0)
      throw new DomainError(
        'PLAN_CANCELED',
        'Your pricing plan for this service was canceled because its payment failed. Buy it again, or choose another way to pay.',
      );
    const active = eligible.filter((o) => o.expirationDate > now);
    if (active.length === 0)
      throw new DomainError('PLAN_EXPIRED', 'Your pricing plan for this service has expired. Renew it, or choose another way to pay.');
    for (const order of active) {
      if (await this.storage.commerce.credits.use({ bookingId, planOrderId: order.id, credits, usedDate: now })) return;
    }
    throw new DomainError(
      'NO_CREDITS_LEFT',
      `Your pricing plan has fewer than ${credits} credit(s) left for this booking. Book fewer places, or choose another way to pay.`,
      { needed: credits },
    );
  }

  /** The plan's payment failed after the sale: cancel it once, and decline its bookings still ahead. */
  paymentFailed(planOrderId: string, paymentId: string, reason: string): Promise<void> {
    return this.storage.transaction(async () => {
      if (!(await this.storage.commerce.payments.moveStatus(paymentId, 'PENDING', 'FAILED', reason))) return;
      const now = this.clock();
      if (!(await this.storage.commerce.planOrders.cancel(planOrderId, now.toISOString(), reason))) return;
      for (const use of await this.storage.commerce.credits.openUsesOf(planOrderId)) {
        const { booking } = await this.bookings.read(use.bookingId);
        const started = booking.startDate !== undefined && Date.parse(booking.startDate) <= now.getTime();
        if (OPEN.includes(booking.status) && !started)
          await this.bookings.declineByOrder(booking.id, 'NOT_PAID', `plan-order:${planOrderId}`);
      }
    });
  }

  async paymentSettled(paymentId: string): Promise<void> {
    await this.storage.commerce.payments.moveStatus(paymentId, 'PENDING', 'SUCCEEDED');
  }

  /** The booking-change hook: a canceled or declined booking gives its credits back, in the same transaction. */
  readonly giveBackOnEnd = async (prev: Booking, next: Booking): Promise<void> => {
    if (ENDED.includes(next.status) && !ENDED.includes(prev.status)) {
      await this.storage.commerce.credits.giveBack(next.id, this.clock().toISOString());
    }
  };
}
