/** Booking-policy checks for one slot at one moment (pure): too early, too late, online booking off. */
import type { BookingPolicy } from '../../../src/model/policy.js';
import type { BookingPolicyViolations } from '../../../src/model/availability.js';
import { MINUTE_MS, utcText } from './time.js';

export interface PolicyInput {
  startMs: number;
  endMs: number;
  nowMs: number;
  policy: Pick<BookingPolicy, 'limitEarlyBookingPolicy' | 'limitLateBookingPolicy' | 'bookAfterStartPolicy'>;
  onlineBookingEnabled: boolean;
}

export function policyViolations(input: PolicyInput): BookingPolicyViolations {
  const { startMs, endMs, nowMs, policy } = input;
  const early = policy.limitEarlyBookingPolicy;
  const late = policy.limitLateBookingPolicy;
  const earliestMs = early.enabled ? startMs - early.earliestBookingInMinutes * MINUTE_MS : null;
  const tooEarlyToBook = earliestMs !== null && nowMs < earliestMs;
  // Without a late limit a slot can be booked until it starts (or ends, when booking after start is allowed).
  const closesAt = late.enabled
    ? startMs - late.latestBookingInMinutes * MINUTE_MS
    : policy.bookAfterStartPolicy?.enabled
      ? endMs
      : startMs;
  const tooLateToBook = nowMs >= closesAt || nowMs >= endMs;
  return {
    tooEarlyToBook,
    ...(tooEarlyToBook && earliestMs !== null ? { earliestBookingDate: utcText(earliestMs) } : {}),
    tooLateToBook,
    bookOnlineDisabled: !input.onlineBookingEnabled,
  };
}

export const violatesPolicy = (v: BookingPolicyViolations): boolean => v.tooEarlyToBook || v.tooLateToBook || v.bookOnlineDisabled;
