/**
 * The price of a booking (contract section 7), pure and in integer minor units (src/money): price = Σ participants ×
 * the chosen variant's price, or participants × the fixed (or default) price; NO_FEE costs 0; CUSTOM has a
 * description instead of a number. The deposit is the service's deposit per participant, never more than the price.
 * The server prices bookings and checkouts with it; the widget estimates the review's price with it.
 */
import type { Money } from '../model/common.js';
import type { PriceInfo } from '../model/booking.js';
import type { Service, ServiceChoice, ServiceOptionsAndVariants } from '../model/service.js';
import { fromMinor, parseMoney } from '../money/index.js';
import { matchVariant } from './variants.js';

export interface PriceLineInput {
  numberOfParticipants: number;
  choices?: ServiceChoice[] | undefined;
}

export interface PricedLine extends PriceLineInput {
  pricePerParticipantMinor: number;
}

export interface PriceBreakdown {
  currency: string;
  /** Null for CUSTOM-rate services, whose price is a description, not a number. */
  totalMinor: number | null;
  depositMinor: number | null;
  priceDescription?: string;
  lines: PricedLine[];
}

/** Why a booking has no price; `line` is the index of the line at fault. */
export type PriceProblem =
  | { problem: 'no-variants' | 'needs-choice' | 'not-one-choice'; line: number }
  | { problem: 'unknown-variant'; line: number; known: string }
  | { problem: 'bad-amount'; amount: Money; what: 'variant.price' | 'service.price' | 'service.deposit' };

export type PriceResult = ({ ok: true } & PriceBreakdown) | ({ ok: false } & PriceProblem);

export function basePrice(service: Service): Money | undefined {
  return service.payment.fixed?.price ?? service.payment.varied?.defaultPrice;
}

/** The lowest price a service card shows ("from $10": the variants' lowest), or undefined when free or custom. */
export function fromPrice(service: Service): { price: Money; from: boolean } | undefined {
  const p = service.payment;
  const varied = p.rateType === 'VARIED';
  const price = varied ? (p.varied?.minPrice ?? p.varied?.defaultPrice) : p.rateType === 'FIXED' ? basePrice(service) : undefined;
  return price && { price, from: varied };
}

/** The deposit per participant, when the service takes deposits. */
export function depositPerParticipant(service: Service): Money | undefined {
  return service.payment.options.deposit ? (service.payment.fixed?.deposit ?? service.payment.varied?.deposit) : undefined;
}

/** Lines are priced in order and the first problem is the answer, so a caller names the first bad line. */
export function priceBooking(
  service: Service,
  variants: ServiceOptionsAndVariants | null | undefined,
  lines: PriceLineInput[],
): PriceResult {
  const base = basePrice(service);
  const currency = base?.currency ?? variants?.variants.values[0]?.price.currency ?? 'USD';
  const rate = service.payment.rateType;
  if (rate === 'CUSTOM') {
    const priced = lines.map((l) => ({ ...l, pricePerParticipantMinor: 0 }));
    return {
      ok: true,
      currency,
      totalMinor: null,
      depositMinor: null,
      priceDescription: service.payment.custom?.description ?? '',
      lines: priced,
    };
  }
  const priced: PricedLine[] = [];
  for (const [i, line] of lines.entries()) {
    const price = rate === 'NO_FEE' ? { ok: true as const, minor: 0 } : linePrice(base, variants, line, i);
    if (!price.ok) return price;
    priced.push({ ...line, pricePerParticipantMinor: price.minor });
  }
  const totalMinor = priced.reduce((sum, l) => sum + l.numberOfParticipants * l.pricePerParticipantMinor, 0);
  const participants = priced.reduce((sum, l) => sum + l.numberOfParticipants, 0);
  const deposit = depositPerParticipant(service);
  if (!deposit) return { ok: true, currency, totalMinor, depositMinor: null, lines: priced };
  const each = parseMoney(deposit);
  if (!each.ok) return { ok: false, problem: 'bad-amount', amount: deposit, what: 'service.deposit' };
  return { ok: true, currency, totalMinor, depositMinor: Math.min(totalMinor, each.minor * participants), lines: priced };
}

/** One line's price per participant: its variant's when it names choices, else the fixed or default price. */
function linePrice(
  base: Money | undefined,
  variants: ServiceOptionsAndVariants | null | undefined,
  line: PriceLineInput,
  i: number,
): { ok: true; minor: number } | ({ ok: false } & PriceProblem) {
  let price = base;
  if (line.choices && line.choices.length > 0) {
    if (!variants) return { ok: false, problem: 'no-variants', line: i };
    const match = matchVariant(variants, line.choices);
    if (!match.ok) return { ...match, line: i };
    price = match.variant.price;
  }
  if (!price) return { ok: false, problem: 'needs-choice', line: i };
  const parsed = parseMoney(price);
  if (!parsed.ok)
    return { ok: false, problem: 'bad-amount', amount: price, what: line.choices?.length ? 'variant.price' : 'service.price' };
  return { ok: true, minor: parsed.minor };
}

/** The contract's `priceInfo`; CUSTOM-rate prices carry `priceDescriptionInfo` instead of `calculatedPrice`. */
/** The contract's PriceInfo, as the pricing routes answer it. */
export type PriceInfoAnswer = PriceInfo;

export function toPriceInfo(serviceId: string, b: PriceBreakdown): PriceInfoAnswer {
  return {
    ...(b.totalMinor !== null ? { calculatedPrice: fromMinor(b.totalMinor, b.currency) } : {}),
    ...(b.priceDescription !== undefined ? { priceDescriptionInfo: { original: b.priceDescription } } : {}),
    ...(b.depositMinor !== null ? { deposit: fromMinor(b.depositMinor, b.currency) } : {}),
    bookingLineItems: b.lines.map((l) => ({
      serviceId,
      numberOfParticipants: l.numberOfParticipants,
      ...(l.choices ? { choices: l.choices } : {}),
      pricePerParticipant: fromMinor(l.pricePerParticipantMinor, b.currency),
    })),
  };
}
