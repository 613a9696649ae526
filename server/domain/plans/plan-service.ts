/**
 * Pricing plans (contract section 8, extension): list, buy with a card, the member's plans, and the credits a
 * MEMBERSHIP booking uses — one per participant, given back when the booking is canceled or declined.
 */
import type { PricingPlan, MemberPlanOrder } from '../../../src/model/members.js';
import type { PaymentInput } from '../../../src/model/checkout.js';
import type { Booking } from '../../../src/model/booking.js';
import type { Storage } from '../../storage/types.js';
import type { CommerceStores } from '../../storage/commerce-types.js';
import { ApiError, notFound } from '../errors.js';
import { toMinor } from '../money.js';
import type { Payments } from '../payments/payments.js';

const DAY_MS = 86_400_000;
const ENDED: readonly Booking['status'][] = ['CANCELED', 'DECLINED'];

export class PlanService {
  constructor(
    private readonly storage: Storage & { commerce: CommerceStores },
    private readonly payments: Payments,
    private readonly clock: () => Date,
  ) {}

  list(): Promise<PricingPlan[]> {
    return this.storage.plans.list();
  }

  async buy(memberId: string, planId: string, payment: PaymentInput, idempotencyKey: string): Promise<MemberPlanOrder> {
    const plan = await this.storage.plans.get(planId);
    if (!plan) throw notFound('Pricing plan', planId, 'PLAN_NOT_FOUND');
    const price = toMinor(plan.pricing.price, 'plan.pricing.price');
    const orderId = crypto.randomUUID();
    const charge = await this.payments.charge({ namespace: `plan:${memberId}`, key: idempotencyKey, amountMinor: price.minor, currency: price.currency, payment, description: plan.name });
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
    await this.storage.transaction(async () => {
      await this.storage.plans.insertMemberOrder(order);
      await this.payments.record({ planOrderId: order.id, charge, amountMinor: price.minor, currency: price.currency });
    });
    return order;
  }

  async memberOrders(memberId: string): Promise<MemberPlanOrder[]> {
    const now = this.clock().toISOString();
    return (await this.storage.plans.listMemberOrders(memberId)).map((o) => ({ ...o, status: o.expirationDate > now ? 'ACTIVE' : 'ENDED' }));
  }

  /**
   * Take `credits` for a booking from the member's best plan for the service: an active, eligible plan with
   * enough credits, the one that expires first. Throws 428 with what is missing. Call inside the transaction.
   */
  async useCredits(memberId: string, serviceId: string, bookingId: string, credits: number): Promise<void> {
    const now = this.clock().toISOString();
    const plans = new Map((await this.storage.plans.list()).map((p) => [p.id, p]));
    const orders = (await this.storage.plans.listMemberOrders(memberId)).sort((a, b) => a.expirationDate.localeCompare(b.expirationDate));
    const eligible = orders.filter((o) => plans.get(o.planId)?.eligibleServiceIds.includes(serviceId));
    if (eligible.length === 0) throw new ApiError(428, 'NO_ELIGIBLE_PLAN', 'None of your pricing plans covers this service. Choose another way to pay, or buy a plan that covers it.');
    const active = eligible.filter((o) => o.expirationDate > now);
    if (active.length === 0) throw new ApiError(428, 'PLAN_EXPIRED', 'Your pricing plan for this service has expired. Renew it, or choose another way to pay.');
    for (const order of active) {
      if (await this.storage.commerce.credits.use({ bookingId, planOrderId: order.id, credits, usedDate: now })) return;
    }
    throw new ApiError(428, 'NO_CREDITS_LEFT', `Your pricing plan has fewer than ${credits} credit(s) left for this booking. Book fewer places, or choose another way to pay.`, { needed: credits });
  }

  /** The booking-change hook: a canceled or declined booking gives its credits back, in the same transaction. */
  readonly giveBackOnEnd = async (prev: Booking, next: Booking): Promise<void> => {
    if (ENDED.includes(next.status) && !ENDED.includes(prev.status)) {
      await this.storage.commerce.credits.giveBack(next.id, this.clock().toISOString());
    }
  };
}
