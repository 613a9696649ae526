/** Pure builders from the flow's choices to the contract's request bodies. */
import type { CreateBookingRequest } from '../model/booking.js';
import type { FlowContext, PriceLines } from './types.js';
import { cleanDetails } from './details.js';
import { participantsOf } from './price.js';

/** Largest number of participants one booking may hold. */
export function maxParticipants(ctx: Pick<FlowContext, 'service'>): number {
  return Math.max(1, ctx.service?.bookingPolicy?.participantsPolicy?.maxParticipantsPerBooking ?? 1);
}

/** Appointments (and duration or staff options) take one variant; classes count participants per variant. */
export function singleChoice(ctx: Pick<FlowContext, 'service' | 'variants'>): boolean {
  const option = ctx.variants?.options.values[0];
  return ctx.service?.type === 'APPOINTMENT' || (!!option && option.type !== 'CUSTOM');
}

/** The appointment length the chosen variant stands for, if it is a duration. */
export function chosenDuration(ctx: Pick<FlowContext, 'variants' | 'counts'>): number | undefined {
  const v = ctx.variants?.variants.values.find((x) => (ctx.counts[x.id ?? ''] ?? 0) > 0);
  return v?.choices.find((c) => c.duration)?.duration?.minutes;
}

export function createBookingRequest(ctx: FlowContext): CreateBookingRequest['booking'] {
  const service = ctx.service;
  if (!service) throw new Error('no service chosen');
  const slot = ctx.slot;
  let bookedEntity: CreateBookingRequest['booking']['bookedEntity'];
  if (service.type === 'COURSE') {
    bookedEntity = { schedule: { scheduleId: ctx.course?.scheduleId ?? service.schedule.id, serviceId: service.id } };
  } else {
    if (!slot) throw new Error('no slot chosen');
    bookedEntity = {
      slot: {
        serviceId: service.id,
        scheduleId: slot.scheduleId,
        startDate: slot.localStartDate,
        endDate: slot.localEndDate,
        timezone: ctx.timeZone,
        ...(slot.eventInfo?.eventId ? { eventId: slot.eventInfo.eventId } : {}),
        ...(service.type === 'APPOINTMENT' && ctx.staffId ? { resource: { id: ctx.staffId } } : {}),
      },
    };
  }
  const paid = service.payment.rateType !== 'NO_FEE';
  return {
    bookedEntity,
    contactDetails: { ...cleanDetails(ctx.details), timeZone: ctx.timeZone },
    ...participantsOf(ctx.variants, ctx.counts),
    ...(paid ? { selectedPaymentOption: ctx.payment, depositSelected: ctx.depositSelected } : {}),
  };
}

export function previewLines(ctx: FlowContext): PriceLines {
  const service = ctx.service;
  if (!service) return [];
  const p = participantsOf(ctx.variants, ctx.counts);
  return [
    'participantsChoices' in p
      ? { serviceId: service.id, serviceChoices: p.participantsChoices.serviceChoices }
      : { serviceId: service.id, numberOfParticipants: p.totalParticipants },
  ];
}
