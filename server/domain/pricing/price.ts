/**
 * Price and deposit maths (contract section 7), pure: plain values in, plain values out, integer minor units
 * throughout. price = Σ participants × variant price (or totalParticipants × the fixed/default price); the
 * deposit is the service's deposit per participant, never more than the price.
 */
import type { Money } from '../../../src/model/common.js';
import type { Service, ServiceChoice, ServiceOptionsAndVariants } from '../../../src/model/service.js';
import { fromMinor, toMinor } from '../money.js';
import { ValidationError } from '../errors.js';

export interface PriceLineInput {
  numberOfParticipants: number;
  choices?: ServiceChoice[];
}

export interface PricedLine {
  numberOfParticipants: number;
  choices?: ServiceChoice[];
  pricePerParticipantMinor: number;
}

export interface PriceBreakdown {
  currency: string;
  /** Absent for CUSTOM-rate services, whose price is a description, not a number. */
  totalMinor: number | null;
  depositMinor: number | null;
  priceDescription?: string;
  lines: PricedLine[];
}

/** Two choices name the same variant when they agree on the option and on its value. */
function sameChoice(a: ServiceChoice, b: ServiceChoice): boolean {
  if (a.optionId !== b.optionId) return false;
  if (a.custom !== undefined || b.custom !== undefined) return a.custom === b.custom;
  if (a.duration !== undefined || b.duration !== undefined) return a.duration?.minutes === b.duration?.minutes;
  if (a.staffMemberId !== undefined || b.staffMemberId !== undefined) return a.staffMemberId === b.staffMemberId;
  return a.choiceId !== undefined && a.choiceId === b.choiceId;
}

/** The variant a line's choices select, or a ValidationError naming the line. */
export function findVariant(variants: ServiceOptionsAndVariants, choices: ServiceChoice[], field: string) {
  const wanted = choices[0];
  if (!wanted || choices.length !== 1) throw ValidationError.field(field, "must hold exactly one choice of the service's option");
  const variant = variants.variants.values.find((v) => v.choices[0] && sameChoice(v.choices[0], wanted));
  if (!variant) {
    const known = variants.variants.values
      .map((v) => v.choices[0]?.custom ?? (v.choices[0]?.duration ? `${v.choices[0].duration.minutes} min` : v.choices[0]?.staffMemberId))
      .join(', ');
    throw ValidationError.field(field, `is not one of the service's variants (${known})`);
  }
  return variant;
}

function basePrice(service: Service): Money | undefined {
  return service.payment.fixed?.price ?? service.payment.varied?.defaultPrice;
}

export function priceFor(
  service: Service,
  variants: ServiceOptionsAndVariants | null,
  lines: PriceLineInput[],
  field = 'booking',
): PriceBreakdown {
  const base = basePrice(service);
  const currency = base?.currency ?? variants?.variants.values[0]?.price.currency ?? 'USD';
  if (service.payment.rateType === 'CUSTOM') {
    return {
      currency,
      totalMinor: null,
      depositMinor: null,
      priceDescription: service.payment.custom?.description ?? '',
      lines: lines.map((l) => ({ ...l, pricePerParticipantMinor: 0 })),
    };
  }
  const priced = lines.map((line, i): PricedLine => {
    if (service.payment.rateType === 'NO_FEE') return { ...line, pricePerParticipantMinor: 0 };
    if (line.choices && line.choices.length > 0) {
      if (!variants) throw ValidationError.field(`${field}[${i}].choices`, 'are not accepted: the service has no variants');
      const variant = findVariant(variants, line.choices, `${field}[${i}].choices`);
      return { ...line, pricePerParticipantMinor: toMinor(variant.price, 'variant.price').minor };
    }
    if (!base) throw ValidationError.field(`${field}[${i}].choices`, 'are required: the service is priced by variant');
    return { ...line, pricePerParticipantMinor: toMinor(base, 'service.price').minor };
  });
  const totalMinor = priced.reduce((sum, l) => sum + l.numberOfParticipants * l.pricePerParticipantMinor, 0);
  const participants = priced.reduce((sum, l) => sum + l.numberOfParticipants, 0);
  const deposit = service.payment.options.deposit ? (service.payment.fixed?.deposit ?? service.payment.varied?.deposit) : undefined;
  const depositMinor = deposit ? Math.min(totalMinor, toMinor(deposit, 'service.deposit').minor * participants) : null;
  return { currency, totalMinor, depositMinor, lines: priced };
}

/** The contract's `priceInfo` for a breakdown. */
export function toPriceInfo(serviceId: string, b: PriceBreakdown) {
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
