/**
 * Every edge of the cancellation and reschedule policy, for the owner, a customer and an anonymous link holder:
 * each row holds what both the server's allowedActions and the widget's Cancel button must say.
 */
import type { Booking } from '../../src/model/booking.js';
import type { BookingPolicy } from '../../src/model/policy.js';
import { aPolicy, aRuleBooking, before, START } from './factories.js';

export type Caller = 'owner' | 'customer' | 'anonymous';

export interface PolicyRow {
  name: string;
  policy: BookingPolicy;
  booking: Booking;
  /** ISO instant the question is asked at. */
  now: string;
  caller: Caller;
  expect: { cancel: boolean; reschedule: boolean };
}

const cancelPolicy = (c: Partial<BookingPolicy['cancellationPolicy']>) =>
  aPolicy({ cancellationPolicy: { enabled: true, limitLatestCancellation: true, latestCancellationInMinutes: 60, ...c } });
const noLimits = aPolicy({
  cancellationPolicy: { enabled: true, limitLatestCancellation: false, latestCancellationInMinutes: 0 },
  reschedulePolicy: { enabled: true, limitLatestReschedule: false, latestRescheduleInMinutes: 0 },
});
const disabled = aPolicy({
  cancellationPolicy: { enabled: false, limitLatestCancellation: false, latestCancellationInMinutes: 0 },
  reschedulePolicy: { enabled: false, limitLatestReschedule: false, latestRescheduleInMinutes: 0 },
});
const noAnonymous = aPolicy({
  cancellationPolicy: { enabled: true, limitLatestCancellation: false, latestCancellationInMinutes: 0, allowAnonymous: false },
  reschedulePolicy: { enabled: true, limitLatestReschedule: false, latestRescheduleInMinutes: 0, allowAnonymous: false },
});

const p = (
  name: string,
  policy: BookingPolicy,
  booking: Booking,
  now: string,
  caller: Caller,
  cancel: boolean,
  reschedule: boolean,
): PolicyRow => ({
  name,
  policy,
  booking,
  now,
  caller,
  expect: { cancel, reschedule },
});
const confirmed = aRuleBooking('CONFIRMED');

/** Default policy: cancel up to 60 minutes before the start, reschedule up to 120. */
export const POLICY_ROWS: PolicyRow[] = [
  p('well before both windows close', aPolicy(), confirmed, before(24 * 60), 'customer', true, true),
  p('inside the reschedule window only', aPolicy(), confirmed, before(90), 'customer', true, false),
  p('inside the cancellation window', aPolicy(), confirmed, before(30), 'customer', false, false),
  p('exactly at the cancellation edge: still allowed', aPolicy(), confirmed, before(60), 'customer', true, false),
  p('one millisecond past the cancellation edge', aPolicy(), confirmed, before(60, 1), 'customer', false, false),
  p('exactly at the reschedule edge: still allowed', aPolicy(), confirmed, before(120), 'customer', true, true),
  p(
    'a zero-minute limit allows up to the start',
    cancelPolicy({ latestCancellationInMinutes: 0 }),
    confirmed,
    before(0, -1),
    'customer',
    true,
    false,
  ),
  p('already started, no limits', noLimits, confirmed, START, 'customer', false, false),
  p('an hour after the start, no limits', noLimits, confirmed, before(-60), 'customer', false, false),
  p('no limits, a minute before the start', noLimits, confirmed, before(1), 'customer', true, true),
  p('policy disabled', disabled, confirmed, before(24 * 60), 'customer', false, false),
  p('policy disabled, the owner ignores it', disabled, confirmed, before(24 * 60), 'owner', true, true),
  p('already started, the owner ignores the policy', aPolicy(), confirmed, before(-60), 'owner', true, true),
  p('anonymous link holder where anonymous changes are not allowed', noAnonymous, confirmed, before(24 * 60), 'anonymous', false, false),
  p('a signed-in customer under the same policy', noAnonymous, confirmed, before(24 * 60), 'customer', true, true),
  p('anonymous where the policy says nothing about it', aPolicy(), confirmed, before(24 * 60), 'anonymous', true, true),
  p('anonymous past the cancellation edge', aPolicy(), confirmed, before(59), 'anonymous', false, false),
  p('CREATED may be canceled, not rescheduled', aPolicy(), aRuleBooking('CREATED'), before(24 * 60), 'customer', true, false),
  p('PENDING may be canceled and rescheduled', aPolicy(), aRuleBooking('PENDING'), before(24 * 60), 'customer', true, true),
  p('WAITING_LIST may be canceled, not rescheduled', aPolicy(), aRuleBooking('WAITING_LIST'), before(24 * 60), 'customer', true, false),
  p('CANCELED is final', aPolicy(), aRuleBooking('CANCELED'), before(24 * 60), 'customer', false, false),
  p('DECLINED is final, even for the owner', aPolicy(), aRuleBooking('DECLINED'), before(24 * 60), 'owner', false, false),
  p(
    'a course is canceled by the policy but never rescheduled',
    aPolicy(),
    aRuleBooking('CONFIRMED', { bookedEntity: { schedule: { scheduleId: 'sch', serviceId: 'svc-USD' } } }),
    before(24 * 60),
    'customer',
    true,
    false,
  ),
  p(
    'a booking without a start is judged by the policy alone',
    aPolicy(),
    aRuleBooking('CONFIRMED', { startDate: undefined }),
    before(-60),
    'customer',
    true,
    true,
  ),
];
