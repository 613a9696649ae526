/**
 * The policy form's rules, pure: a booking policy as the text the owner edits (the draft: each window an amount and
 * a unit), the draft back as the fields the server takes, the checks before sending, and the server's field
 * violations placed beside the inputs.
 */
import type { PolicyInput } from '../../api/policy-calls.js';
import type { FieldViolation } from '../../model/errors.js';
import type { BookingPolicy } from '../../model/policy.js';
import { splitMinutes, toMinutes, type Unit } from './policy-units.js';

export interface PolicyDraft {
  name: string;
  earlyOn: boolean;
  early: string;
  earlyUnit: Unit;
  lateOn: boolean;
  late: string;
  lateUnit: Unit;
  afterStart: boolean;
  cancelOn: boolean;
  cancelLimit: boolean;
  cancel: string;
  cancelUnit: Unit;
  cancelAnonymous: boolean;
  rescheduleOn: boolean;
  rescheduleLimit: boolean;
  reschedule: string;
  rescheduleUnit: Unit;
  rescheduleAnonymous: boolean;
  waitlistOn: boolean;
  waitlistCapacity: string;
  waitlistHold: string;
  waitlistHoldUnit: Unit;
  maxParticipants: string;
  /** Blank: the server's default (3). */
  maxUnpaid: string;
  descriptionOn: boolean;
  description: string;
}

export type PolicyField = keyof PolicyDraft;
export type PolicyErrors = Partial<Record<PolicyField, string>>;

/** Wix's defaults (wix-bookings-v2.md section 7), as a new policy's form starts. */
export const EMPTY_POLICY_DRAFT: PolicyDraft = {
  name: '',
  earlyOn: false,
  early: '7',
  earlyUnit: 'days',
  lateOn: false,
  late: '24',
  lateUnit: 'hours',
  afterStart: false,
  cancelOn: true,
  cancelLimit: false,
  cancel: '24',
  cancelUnit: 'hours',
  cancelAnonymous: true,
  rescheduleOn: true,
  rescheduleLimit: false,
  reschedule: '24',
  rescheduleUnit: 'hours',
  rescheduleAnonymous: true,
  waitlistOn: false,
  waitlistCapacity: '10',
  waitlistHold: '10',
  waitlistHoldUnit: 'minutes',
  maxParticipants: '1',
  maxUnpaid: '',
  descriptionOn: false,
  description: '',
};

export function policyDraftOf(p: BookingPolicy): PolicyDraft {
  const early = splitMinutes(p.limitEarlyBookingPolicy.earliestBookingInMinutes);
  const late = splitMinutes(p.limitLateBookingPolicy.latestBookingInMinutes);
  const cancel = splitMinutes(p.cancellationPolicy.latestCancellationInMinutes);
  const reschedule = splitMinutes(p.reschedulePolicy.latestRescheduleInMinutes);
  const hold = splitMinutes(p.waitlistPolicy.reservationTimeInMinutes);
  const unpaid = p.participantsPolicy.maxUnpaidBookingsPerSession;
  return {
    name: p.name ?? '',
    earlyOn: p.limitEarlyBookingPolicy.enabled,
    early: early.amount,
    earlyUnit: early.unit,
    lateOn: p.limitLateBookingPolicy.enabled,
    late: late.amount,
    lateUnit: late.unit,
    afterStart: p.bookAfterStartPolicy?.enabled ?? false,
    cancelOn: p.cancellationPolicy.enabled,
    cancelLimit: p.cancellationPolicy.limitLatestCancellation,
    cancel: cancel.amount,
    cancelUnit: cancel.unit,
    cancelAnonymous: p.cancellationPolicy.allowAnonymous ?? true,
    rescheduleOn: p.reschedulePolicy.enabled,
    rescheduleLimit: p.reschedulePolicy.limitLatestReschedule,
    reschedule: reschedule.amount,
    rescheduleUnit: reschedule.unit,
    rescheduleAnonymous: p.reschedulePolicy.allowAnonymous ?? true,
    waitlistOn: p.waitlistPolicy.enabled,
    waitlistCapacity: String(p.waitlistPolicy.capacity),
    waitlistHold: hold.amount,
    waitlistHoldUnit: hold.unit,
    maxParticipants: String(p.participantsPolicy.maxParticipantsPerBooking),
    maxUnpaid: unpaid === undefined ? '' : String(unpaid),
    descriptionOn: p.customPolicyDescription?.enabled ?? false,
    description: p.customPolicyDescription?.description ?? '',
  };
}

const whole = (text: string) => (/^\s*\d{1,7}\s*$/.test(text) ? Number(text) : undefined);

/** Problems the form finds before sending (a window or count that is no whole number); the server checks the rest. */
export function policyProblems(d: PolicyDraft, text: { required: string; whole: string; atLeastOne: string }): PolicyErrors {
  const problems: PolicyErrors = {};
  if (!d.name.trim()) problems.name = text.required;
  const windows: [boolean, PolicyField, string][] = [
    [d.earlyOn, 'early', d.early],
    [d.lateOn, 'late', d.late],
    [d.cancelOn && d.cancelLimit, 'cancel', d.cancel],
    [d.rescheduleOn && d.rescheduleLimit, 'reschedule', d.reschedule],
    [d.waitlistOn, 'waitlistHold', d.waitlistHold],
  ];
  for (const [on, field, value] of windows) if (on && whole(value) === undefined) problems[field] = text.whole;
  const counts: [boolean, PolicyField, string][] = [
    [d.waitlistOn, 'waitlistCapacity', d.waitlistCapacity],
    [true, 'maxParticipants', d.maxParticipants],
    [d.maxUnpaid.trim() !== '', 'maxUnpaid', d.maxUnpaid],
  ];
  for (const [on, field, value] of counts) if (on && !((whole(value) ?? 0) >= 1)) problems[field] = text.atLeastOne;
  return problems;
}

/** `{ key: minutes }` when the amount is a whole number; nothing otherwise (a switched-off window's leftover text). */
function minutesOf<K extends string>(key: K, amount: string, unit: Unit): Partial<Record<K, number>> {
  const minutes = toMinutes(amount, unit);
  return minutes === undefined ? {} : ({ [key]: minutes } as Partial<Record<K, number>>);
}

function countOf<K extends string>(key: K, text: string): Partial<Record<K, number>> {
  const n = whole(text);
  return n === undefined || n < 1 ? {} : ({ [key]: n } as Partial<Record<K, number>>);
}

/** The fields to send for the draft (create or update: the server lays them over what it has). */
export function policyInput(d: PolicyDraft): PolicyInput {
  return {
    name: d.name.trim(),
    limitEarlyBookingPolicy: { enabled: d.earlyOn, ...minutesOf('earliestBookingInMinutes', d.early, d.earlyUnit) },
    limitLateBookingPolicy: { enabled: d.lateOn, ...minutesOf('latestBookingInMinutes', d.late, d.lateUnit) },
    bookAfterStartPolicy: { enabled: d.afterStart },
    cancellationPolicy: {
      enabled: d.cancelOn,
      limitLatestCancellation: d.cancelLimit,
      allowAnonymous: d.cancelAnonymous,
      ...minutesOf('latestCancellationInMinutes', d.cancel, d.cancelUnit),
    },
    reschedulePolicy: {
      enabled: d.rescheduleOn,
      limitLatestReschedule: d.rescheduleLimit,
      allowAnonymous: d.rescheduleAnonymous,
      ...minutesOf('latestRescheduleInMinutes', d.reschedule, d.rescheduleUnit),
    },
    waitlistPolicy: {
      enabled: d.waitlistOn,
      ...countOf('capacity', d.waitlistCapacity),
      ...minutesOf('reservationTimeInMinutes', d.waitlistHold, d.waitlistHoldUnit),
    },
    participantsPolicy: {
      ...countOf('maxParticipantsPerBooking', d.maxParticipants),
      ...countOf('maxUnpaidBookingsPerSession', d.maxUnpaid),
    },
    customPolicyDescription: { enabled: d.descriptionOn, description: d.description },
  };
}

/** The form field a server violation is about (`bookingPolicy.waitlistPolicy.capacity` → waitlistCapacity). */
export function policyFieldOf(field: string): PolicyField | undefined {
  const path = field.replace(/^bookingPolicy\./, '');
  const rules: [RegExp, PolicyField][] = [
    [/^name/, 'name'],
    [/^limitEarlyBookingPolicy/, 'early'],
    [/^limitLateBookingPolicy/, 'late'],
    [/^bookAfterStartPolicy/, 'afterStart'],
    [/^cancellationPolicy/, 'cancel'],
    [/^reschedulePolicy/, 'reschedule'],
    [/^waitlistPolicy\.reservation/, 'waitlistHold'],
    [/^waitlistPolicy/, 'waitlistCapacity'],
    [/^participantsPolicy\.maxUnpaid/, 'maxUnpaid'],
    [/^participantsPolicy/, 'maxParticipants'],
    [/^customPolicyDescription/, 'description'],
  ];
  return rules.find(([re]) => re.test(path))?.[1];
}

/** The server's violations by form field; those no field shows are returned apart, for the form's own message. */
export function placePolicyViolations(violations: readonly FieldViolation[]): { byField: PolicyErrors; rest: string[] } {
  const byField: PolicyErrors = {};
  const rest: string[] = [];
  for (const v of violations) {
    const field = policyFieldOf(v.field);
    if (!field) rest.push(`${v.field} ${v.description}`);
    else byField[field] = byField[field] ? `${byField[field]}; ${v.description}` : v.description;
  }
  return { byField, rest };
}
