/** The review, checkout and status steps: the price, the attempt's keys, and the booking as it changes. */
import type { Booking, PriceInfo, SelectedPaymentOption } from '../../model/booking.js';
import { uuid } from '../../api/uuid.js';
import { AUTO_ADVANCE_MONTHS, initialContext, newKeys } from '../context.js';
import { estimatePrice } from '../price.js';
import type { FlowContext } from '../types.js';

type Args = { context: FlowContext };
type Change = Partial<FlowContext>;

/** Shown at once; the server's preview replaces it when it answers. */
export const estimate = ({ context }: Args): Change => ({
  priceInfo: context.service ? estimatePrice(context.service, context.variants, context.counts) : undefined,
});

export const rememberPrice = (_: unknown, priceInfo: PriceInfo): Change => ({ priceInfo });

export const setPayment = (_: unknown, p: { payment: SelectedPaymentOption; depositSelected: boolean }): Change => ({
  payment: p.payment,
  depositSelected: p.depositSelected,
});

/** A new key per card: the same key with another card would be refused as a reused key. */
export const newCardKey = ({ context }: Args): Change => ({
  paymentError: undefined,
  keys: { ...context.keys, order: uuid() },
});

/** Someone else took the slot: back to the times, with new keys for the next attempt. */
export const loseRace = (): Change => ({
  raceLost: true,
  slot: undefined,
  keys: newKeys(),
  autoAdvance: AUTO_ADVANCE_MONTHS,
});

/** After a DECLINED booking: pick another time for the same choices and details. */
export const otherTimes = (): Change => ({
  booking: undefined,
  checkout: undefined,
  orderId: undefined,
  slot: undefined,
  keys: newKeys(),
  error: undefined,
  paymentError: undefined,
  autoAdvance: AUTO_ADVANCE_MONTHS,
});

/** A new flow that keeps the catalogue, the signed-in member and (only if remembered) the details. */
export const startOver = ({ context }: Args): Change => ({
  ...initialContext({
    timeZone: context.customerTimeZone,
    memberLogin: context.memberLogin,
    categoryId: context.categoryId,
    today: context.today,
  }),
  services: context.services,
  business: context.business,
  details: context.remember ? context.details : {},
  remember: context.remember,
  member: context.member,
});

/** Whether `booking` is a copy to take: ours, and not older than the one held (streams can reorder). */
export function isNewer(held: Booking | undefined, booking: Booking): boolean {
  return !!booking.id && !(held && Number(booking.revision) < Number(held.revision));
}
