/**
 * How a booking becomes a checkout line (contract section 7): the price (src/pricing's priceBooking), the payment
 * option and what is due now and later (src/pricing's splitPayment, shared with the widget). This adapter keeps
 * the server's names and turns a refusal into the domain's error.
 */
import type { Booking } from '../../../src/model/booking.js';
import type { PaymentOptionType } from '../../../src/model/checkout.js';
import type { Service, ServiceOptionsAndVariants } from '../../../src/model/service.js';
import { checkoutTotals, paymentTermsOf, splitPayment, type CheckoutTotals, type PaymentRefusal } from '../../../src/pricing/index.js';
import { priceFor, type PriceLineInput } from '../pricing/price.js';
import { DomainError } from '../errors.js';

export type { CheckoutTotals } from '../../../src/pricing/index.js';

export interface LineAmounts {
  bookingId: string;
  serviceId: string;
  title: string;
  participants: number;
  paymentOption: PaymentOptionType;
  currency: string;
  /** The line's full price. */
  priceMinor: number;
  /** What the customer pays through checkout now. */
  payNowMinor: number;
  /** What remains to pay later (in person, or the balance after a deposit). */
  payLaterMinor: number;
  /** Deposit lines only. */
  depositMinor?: number;
  /** Plan credits this line uses (MEMBERSHIP). */
  credits: number;
}

/**
 * The booking's price lines. An appointment of a service whose variants are durations is priced by the length
 * of its slot when the customer named no choice (the slot itself says which variant was booked).
 */
export function priceLinesOf(booking: Booking, variants: ServiceOptionsAndVariants | null = null): PriceLineInput[] {
  if (booking.participantsChoices) {
    return booking.participantsChoices.serviceChoices.map((c) => ({ numberOfParticipants: c.numberOfParticipants, choices: c.choices }));
  }
  const participants = booking.totalParticipants ?? 1;
  const option = variants?.options.values[0];
  if (option?.type === 'DURATION' && booking.startDate && booking.endDate) {
    const minutes = Math.round((Date.parse(booking.endDate) - Date.parse(booking.startDate)) / 60_000);
    return [{ numberOfParticipants: participants, choices: [{ optionId: option.id, duration: { minutes } }] }];
  }
  return [{ numberOfParticipants: participants }];
}

const REFUSALS: Record<PaymentRefusal, (name: string) => string> = {
  'no-plan': (name) => `"${name}" cannot be paid with a pricing plan.`,
  'online-only': (name) => `"${name}" must be paid online.`,
  'not-online': (name) => `"${name}" cannot be paid online: choose to pay in person.`,
};

export function lineFor(booking: Booking, service: Service, variants: ServiceOptionsAndVariants | null): LineAmounts {
  const breakdown = priceFor(service, variants, priceLinesOf(booking, variants));
  const participants = breakdown.lines.reduce((n, l) => n + l.numberOfParticipants, 0);
  const price = { totalMinor: breakdown.totalMinor ?? 0, depositMinor: breakdown.depositMinor, participants };
  const split = splitPayment(price, booking, paymentTermsOf(service));
  if (!split.ok) throw new DomainError('INVALID_PAYMENT_OPTION', REFUSALS[split.refusal](service.name), { bookingId: booking.id });
  const { ok: _ok, ...amounts } = split;
  return {
    bookingId: booking.id,
    serviceId: service.id,
    title: booking.bookedEntity.title ?? service.name,
    participants,
    currency: breakdown.currency,
    ...amounts,
  };
}

export function totalsOf(lines: LineAmounts[]): CheckoutTotals {
  const totals = checkoutTotals(lines);
  if (!totals.ok) {
    throw new DomainError('MULTIPLE_CURRENCIES', 'These bookings are priced in different currencies: check them out separately.');
  }
  const { ok: _ok, ...rest } = totals;
  return rest;
}
