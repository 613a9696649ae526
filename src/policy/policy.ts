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

/** Why a customer may not: a code (so each language can word it; `minutes` for `passed`); `PolicyAnswer` adds the English wording. */
export type PolicyRefusal = { code: 'off' | 'signed-out' | 'started' | 'passed' | 'course'; minutes?: number };
export type PolicyAnswer = { allowed: true } | ({ allowed: false; reason: string } & PolicyRefusal);

export type Caller = 'owner' | 'customer' | 'anonymous';

type PolicyBooking = Pick<Booking, 'status' | 'startDate' | 'bookedEntity' | 'doubleBooked'>;

const MINUTE = 60_000;

interface PolicyWindow {
  enabled: boolean;
  limited: boolean;
  minutes: number;
  allowAnonymous: boolean | undefined;
}

/** Why a policy window refuses a change, if it does: a code, so the widget carries none of the server's wording. */
type Refusal = Exclude<PolicyRefusal['code'], 'course'> | undefined;

function windowRefusal(w: PolicyWindow, startUtc: string | undefined, now: Date, anonymous: boolean): Refusal {
  if (!w.enabled) return 'off';
  if (anonymous && w.allowAnonymous === false) return 'signed-out';
  const start = startUtc ? Date.parse(startUtc) : Number.NaN;
  if (Number.isNaN(start)) return undefined;
  if (now.getTime() >= start) return 'started';
  // Exactly `minutes` before the start is still inside the window.
  return w.limited && now.getTime() > start - w.minutes * MINUTE ? 'passed' : undefined;
}

function answerOf(refusal: Refusal, w: PolicyWindow, verb: 'cancel' | 'reschedule'): PolicyAnswer {
  switch (refusal) {
    case undefined:
      return { allowed: true };
    case 'off':
      return {
        allowed: false,
        code: refusal,
        reason: `This service's policy does not let customers ${verb} online; contact the business.`,
      };
    case 'signed-out':
      return { allowed: false, code: refusal, reason: `This service's policy does not let you ${verb} without signing in.` };
    case 'started': {
      const done = verb === 'cancel' ? 'canceled' : 'rescheduled';
      return { allowed: false, code: refusal, reason: `The booking has already started; it can no longer be ${done} online.` };
    }
    case 'passed':
      return {
        allowed: false,
        code: refusal,
        minutes: w.minutes,
        reason: `This service's policy lets customers ${verb} up to ${w.minutes} minutes before the start; that time has passed.`,
      };
  }
}

function cancellationWindow(policy: BookingPolicy): PolicyWindow {
  const p = policy.cancellationPolicy;
  return {
    enabled: p.enabled,
    limited: p.limitLatestCancellation,
    minutes: p.latestCancellationInMinutes,
    allowAnonymous: p.allowAnonymous,
  };
}

function rescheduleWindow(policy: BookingPolicy): PolicyWindow {
  const p = policy.reschedulePolicy;
  return { enabled: p.enabled, limited: p.limitLatestReschedule, minutes: p.latestRescheduleInMinutes, allowAnonymous: p.allowAnonymous };
}

export function cancellationAllowed(policy: BookingPolicy, booking: PolicyBooking, now: Date, anonymous = false): PolicyAnswer {
  const w = cancellationWindow(policy);
  return answerOf(windowRefusal(w, booking.startDate, now, anonymous), w, 'cancel');
}

export function rescheduleAllowed(policy: BookingPolicy, booking: PolicyBooking, now: Date, anonymous = false): PolicyAnswer {
  if (booking.bookedEntity.schedule)
    return { allowed: false, code: 'course', reason: 'A course is booked as a whole and cannot be rescheduled.' };
  const w = rescheduleWindow(policy);
  return answerOf(windowRefusal(w, booking.startDate, now, anonymous), w, 'reschedule');
}

/** `cancellationAllowed`'s refusal as a code only (undefined when allowed): the widget words it itself. */
export function cancellationRefusal(
  policy: BookingPolicy,
  booking: PolicyBooking,
  now: Date,
  anonymous = false,
): PolicyRefusal | undefined {
  const w = cancellationWindow(policy);
  return refusalOf(windowRefusal(w, booking.startDate, now, anonymous), w);
}

/** `rescheduleAllowed`'s refusal as a code only (undefined when allowed): the widget words it itself. */
export function rescheduleRefusal(policy: BookingPolicy, booking: PolicyBooking, now: Date, anonymous = false): PolicyRefusal | undefined {
  if (booking.bookedEntity.schedule) return { code: 'course' };
  const w = rescheduleWindow(policy);
  return refusalOf(windowRefusal(w, booking.startDate, now, anonymous), w);
}

function refusalOf(refusal: Refusal, w: PolicyWindow): PolicyRefusal | undefined {
  if (refusal === undefined) return undefined;
  return refusal === 'passed' ? { code: refusal, minutes: w.minutes } : { code: refusal };
}

/**
 * The first instant at which the clock alone ends a customer's right to cancel (ms since the epoch): the start,
 * or just after the latest cancellation time. Undefined when no instant will (no start, or the policy is off).
 */
export function cancellationClosesAt(policy: BookingPolicy, booking: Pick<Booking, 'startDate'>): number | undefined {
  const w = cancellationWindow(policy);
  const start = booking.startDate ? Date.parse(booking.startDate) : Number.NaN;
  if (!w.enabled || Number.isNaN(start)) return undefined;
  return w.limited ? Math.min(start, start - w.minutes * MINUTE + 1) : start;
}

/** The actions a caller may take now: allowed by the lifecycle and (for customers) by the policy. */
export function allowedActions(policy: BookingPolicy, booking: PolicyBooking, now: Date, caller: Caller): AllowedActions {
  const may = (type: 'CANCEL' | 'RESCHEDULE') => mayTake(booking.status, type, booking.doubleBooked === true);
  const byPolicy = (w: PolicyWindow) => caller === 'owner' || !windowRefusal(w, booking.startDate, now, caller === 'anonymous');
  return {
    cancel: may('CANCEL') && byPolicy(cancellationWindow(policy)),
    reschedule: may('RESCHEDULE') && !booking.bookedEntity.schedule && byPolicy(rescheduleWindow(policy)),
  };
}
