/**
 * What a customer may still do with a booking under its service's policy: cancel or reschedule until the latest
 * time the policy sets, and, for anonymous-token callers, only where the policy allows anonymous changes.
 * Whether the status allows it at all is the lifecycle machine's answer; `allowedActions` combines both.
 */
import type { AllowedActions, Booking } from '../../../src/model/booking.js';
import type { BookingPolicy } from '../../../src/model/policy.js';
import { decideTransition } from '../../../src/lifecycle/index.js';

export type PolicyAnswer = { allowed: true } | { allowed: false; reason: string };

const MINUTE = 60_000;

function window(
  enabled: boolean,
  limited: boolean,
  minutes: number,
  allowAnonymous: boolean | undefined,
  startUtc: string | undefined,
  now: Date,
  anonymous: boolean,
  verb: string,
): PolicyAnswer {
  if (!enabled) return { allowed: false, reason: `This service's policy does not let customers ${verb} online; contact the business.` };
  if (anonymous && allowAnonymous === false)
    return { allowed: false, reason: `This service's policy does not let you ${verb} without signing in.` };
  const start = startUtc ? Date.parse(startUtc) : Number.NaN;
  if (Number.isNaN(start)) return { allowed: true };
  if (now.getTime() >= start)
    return {
      allowed: false,
      reason: `The booking has already started; it can no longer be ${verb === 'cancel' ? 'canceled' : 'rescheduled'} online.`,
    };
  if (limited && now.getTime() > start - minutes * MINUTE) {
    return {
      allowed: false,
      reason: `This service's policy lets customers ${verb} up to ${minutes} minutes before the start; that time has passed.`,
    };
  }
  return { allowed: true };
}

export function cancellationAllowed(policy: BookingPolicy, booking: Booking, now: Date, anonymous = false): PolicyAnswer {
  const p = policy.cancellationPolicy;
  return window(
    p.enabled,
    p.limitLatestCancellation,
    p.latestCancellationInMinutes,
    p.allowAnonymous,
    booking.startDate,
    now,
    anonymous,
    'cancel',
  );
}

export function rescheduleAllowed(policy: BookingPolicy, booking: Booking, now: Date, anonymous = false): PolicyAnswer {
  const p = policy.reschedulePolicy;
  if (booking.bookedEntity.schedule) return { allowed: false, reason: 'A course is booked as a whole and cannot be rescheduled.' };
  return window(
    p.enabled,
    p.limitLatestReschedule,
    p.latestRescheduleInMinutes,
    p.allowAnonymous,
    booking.startDate,
    now,
    anonymous,
    'reschedule',
  );
}

/** The actions a caller may take now: allowed by the lifecycle and (for customers) by the policy. */
export function allowedActions(
  policy: BookingPolicy,
  booking: Booking,
  now: Date,
  caller: 'owner' | 'customer' | 'anonymous',
): AllowedActions {
  const may = (type: 'CANCEL' | 'RESCHEDULE') => decideTransition(booking.status, { type }, booking).allowed;
  const byPolicy = (answer: PolicyAnswer) => caller === 'owner' || answer.allowed;
  return {
    cancel: may('CANCEL') && byPolicy(cancellationAllowed(policy, booking, now, caller === 'anonymous')),
    reschedule:
      may('RESCHEDULE') && !booking.bookedEntity.schedule && byPolicy(rescheduleAllowed(policy, booking, now, caller === 'anonymous')),
  };
}
