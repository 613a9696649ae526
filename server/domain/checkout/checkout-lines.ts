/**
 * How a booking becomes a checkout line (contract section 7), pure: the line's price, its payment option, and
 * what is due now and later. Wix's mapping: ONLINE → FULL_PAYMENT_ONLINE, or DEPOSIT_ONLINE when the customer
 * chose the deposit; OFFLINE → FULL_PAYMENT_OFFLINE; MEMBERSHIP → MEMBERSHIP (the plan pays, nothing due);
 * MEMBERSHIP_OFFLINE → price 0, the business redeems it by hand.
 */
import type { Booking } from '../../../src/model/booking.js';
import type { PaymentOptionType } from '../../../src/model/checkout.js';
import type { Service, ServiceOptionsAndVariants } from '../../../src/model/service.js';
import { priceFor, type PriceLineInput } from '../pricing/price.js';
import { DomainError } from '../errors.js';

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

const refuse = (message: string, data: Record<string, unknown> = {}) => new DomainError('INVALID_PAYMENT_OPTION', message, data);

export function lineFor(booking: Booking, service: Service, variants: ServiceOptionsAndVariants | null): LineAmounts {
  const breakdown = priceFor(service, variants, priceLinesOf(booking, variants));
  const participants = breakdown.lines.reduce((n, l) => n + l.numberOfParticipants, 0);
  const total = breakdown.totalMinor ?? 0;
  const base = {
    bookingId: booking.id,
    serviceId: service.id,
    title: booking.bookedEntity.title ?? service.name,
    participants,
    currency: breakdown.currency,
    priceMinor: total,
    credits: 0,
  };
  const option = booking.selectedPaymentOption ?? (total === 0 ? 'OFFLINE' : 'ONLINE');
  const opts = service.payment.options;
  switch (option) {
    case 'MEMBERSHIP':
      if (!opts.pricingPlan) throw refuse(`"${service.name}" cannot be paid with a pricing plan.`, { bookingId: booking.id });
      return { ...base, paymentOption: 'MEMBERSHIP', payNowMinor: 0, payLaterMinor: 0, credits: participants };
    case 'MEMBERSHIP_OFFLINE':
      if (!opts.pricingPlan) throw refuse(`"${service.name}" cannot be paid with a pricing plan.`, { bookingId: booking.id });
      return { ...base, priceMinor: 0, paymentOption: 'MEMBERSHIP_OFFLINE', payNowMinor: 0, payLaterMinor: 0 };
    case 'OFFLINE':
      if (!opts.inPerson && total > 0) throw refuse(`"${service.name}" must be paid online.`, { bookingId: booking.id });
      return { ...base, paymentOption: 'FULL_PAYMENT_OFFLINE', payNowMinor: 0, payLaterMinor: total };
    case 'ONLINE': {
      if (!opts.online && total > 0)
        throw refuse(`"${service.name}" cannot be paid online: choose to pay in person.`, { bookingId: booking.id });
      const terms = service.payment.fixed ?? service.payment.varied;
      const deposit = breakdown.depositMinor;
      const mustDeposit = opts.deposit && terms?.fullUpfrontPaymentAllowed === false;
      if (deposit !== null && deposit < total && (booking.depositSelected || mustDeposit)) {
        return { ...base, paymentOption: 'DEPOSIT_ONLINE', payNowMinor: deposit, payLaterMinor: total - deposit, depositMinor: deposit };
      }
      return { ...base, paymentOption: 'FULL_PAYMENT_ONLINE', payNowMinor: total, payLaterMinor: 0 };
    }
  }
}

export interface CheckoutTotals {
  currency: string;
  subtotalMinor: number;
  payNowMinor: number;
  payLaterMinor: number;
}

export function totalsOf(lines: LineAmounts[]): CheckoutTotals {
  const currency = lines[0]?.currency ?? 'USD';
  if (lines.some((l) => l.currency !== currency)) {
    throw new DomainError('MULTIPLE_CURRENCIES', 'These bookings are priced in different currencies: check them out separately.');
  }
  // Plan-paid lines are not part of what is paid with money.
  const money = lines.filter((l) => l.paymentOption !== 'MEMBERSHIP' && l.paymentOption !== 'MEMBERSHIP_OFFLINE');
  return {
    currency,
    subtotalMinor: money.reduce((n, l) => n + l.priceMinor, 0),
    payNowMinor: lines.reduce((n, l) => n + l.payNowMinor, 0),
    payLaterMinor: lines.reduce((n, l) => n + l.payLaterMinor, 0),
  };
}
