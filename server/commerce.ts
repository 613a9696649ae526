/**
 * Wires checkout, payments, members and plans to the booking service: plan credits follow booking changes in
 * the same transaction, refunds follow cancellations after commit, late payment results follow the providers.
 */
import type { Storage } from './storage/types.js';
import type { BookingService } from './domain/bookings/booking-service.js';
import type { BookingEventBus } from './domain/bookings/events.js';
import type { TokenService } from './domain/identity/tokens.js';
import type { PaymentProvider } from './domain/payments/provider.js';
import { Payments } from './domain/payments/payments.js';
import { PlanService } from './domain/plans/plan-service.js';
import { MemberService } from './domain/members/member-service.js';
import { LoginThrottle } from './domain/members/login-throttle.js';
import { CheckoutService } from './domain/checkout/checkout-service.js';

export interface CommerceDeps {
  storage: Storage;
  bookings: BookingService;
  bookingEvents: BookingEventBus;
  tokens: TokenService;
  providers: PaymentProvider[];
  clock: () => Date;
  log: (message: string, error: unknown) => void;
}

export function createCommerce(deps: CommerceDeps) {
  const { storage, bookings, clock } = deps;
  const payments = new Payments(storage.commerce, deps.providers, clock);
  const plans = new PlanService(storage, payments, bookings, clock);
  const members = new MemberService(storage, deps.tokens, new LoginThrottle(), clock);
  const checkout = new CheckoutService(storage, bookings, plans, payments, clock, deps.log);

  bookings.onChange(plans.giveBackOnEnd);
  const stopRefunds = deps.bookingEvents.subscribeAll((booking) => {
    checkout.refundCanceled(booking).catch((error: unknown) => deps.log(`refund of booking ${booking.id} failed`, error));
  });
  /** A provider's late answer goes to what the charge paid for: a checkout's order or a plan order. */
  const settle = async (provider: string, event: { chargeId: string; outcome: 'succeeded' | 'failed'; reason?: string }): Promise<void> => {
    const payment = await storage.commerce.payments.findByProviderRef(provider, event.chargeId);
    if (!payment) return;
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
      settle(provider.name, event).catch((error: unknown) => deps.log(`settling charge ${event.chargeId} failed`, error));
    }),
  );

  return {
    payments,
    plans,
    members,
    checkout,
    close(): void {
      stopRefunds();
      for (const stop of stopSettlements) stop();
    },
  };
}
