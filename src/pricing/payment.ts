/**
 * What a booking's customer pays now and later (contract section 7), pure, in integer minor units. Wix's mapping:
 * ONLINE → FULL_PAYMENT_ONLINE, or DEPOSIT_ONLINE when the customer chose the deposit (or the service requires
 * one); OFFLINE → FULL_PAYMENT_OFFLINE; MEMBERSHIP → the plan pays, nothing due; MEMBERSHIP_OFFLINE → price 0, the
 * business redeems it by hand. The server builds checkout lines with it; the widget's review and summary show it.
 */
import type { SelectedPaymentOption } from '../model/booking.js';
import type { PaymentOptionType } from '../model/checkout.js';
import type { PaymentOptions, Service } from '../model/service.js';

export interface PaymentTerms extends PaymentOptions {
  /** The service takes deposits and does not let customers pay in full up front. */
  mustDeposit: boolean;
}

export function paymentTermsOf(service: Service): PaymentTerms {
  const terms = service.payment.fixed ?? service.payment.varied;
  const opts = service.payment.options;
  return { ...opts, mustDeposit: opts.deposit && terms?.fullUpfrontPaymentAllowed === false };
}

export interface PaymentSelection {
  selectedPaymentOption?: SelectedPaymentOption | undefined;
  depositSelected?: boolean | undefined;
}

export interface PaymentSplit {
  paymentOption: PaymentOptionType;
  /** The line's price (0 for MEMBERSHIP_OFFLINE, which the business redeems by hand). */
  priceMinor: number;
  payNowMinor: number;
  payLaterMinor: number;
  /** Deposit lines only. */
  depositMinor?: number;
  /** Plan credits used (MEMBERSHIP): one per participant. */
  credits: number;
}

/** Why a service refuses the chosen way to pay. */
export type PaymentRefusal = 'no-plan' | 'online-only' | 'not-online';

export type SplitResult = ({ ok: true } & PaymentSplit) | { ok: false; refusal: PaymentRefusal };

export interface PriceToSplit {
  totalMinor: number;
  depositMinor: number | null;
  participants: number;
}

/**
 * The split for a selection. Without `terms` (a caller that only has a price) nothing is refused and no deposit
 * is forced; with them the service's payment options are enforced as the server enforces them.
 */
export function splitPayment(price: PriceToSplit, selection: PaymentSelection): { ok: true } & PaymentSplit;
export function splitPayment(price: PriceToSplit, selection: PaymentSelection, terms: PaymentTerms): SplitResult;
export function splitPayment(price: PriceToSplit, selection: PaymentSelection, terms?: PaymentTerms): SplitResult {
  const total = price.totalMinor;
  const none = { credits: 0, payNowMinor: 0, payLaterMinor: 0 };
  switch (selection.selectedPaymentOption ?? (total === 0 ? 'OFFLINE' : 'ONLINE')) {
    case 'MEMBERSHIP':
      if (terms && !terms.pricingPlan) return { ok: false, refusal: 'no-plan' };
      return { ok: true, ...none, paymentOption: 'MEMBERSHIP', priceMinor: total, credits: price.participants };
    case 'MEMBERSHIP_OFFLINE':
      if (terms && !terms.pricingPlan) return { ok: false, refusal: 'no-plan' };
      return { ok: true, ...none, paymentOption: 'MEMBERSHIP_OFFLINE', priceMinor: 0 };
    case 'OFFLINE':
      if (terms && !terms.inPerson && total > 0) return { ok: false, refusal: 'online-only' };
      return { ok: true, ...none, paymentOption: 'FULL_PAYMENT_OFFLINE', priceMinor: total, payLaterMinor: total };
    case 'ONLINE': {
      if (terms && !terms.online && total > 0) return { ok: false, refusal: 'not-online' };
      const deposit = price.depositMinor;
      // A deposit as large as the price is no deposit: the line is paid in full.
      if (deposit !== null && deposit < total && (selection.depositSelected || terms?.mustDeposit)) {
        const due = { payNowMinor: deposit, payLaterMinor: total - deposit, depositMinor: deposit };
        return { ok: true, ...none, ...due, paymentOption: 'DEPOSIT_ONLINE', priceMinor: total };
      }
      return { ok: true, ...none, paymentOption: 'FULL_PAYMENT_ONLINE', priceMinor: total, payNowMinor: total };
    }
  }
}

export interface LineToTotal {
  currency: string;
  paymentOption: PaymentOptionType;
  priceMinor: number;
  payNowMinor: number;
  payLaterMinor: number;
}

export interface CheckoutTotals {
  currency: string;
  subtotalMinor: number;
  payNowMinor: number;
  payLaterMinor: number;
}

/** A checkout's totals; its lines must share one currency. */
export function checkoutTotals(lines: LineToTotal[]): ({ ok: true } & CheckoutTotals) | { ok: false; problem: 'multiple-currencies' } {
  const currency = lines[0]?.currency ?? 'USD';
  if (lines.some((l) => l.currency !== currency)) return { ok: false, problem: 'multiple-currencies' };
  // Plan-paid lines are not part of what is paid with money.
  const money = lines.filter((l) => l.paymentOption !== 'MEMBERSHIP' && l.paymentOption !== 'MEMBERSHIP_OFFLINE');
  return {
    ok: true,
    currency,
    subtotalMinor: money.reduce((n, l) => n + l.priceMinor, 0),
    payNowMinor: lines.reduce((n, l) => n + l.payNowMinor, 0),
    payLaterMinor: lines.reduce((n, l) => n + l.payLaterMinor, 0),
  };
}
