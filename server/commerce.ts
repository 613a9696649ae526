/**
 * What follows booking changes and payments, once every service exists (services.ts): plan credits follow
 * booking changes in the same transaction, refunds follow cancellations after commit, and providers' late
 * payment results go to the order or plan order they paid for. Returns the function that disconnects them.
 */
import type { Storage } from './storage/types.js';
import type { BookingMutations } from './domain/bookings/mutation-context.js';
import type { BookingEventBus } from './domain/bookings/events.js';
import type { Payments } from './domain/payments/payments.js';
import type { PlanService } from './domain/plans/plan-service.js';
import type { CheckoutService } from './domain/checkout/checkout-service.js';

/** About half a minute of retries (25 ms doubling to 2 s) for a settlement that arrives before its order. */
const SETTLEMENT_RETRIES = 20;

export interface CommerceLinks {
  storage: Storage;
  mutations: BookingMutations;
  bookingEvents: BookingEventBus;
  payments: Payments;
  plans: PlanService;
  checkout: CheckoutService;
  log: (message: string, error: unknown) => void;
}

export function connectCommerce({ storage, mutations, bookingEvents, payments, plans, checkout, log }: CommerceLinks): () => void {
  mutations.onChange(plans.giveBackOnEnd);
  const stopRefunds = bookingEvents.subscribeAll((booking) => {
    checkout.refundCanceled(booking).catch((error: unknown) => log(`refund of booking ${booking.id} failed`, error));
  });
  const timers = new Set<NodeJS.Timeout>();
  /**
   * A provider's late answer goes to what the charge paid for: a checkout's order or a plan order. It can arrive
   * before the order that recorded the charge has committed; then it is tried again, with backoff, for a while.
   */
  const settle = async (
    provider: string,
    event: { chargeId: string; outcome: 'succeeded' | 'failed'; reason?: string },
    attempt = 0,
  ): Promise<void> => {
    const payment = await storage.commerce.payments.findByProviderRef(provider, event.chargeId);
    if (!payment) {
      if (attempt >= SETTLEMENT_RETRIES) {
        log(`settlement of charge ${event.chargeId} matched no payment`, new Error(`${provider}: ${event.outcome}`));
        return;
      }
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          settle(provider, event, attempt + 1).catch((error: unknown) => log(`settling charge ${event.chargeId} failed`, error));
        },
        Math.min(2_000, 25 * 2 ** attempt),
      );
      timers.add(timer);
      return;
    }
    const reason = event.reason ?? 'The payment failed.';
    if (payment.orderId) {
      await (event.outcome === 'failed'
        ? checkout.orders.paymentFailed(payment.orderId, payment.id, reason)
        : checkout.orders.paymentSettled(payment.orderId, payment.id));
    } else if (payment.planOrderId) {
      await (event.outcome === 'failed' ? plans.paymentFailed(payment.planOrderId, payment.id, reason) : plans.paymentSettled(payment.id));
    }
  };
  const stopSettlements = payments.all().map((provider) =>
    provider.onSettled((event) => {
      settle(provider.name, event).catch((error: unknown) => log(`settling charge ${event.chargeId} failed`, error));
    }),
  );
  return () => {
    stopRefunds();
    for (const stop of stopSettlements) stop();
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
}
