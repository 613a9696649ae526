/**
 * The price the review shows before the server has answered (and when the pricing preview is unavailable), and
 * what is due now and later. The rules are src/pricing's, the same the server prices checkouts with, in integer
 * minor units; this module adapts them to the flow's shapes. The server's answer replaces the estimate.
 */
import type { Money } from '../model/common.js';
import type { ParticipantsChoices, PriceInfo } from '../model/booking.js';
import type { Service, ServiceOptionsAndVariants } from '../model/service.js';
import { priceAsMoney, type Checkout, type EcomPrice } from '../model/checkout.js';
import { fromMinor, parseMoney } from '../money/index.js';
import {
  basePrice,
  checkoutTotals,
  depositPerParticipant,
  paymentTermsOf,
  priceBooking,
  splitPayment,
  toPriceInfo,
  type PaymentSelection,
} from '../pricing/index.js';

export { basePrice };

// Amounts here come from the server or the catalogue, already checked; a malformed one counts as 0 rather than
// breaking the page.
const minorOf = (m: Money): number => {
  const parsed = parseMoney(m);
  return parsed.ok ? parsed.minor : 0;
};

/** The booking's participants in the contract's shape: variant choices when it has variants. */
export function participantsOf(
  variants: ServiceOptionsAndVariants | null | undefined,
  counts: Record<string, number>,
): { totalParticipants: number } | { participantsChoices: ParticipantsChoices } {
  if (!variants) return { totalParticipants: Math.max(1, counts[''] ?? 1) };
  const serviceChoices = variants.variants.values
    .filter((v) => (counts[v.id ?? ''] ?? 0) > 0)
    .map((v) => ({ numberOfParticipants: counts[v.id ?? ''] ?? 0, choices: v.choices }));
  return { participantsChoices: { serviceChoices } };
}

export function totalParticipants(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function estimatePrice(
  service: Service,
  variants: ServiceOptionsAndVariants | null | undefined,
  counts: Record<string, number>,
): PriceInfo {
  const lines = variants
    ? variants.variants.values
        .filter((v) => (counts[v.id ?? ''] ?? 0) > 0)
        .map((v) => ({ numberOfParticipants: counts[v.id ?? ''] ?? 0, choices: v.choices }))
    : [{ numberOfParticipants: Math.max(1, counts[''] ?? 1) }];
  const result = priceBooking(service, variants, lines);
  // A catalogue the server would refuse to price: no estimate worth showing, and the server says why on booking.
  if (!result.ok) return { calculatedPrice: fromMinor(0, basePrice(service)?.currency ?? 'USD'), bookingLineItems: [] };
  const info = toPriceInfo(service.id, result);
  // A CUSTOM price is a description: the review shows nothing to pay for it.
  return { ...info, calculatedPrice: info.calculatedPrice ?? fromMinor(0, result.currency) };
}

export interface PaymentDue {
  total: Money;
  now: Money;
  later: Money;
}

/**
 * What is paid now and later for a selection, as the server's checkout will count it (plan-paid bookings owe no
 * money). With the service, its terms apply too (a service that requires a deposit takes one).
 */
/** What a checkout asks, as `Money` (its prices come in eCom's shape): the total, due now and due later. */
export function checkoutDue(checkout: Checkout): PaymentDue {
  const m = (price: EcomPrice) => priceAsMoney(price, checkout.currency);
  return { total: m(checkout.priceSummary.total), now: m(checkout.payNow.total), later: m(checkout.payLater.total) };
}

export function paymentDue(price: PriceInfo, selection: PaymentSelection, service?: Service): PaymentDue {
  // A CUSTOM-rate service has no calculated price: nothing is due online, the business prices it.
  const c = (price.calculatedPrice ?? price.deposit ?? price.bookingLineItems[0]?.pricePerParticipant)?.currency ?? 'USD';
  const amounts = {
    totalMinor: price.calculatedPrice ? minorOf(price.calculatedPrice) : 0,
    depositMinor: price.deposit ? minorOf(price.deposit) : null,
    participants: price.bookingLineItems.reduce((n, l) => n + l.numberOfParticipants, 0),
  };
  const withTerms = service ? splitPayment(amounts, selection, paymentTermsOf(service)) : undefined;
  // A way to pay the service refuses is the server's to refuse at checkout; until then show the plain split.
  const line = withTerms?.ok ? withTerms : splitPayment(amounts, selection);
  const totals = checkoutTotals([{ ...line, currency: c }]);
  const subtotal = totals.ok ? totals.subtotalMinor : line.priceMinor;
  return { total: fromMinor(subtotal, c), now: fromMinor(line.payNowMinor, c), later: fromMinor(line.payLaterMinor, c) };
}

/** What is paid now and later for a payment choice. */
export function split(price: PriceInfo, online: boolean, depositSelected: boolean, byPlan = false): PaymentDue {
  return paymentDue(price, { selectedPaymentOption: byPlan ? 'MEMBERSHIP' : online ? 'ONLINE' : 'OFFLINE', depositSelected });
}

export const isZero = (m: Money): boolean => minorOf(m) === 0;

export interface PaymentChoice {
  id: 'plan' | 'deposit' | 'full' | 'inPerson';
  payment: 'MEMBERSHIP' | 'ONLINE' | 'OFFLINE';
  depositSelected: boolean;
}

/** The ways to pay this service, the preferred one first (none when free); a signed-in member may also use a
 * pricing plan where the service takes one. */
export function paymentChoices(service: Service, member = false): PaymentChoice[] {
  if (service.payment.rateType === 'NO_FEE') return [];
  const terms = paymentTermsOf(service);
  const deposit = terms.online && depositPerParticipant(service) !== undefined;
  const out: PaymentChoice[] = [];
  if (member && terms.pricingPlan) out.push({ id: 'plan', payment: 'MEMBERSHIP', depositSelected: false });
  if (deposit) out.push({ id: 'deposit', payment: 'ONLINE', depositSelected: true });
  if (terms.online && !(deposit && terms.mustDeposit)) out.push({ id: 'full', payment: 'ONLINE', depositSelected: false });
  if (terms.inPerson) out.push({ id: 'inPerson', payment: 'OFFLINE', depositSelected: false });
  return out;
}
