/** The facts a host page wants with every booking event, in one flat object. */
import type { Money } from '../model/common.js';
import type { FlowContext } from './types.js';
import { checkoutDue, paymentDue } from './price.js';

export interface BookingSummary {
  bookingId: string | undefined;
  serviceId: string | undefined;
  serviceName: string | undefined;
  /** The chosen variants with their participants (empty for services without variants). */
  variants: { choices: string; participants: number }[];
  participants: number;
  /** Local date-times in `timeZone`. */
  start: string | undefined;
  end: string | undefined;
  timeZone: string;
  status: string | undefined;
  total: Money | undefined;
  dueNow: Money | undefined;
  dueLater: Money | undefined;
}

/** The parts of the flow's context a summary reads (so it can be computed from any of them). */
export type SummarySource = Pick<
  FlowContext,
  'priceInfo' | 'checkout' | 'payment' | 'depositSelected' | 'booking' | 'service' | 'slot' | 'course' | 'timeZone'
>;

export function bookingSummary(ctx: SummarySource): BookingSummary {
  const lines = ctx.priceInfo?.bookingLineItems ?? [];
  const money = ctx.checkout
    ? checkoutDue(ctx.checkout)
    : ctx.priceInfo
      ? // Before the checkout exists: the same split the server's checkout will make.
        paymentDue(ctx.priceInfo, { selectedPaymentOption: ctx.payment, depositSelected: ctx.depositSelected }, ctx.service)
      : undefined;
  return {
    bookingId: ctx.booking?.id,
    serviceId: ctx.service?.id,
    serviceName: ctx.service?.name,
    variants: lines
      .filter((l) => l.choices?.length)
      .map((l) => ({
        choices: (l.choices ?? []).map((c) => c.custom ?? c.duration?.name ?? '').join(', '),
        participants: l.numberOfParticipants,
      })),
    participants: lines.reduce((n, l) => n + l.numberOfParticipants, 0),
    start: ctx.slot?.localStartDate ?? ctx.course?.firstSessionStart,
    end: ctx.slot?.localEndDate ?? ctx.course?.lastSessionEnd,
    timeZone: ctx.timeZone,
    status: ctx.booking?.status,
    total: money?.total,
    dueNow: money?.now,
    dueLater: money?.later,
  };
}
