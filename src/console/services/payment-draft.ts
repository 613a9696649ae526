/**
 * The payment part of the service form, pure: the rate (fixed, varied by option, free or described), the price and
 * deposit, how customers pay (online, in person, pricing plans and which plans), and the draft back as the
 * `payment` the server takes. The server checks the rest (a deposit not above the price, at least one way to pay)
 * and its messages land beside these fields (service-draft.ts `fieldOfViolation`).
 */
import type { ServiceInput } from '../../api/services-calls.js';
import type { ServicePayment } from '../../model/service.js';

export type PriceKind = 'FIXED' | 'NO_FEE' | 'VARIED' | 'CUSTOM';

export interface PaymentDraft {
  priceKind: PriceKind;
  /** FIXED: the price; VARIED: the default price (a booking without a variant), the variants set the others. */
  price: string;
  /** Per participant, paid online at booking; empty: none. */
  deposit: string;
  /** With a deposit: the customer may pay the whole price at once instead. */
  fullUpfront: boolean;
  /** CUSTOM: the price in words ("Pay what you can"). */
  customPrice: string;
  payOnline: boolean;
  payInPerson: boolean;
  acceptPlans: boolean;
  planIds: string[];
}

export function paymentDraftOf(p: ServicePayment): PaymentDraft {
  const varied = p.rateType === 'VARIED';
  const terms = varied ? p.varied : p.fixed;
  return {
    priceKind: p.rateType,
    price: (varied ? p.varied?.defaultPrice : p.fixed?.price)?.value ?? '',
    deposit: p.options.deposit || terms?.deposit ? (terms?.deposit?.value ?? '') : '',
    fullUpfront: terms?.fullUpfrontPaymentAllowed !== false,
    customPrice: p.custom?.description ?? '',
    payOnline: p.options.online,
    payInPerson: p.options.inPerson,
    acceptPlans: p.options.pricingPlan,
    planIds: [...p.pricingPlanIds],
  };
}

/** The `payment` to send; amounts in `currency` (the service's own, or the business's for a new one). */
export function paymentInput(d: PaymentDraft, currency: string): ServiceInput['payment'] {
  const deposit = d.priceKind === 'FIXED' || d.priceKind === 'VARIED' ? d.deposit.trim() : '';
  const options = { online: d.payOnline, inPerson: d.payInPerson, deposit: deposit !== '', pricingPlan: d.acceptPlans };
  const common = { options, pricingPlanIds: d.acceptPlans ? d.planIds : [] };
  const money = (value: string) => ({ value: value.trim(), currency });
  const terms = { ...(deposit ? { deposit: money(deposit) } : {}), fullUpfrontPaymentAllowed: d.fullUpfront };
  switch (d.priceKind) {
    case 'NO_FEE':
      return { rateType: 'NO_FEE', ...common };
    case 'CUSTOM':
      return { rateType: 'CUSTOM', custom: { description: d.customPrice.trim() }, ...common };
    case 'VARIED':
      return { rateType: 'VARIED', varied: { defaultPrice: money(d.price), ...terms }, ...common };
    case 'FIXED':
      return { rateType: 'FIXED', fixed: { price: money(d.price), ...terms }, ...common };
  }
}
