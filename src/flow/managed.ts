/**
 * The rows of the my-bookings and manage steps: each booking as the server has it, why Cancel is not offered
 * when it is not (the service's policy, from src/policy), and upcoming before past. Pure, for the flow's actions.
 */
import type { Booking } from '../model/booking.js';
import type { Service } from '../model/service.js';
import { isFinalStatus } from '../lifecycle/decide.js';
import { cancellationAllowed } from '../policy/index.js';
import type { ManagedBooking } from './types.js';

/** Why the customer may not cancel `row` now: the policy's reason; none when Cancel is offered or the booking is over. */
export function cancelRefusalOf(row: ManagedBooking, services: Service[], now: Date): string | undefined {
  if (row.allowedActions.cancel || isFinalStatus(row.booking.status)) return undefined;
  const policy = services.find((s) => s.id === serviceIdOf(row.booking))?.bookingPolicy;
  if (!policy) return undefined;
  const answer = cancellationAllowed(policy, row.booking, now, row.token !== undefined);
  return answer.allowed ? undefined : answer.reason;
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
  return inShowingOrder(rows, now).map((row) => ({ ...row, cancelRefusal: cancelRefusalOf(row, services, now) }));
}

/** `rows` with the canceled booking's row replaced by the server's answer (nothing more may be done with it). */
export function afterCancel(rows: ManagedBooking[], canceled: Booking): ManagedBooking[] {
  return rows.map((row) =>
    row.booking.id === canceled.id
      ? { ...row, booking: canceled, allowedActions: { cancel: false, reschedule: false }, cancelRefusal: undefined }
      : row,
  );
}
