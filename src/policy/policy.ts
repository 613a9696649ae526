/**
 * What a customer may still do with a booking under its service's policy (contract section 5): cancel or
 * reschedule until the latest time the policy sets and never once it has started; an anonymous link holder only
 * where the policy allows anonymous changes; the owner whatever the lifecycle allows. Whether the status allows
 * it at all is the lifecycle machine's answer (src/lifecycle); `allowedActions` combines both. Pure: the server
 * answers requests with it and the widget decides whether to offer Cancel with it.
 */
import type { AllowedActions, Booking } from '../model/booking.js';
import type { BookingPolicy } from '../model/policy.js';
import { mayTake } from '../lifecycle/decide.js';

export type PolicyAnswer = { allowed: true } | { allowed: false; reason: string };

export type Caller = 'owner' | 'customer' | 'anonymous';

type PolicyBooking = Pick<Booking, 'status' | 'startDate' | 'bookedEntity' | 'doubleBooked'>;

const MINUTE = 60_000;

interface PolicyWindow {
  enabled: boolean;
  limited: boolean;
  minutes: number;
  allowAnonymous: boolean | undefined;
}

function withinWindow(
  w: PolicyWindow,
  startUtc: string | undefined,
  now: Date,
  anonymous: boolean,
  verb: 'cancel' | 'reschedule',
): PolicyAnswer {
  if (!w.enabled) return { allowed: false, reason: `This service's policy does not let customers ${verb} online; contact the business.` };
  if (anonymous && w.allowAnonymous === false)
    return { allowed: false, reason: `This service's policy does not let you ${verb} without signing in.` };
  const start = startUtc ? Date.parse(startUtc) : Number.NaN;
  if (Number.isNaN(start)) return { allowed: true };
  if (now.getTime() >= start) {
    const done = verb === 'cancel' ? 'canceled' : 'rescheduled';
    return { allowed: false, reason: `The booking has already started; it can no longer be ${done} online.` };
  }
  // Exactly `minutes` before the start is still inside the window.
  if (w.limited && now.getTime() > start - w.minutes * MINUTE) {
    return {
      allowed: false,
      reason: `This service's policy lets customers ${verb} up to ${w.minutes} minutes before the start; that time has passed.`,
    };
  }
  return { allowed: true };
}

export function cancellationAllowed(policy: BookingPolicy, booking: PolicyBooking, now: Date, anonymous = false): PolicyAnswer {
  const p = policy.cancellationPolicy;
  const w = {
    enabled: p.enabled,
    limited: p.limitLatestCancellation,
    minutes: p.latestCancellationInMinutes,
    allowAnonymous: p.allowAnonymous,
  };
  return withinWindow(w, booking.startDate, now, anonymous, 'cancel');
}

export function rescheduleAllowed(policy: BookingPolicy, booking: PolicyBooking, now: Date, anonymous = false): PolicyAnswer {
  const p = policy.reschedulePolicy;
  if (booking.bookedEntity.schedule) return { allowed: false, reason: 'A course is booked as a whole and cannot be rescheduled.' };
  const w = {
    enabled: p.enabled,
    limited: p.limitLatestReschedule,
    minutes: p.latestRescheduleInMinutes,
    allowAnonymous: p.allowAnonymous,
  };
  return withinWindow(w, booking.startDate, now, anonymous, 'reschedule');
}

/**
 * The first instant at which the clock alone ends a customer's right to cancel (ms since the epoch): the start,
 * or just after the latest cancellation time. Undefined when no instant will (no start, or the policy is off).
 */
export function cancellationClosesAt(policy: BookingPolicy, booking: Pick<Booking, 'startDate'>): number | undefined {
  const p = policy.cancellationPolicy;
  const start = booking.startDate ? Date.parse(booking.startDate) : Number.NaN;
  if (!p.enabled || Number.isNaN(start)) return undefined;
  return p.limitLatestCancellation ? Math.min(start, start - p.latestCancellationInMinutes * MINUTE + 1) : start;
}

/** The actions a caller may take now: allowed by the lifecycle and (for customers) by the policy. */
export function allowedActions(policy: BookingPolicy, booking: PolicyBooking, now: Date, caller: Caller): AllowedActions {
  const may = (type: 'CANCEL' | 'RESCHEDULE') => mayTake(booking.status, type, booking.doubleBooked === true);
  const byPolicy = (answer: PolicyAnswer) => caller === 'owner' || answer.allowed;
  return {
    cancel: may('CANCEL') && byPolicy(cancellationAllowed(policy, booking, now, caller === 'anonymous')),
    reschedule:
      may('RESCHEDULE') && !booking.bookedEntity.schedule && byPolicy(rescheduleAllowed(policy, booking, now, caller === 'anonymous')),
  };
}
