/**
 * The rows of the my-bookings and manage steps: each booking as the server has it, why Cancel or Reschedule is not
 * offered when it is not (the service's policy, from src/policy), and upcoming before past. Pure, for the flow's actions.
 */
import type { BookedSlot, Booking } from '../model/booking.js';
import type { Service } from '../model/service.js';
import { isFinalStatus } from '../lifecycle/decide.js';
import { cancellationRefusal, rescheduleRefusal, type PolicyRefusal } from '../policy/index.js';
import { AUTO_ADVANCE_MONTHS } from './context.js';
import { monthOf } from './calendar.js';
import type { FlowContext, ManagedBooking } from './types.js';

/** Why the customer may not cancel `row` now: the policy's reason; none when Cancel is offered or the booking is over. */
export function cancelRefusalOf(row: ManagedBooking, services: Service[], now: Date): PolicyRefusal | undefined {
  if (row.allowedActions.cancel || isFinalStatus(row.booking.status)) return undefined;
  const policy = services.find((s) => s.id === serviceIdOf(row.booking))?.bookingPolicy;
  if (!policy) return undefined;
  return cancellationRefusal(policy, row.booking, now, row.token !== undefined);
}

/** Why the customer may not move `row` now: the policy's reason; none when Reschedule is offered or it is over. */
export function rescheduleRefusalOf(row: ManagedBooking, services: Service[], now: Date): PolicyRefusal | undefined {
  if (row.allowedActions.reschedule || isFinalStatus(row.booking.status) || isPast(row.booking, now)) return undefined;
  const policy = services.find((s) => s.id === serviceIdOf(row.booking))?.bookingPolicy;
  if (!policy) return undefined;
  return rescheduleRefusal(policy, row.booking, now, row.token !== undefined);
}

/**
 * Whether a row offers the server's `.ics` file: an upcoming CONFIRMED or PENDING booking at a single time (a
 * course's file would be one event weeks long, see src/widget/booking-status/calendar-event.ts).
 */
export function offersCalendarFile(booking: Booking, now: Date): boolean {
  const live = booking.status === 'CONFIRMED' || booking.status === 'PENDING';
  return live && !!booking.startDate && !booking.bookedEntity.schedule && !isPast(booking, now);
}

export function serviceIdOf(booking: Booking): string | undefined {
  return booking.bookedEntity.slot?.serviceId ?? booking.bookedEntity.schedule?.serviceId;
}

/** Whether `booking` is over at `now` (its end, else its start, has passed). */
export function isPast(booking: Booking, now: Date): boolean {
  const end = Date.parse(booking.endDate ?? booking.startDate ?? '');
  return !Number.isNaN(end) && end <= now.getTime();
}

/** Upcoming bookings first, soonest first; then past ones, latest first. */
export function inShowingOrder(rows: ManagedBooking[], now: Date): ManagedBooking[] {
  const start = (r: ManagedBooking) => Date.parse(r.booking.startDate ?? r.booking.createdDate) || 0;
  const upcoming = rows.filter((r) => !isPast(r.booking, now)).sort((a, b) => start(a) - start(b));
  const past = rows.filter((r) => isPast(r.booking, now)).sort((a, b) => start(b) - start(a));
  return [...upcoming, ...past];
}

/** The rows with each one's refusal worked out against the catalogue's policies. */
export function withRefusals(rows: ManagedBooking[], services: Service[], now: Date): ManagedBooking[] {
  return inShowingOrder(rows, now).map((row) => ({
    ...row,
    cancelRefusal: cancelRefusalOf(row, services, now),
    rescheduleRefusal: rescheduleRefusalOf(row, services, now),
  }));
}

/** `rows` with the canceled booking's row replaced by the server's answer (nothing more may be done with it). */
export function afterCancel(rows: ManagedBooking[], canceled: Booking): ManagedBooking[] {
  return rows.map((row) =>
    row.booking.id === canceled.id
      ? {
          ...row,
          booking: canceled,
          allowedActions: { cancel: false, reschedule: false },
          cancelRefusal: undefined,
          rescheduleRefusal: undefined,
        }
      : row,
  );
}

/** The reschedule step's start: the same service (and staff member), its times from this month on. */
export function startReschedule(context: FlowContext, bookingId: string): Partial<FlowContext> {
  const booking = context.managed?.find((row) => row.booking.id === bookingId)?.booking;
  const service = booking ? context.services.find((s) => s.id === serviceIdOf(booking)) : undefined;
  return {
    reschedulingId: bookingId,
    service,
    variants: null,
    staffId: booking?.bookedEntity.slot?.resource?.id,
    slot: undefined,
    day: undefined,
    month: monthOf(context.today),
    autoAdvance: AUTO_ADVANCE_MONTHS,
    raceLost: false,
    error: undefined,
  };
}

/** The length of the booking being rescheduled, in minutes, so an appointment keeps its duration. */
export function rescheduleDuration(context: FlowContext): number | undefined {
  const booking = context.managed?.find((row) => row.booking.id === context.reschedulingId)?.booking;
  if (!booking?.startDate || !booking.endDate || context.service?.type !== 'APPOINTMENT') return undefined;
  return Math.round((Date.parse(booking.endDate) - Date.parse(booking.startDate)) / 60_000) || undefined;
}

/** `rows` with the rescheduled booking's row replaced by the server's answer. */
export function afterReschedule(rows: ManagedBooking[], moved: Booking): ManagedBooking[] {
  return rows.map((row) => (row.booking.id === moved.id ? { ...row, booking: moved } : row));
}

/** The chosen time as the reschedule call's slot (as a new booking's, without the participants). */
export function rescheduleSlot(context: FlowContext): BookedSlot {
  const { service, slot } = context;
  if (!service || !slot) throw new Error('no time chosen'); // the reschedule step saves only with a time chosen
  return {
    serviceId: service.id,
    scheduleId: slot.scheduleId,
    startDate: slot.localStartDate,
    endDate: slot.localEndDate,
    timezone: context.timeZone,
    ...(slot.eventInfo?.eventId ? { eventId: slot.eventInfo.eventId } : {}),
    ...(service.type === 'APPOINTMENT' && context.staffId ? { resource: { id: context.staffId } } : {}),
  };
}

/** Whether the customer may move `bookingId` here: the server allows it and the catalogue has its service. */
export function canReschedule(context: FlowContext, bookingId: string): boolean {
  const row = context.managed?.find((r) => r.booking.id === bookingId);
  return !!row?.allowedActions.reschedule && context.services.some((s) => s.id === serviceIdOf(row.booking));
}
