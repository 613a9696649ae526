/**
 * The price the review shows before the server has answered (and when the pricing preview is unavailable):
 * the contract's rule, price = Σ participants × variant price (or participants × the fixed price), deposit =
 * the service's deposit per participant, never more than the price. The server's answer replaces it.
 */
import type { Money } from '../model/common.js';
import type { ParticipantsChoices, PriceInfo } from '../model/booking.js';
import type { Service, ServiceOptionsAndVariants } from '../model/service.js';

const toMinor = (m: Money): number => Math.round(Number(m.value) * 100);
const fromMinor = (minor: number, currency: string): Money => ({ value: (minor / 100).toFixed(2), currency });

export function basePrice(service: Service): Money | undefined {
  return service.payment.fixed?.price ?? service.payment.varied?.defaultPrice;
}

export function depositOf(service: Service): Money | undefined {
  return service.payment.options.deposit ? (service.payment.fixed?.deposit ?? service.payment.varied?.deposit) : undefined;
}

/** The lowest price a service card shows ("from $10"), or undefined when free or custom. */
export function fromPrice(service: Service, variants?: ServiceOptionsAndVariants | null): { price: Money; from: boolean } | undefined {
  const p = service.payment;
  if (p.rateType === 'NO_FEE' || p.rateType === 'CUSTOM') return undefined;
  if (p.rateType === 'VARIED') {
    const min = variants?.minPrice ?? p.varied?.minPrice ?? p.varied?.defaultPrice;
    return min ? { price: min, from: true } : undefined;
  }
  const base = basePrice(service);
  return base ? { price: base, from: false } : undefined;
}

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
  const currency = basePrice(service)?.currency ?? variants?.variants.values[0]?.price.currency ?? 'USD';
  const free = service.payment.rateType === 'NO_FEE' || service.payment.rateType === 'CUSTOM';
  const lines = variants
    ? variants.variants.values
        .filter((v) => (counts[v.id ?? ''] ?? 0) > 0)
        .map((v) => ({
          serviceId: service.id,
          choices: v.choices,
          numberOfParticipants: counts[v.id ?? ''] ?? 0,
          pricePerParticipant: free ? fromMinor(0, currency) : v.price,
        }))
    : [
        {
          serviceId: service.id,
          numberOfParticipants: Math.max(1, counts[''] ?? 1),
          pricePerParticipant: free ? fromMinor(0, currency) : (basePrice(service) ?? fromMinor(0, currency)),
        },
      ];
  const total = lines.reduce((sum, l) => sum + l.numberOfParticipants * toMinor(l.pricePerParticipant), 0);
  const participants = lines.reduce((sum, l) => sum + l.numberOfParticipants, 0);
  const deposit = depositOf(service);
  return {
    calculatedPrice: fromMinor(total, currency),
    ...(deposit && !free ? { deposit: fromMinor(Math.min(total, toMinor(deposit) * participants), currency) } : {}),
    bookingLineItems: lines,
  };
}

/** What is paid now and later for a payment choice. */
export function split(
  price: PriceInfo,
  online: boolean,
  depositSelected: boolean,
  byPlan = false,
): { total: Money; now: Money; later: Money } {
  const total = price.calculatedPrice;
  const c = total.currency;
  if (byPlan) return { total, now: fromMinor(0, c), later: fromMinor(0, c) };
  if (!online) return { total, now: fromMinor(0, c), later: total };
  if (depositSelected && price.deposit) {
    const d = toMinor(price.deposit);
    return { total, now: price.deposit, later: fromMinor(toMinor(total) - d, c) };
  }
  return { total, now: total, later: fromMinor(0, c) };
}

export const isZero = (m: Money): boolean => toMinor(m) === 0;

export interface PaymentChoice {
  id: 'plan' | 'deposit' | 'full' | 'inPerson';
  payment: 'MEMBERSHIP' | 'ONLINE' | 'OFFLINE';
  depositSelected: boolean;
}

/** The payment choices a service allows, the preferred one first; none for a free service. */
/** The ways to pay this service; a signed-in member may also use a pricing plan where the service takes one. */
export function paymentChoices(service: Service, member = false): PaymentChoice[] {
  const p = service.payment;
  if (p.rateType === 'NO_FEE') return [];
  const terms = p.fixed ?? p.varied;
  const out: PaymentChoice[] = [];
  if (member && p.options.pricingPlan) out.push({ id: 'plan', payment: 'MEMBERSHIP', depositSelected: false });
  if (p.options.online && p.options.deposit && terms?.deposit) out.push({ id: 'deposit', payment: 'ONLINE', depositSelected: true });
  if (p.options.online && !(p.options.deposit && terms?.deposit && terms.fullUpfrontPaymentAllowed === false))
    out.push({ id: 'full', payment: 'ONLINE', depositSelected: false });
  if (p.options.inPerson) out.push({ id: 'inPerson', payment: 'OFFLINE', depositSelected: false });
  return out;
}
