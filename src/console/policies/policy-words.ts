/**
 * A policy's rules in words, pure: the list's one line ("Book from 30 days to 2 hours ahead · Cancel up to 24 hours
 * before · Waiting list of 5 · Up to 6 per booking"), and each part of a draft in words for the conflict panel.
 */
import type { BookingPolicy } from '../../model/policy.js';
import type { PolicyDraft, PolicyField } from './policy-draft.js';
import { POLICY_TEXT as T } from './policy-texts.js';
import { durationWords, toMinutes, type Unit } from './policy-units.js';

function bookingWindow(p: BookingPolicy): string {
  const early = p.limitEarlyBookingPolicy.enabled ? durationWords(p.limitEarlyBookingPolicy.earliestBookingInMinutes) : undefined;
  const late = p.limitLateBookingPolicy.enabled ? durationWords(p.limitLateBookingPolicy.latestBookingInMinutes) : undefined;
  if (early && late) return `Book from ${early} to ${late} ahead`;
  if (early) return `Book up to ${early} ahead`;
  if (late) return `Book at least ${late} ahead`;
  return 'Book any time ahead';
}

function change(verb: string, off: string, rule: { enabled: boolean; limited: boolean; minutes: number }): string {
  if (!rule.enabled) return off;
  return rule.limited ? `${verb} up to ${durationWords(rule.minutes)} before` : `${verb} any time`;
}

/** The policy's rules, one phrase each, in the form's order. */
export function policyRules(p: BookingPolicy): string[] {
  const c = p.cancellationPolicy;
  const r = p.reschedulePolicy;
  const people = p.participantsPolicy.maxParticipantsPerBooking;
  const unpaid = p.participantsPolicy.maxUnpaidBookingsPerSession;
  return [
    bookingWindow(p),
    ...(p.bookAfterStartPolicy?.enabled ? ['Bookable after the start'] : []),
    change('Cancel', 'No online cancelling', {
      enabled: c.enabled,
      limited: c.limitLatestCancellation,
      minutes: c.latestCancellationInMinutes,
    }),
    change('Reschedule', 'No online rescheduling', {
      enabled: r.enabled,
      limited: r.limitLatestReschedule,
      minutes: r.latestRescheduleInMinutes,
    }),
    ...(p.waitlistPolicy.enabled ? [`Waiting list of ${p.waitlistPolicy.capacity}`] : []),
    people === 1 ? 'One person per booking' : `Up to ${people} per booking`,
    ...(unpaid !== undefined ? [`At most ${unpaid} unpaid a customer per session`] : []),
  ];
}

export function policyRulesText(p: BookingPolicy): string {
  return policyRules(p).join(' · ');
}

/** An amount and unit as typed, in words when it is a whole number ("48 hours" → "2 days"), as typed otherwise. */
function amountWords(amount: string, unit: Unit): string {
  const minutes = toMinutes(amount, unit);
  return minutes === undefined ? `${amount} ${unit}` : durationWords(minutes);
}

const yesNo = (on: boolean) => (on ? T.yes : T.no);
const limitWords = (on: boolean, limit: boolean, amount: string, unit: Unit) =>
  !on ? T.no : limit ? `Up to ${amountWords(amount, unit)} before` : 'Any time';

/** The parts of a policy the conflict panel compares, each in words, keyed by the field the form shows it in. */
export const POLICY_PARTS: readonly [PolicyField, (d: PolicyDraft) => string][] = [
  ['name', (d) => d.name || '—'],
  ['early', (d) => (d.earlyOn ? amountWords(d.early, d.earlyUnit) : T.off)],
  ['late', (d) => (d.lateOn ? amountWords(d.late, d.lateUnit) : T.off)],
  ['afterStart', (d) => yesNo(d.afterStart)],
  ['cancel', (d) => limitWords(d.cancelOn, d.cancelLimit, d.cancel, d.cancelUnit)],
  ['cancelAnonymous', (d) => yesNo(d.cancelAnonymous)],
  ['reschedule', (d) => limitWords(d.rescheduleOn, d.rescheduleLimit, d.reschedule, d.rescheduleUnit)],
  ['rescheduleAnonymous', (d) => yesNo(d.rescheduleAnonymous)],
  ['waitlistCapacity', (d) => (d.waitlistOn ? d.waitlistCapacity : T.off)],
  ['waitlistHold', (d) => (d.waitlistOn ? amountWords(d.waitlistHold, d.waitlistHoldUnit) : T.off)],
  ['maxParticipants', (d) => d.maxParticipants],
  ['maxUnpaid', (d) => d.maxUnpaid || '3'],
  ['description', (d) => (d.descriptionOn ? d.description || '—' : T.off)],
];

/** The parts where the two drafts differ, in the form's order, with each side in words (the conflict panel's rows). */
export function differingParts(theirs: PolicyDraft, yours: PolicyDraft): { field: PolicyField; theirs: string; yours: string }[] {
  return POLICY_PARTS.map(([field, words]) => ({ field, theirs: words(theirs), yours: words(yours) })).filter(
    (row) => row.theirs !== row.yours,
  );
}
