/**
 * The policy views' pure rules in the browser: minutes as an amount and a unit and back, a policy's rules in words,
 * a policy as a draft and back as the fields the server takes, the checks before sending, server violations placed
 * beside their fields, the conflict's rows in words, and which services a "Used by" save moves.
 */
import { expect } from '@open-wc/testing';
import type { BookingPolicy } from '../../../src/model/policy.js';
import type { Service } from '../../../src/model/service.js';
import { durationWords, splitMinutes, toMinutes } from '../../../src/console/policies/policy-units.js';
import { policyRulesText } from '../../../src/console/policies/policy-words.js';
import { differingParts } from '../../../src/console/policies/policy-words.js';
import {
  EMPTY_POLICY_DRAFT,
  placePolicyViolations,
  policyDraftOf,
  policyInput,
  policyProblems,
} from '../../../src/console/policies/policy-draft.js';
import { POLICY_TEXT } from '../../../src/console/policies/policy-texts.js';
import { movesFor, usersOf } from '../../../src/console/policies/policy-assign.js';

function aPolicy(extra: Partial<BookingPolicy> = {}): BookingPolicy {
  return {
    id: 'p1',
    name: 'Shared',
    revision: '2',
    limitEarlyBookingPolicy: { enabled: true, earliestBookingInMinutes: 43200 },
    limitLateBookingPolicy: { enabled: true, latestBookingInMinutes: 120 },
    bookAfterStartPolicy: { enabled: false },
    cancellationPolicy: { enabled: true, limitLatestCancellation: true, latestCancellationInMinutes: 1440, allowAnonymous: true },
    reschedulePolicy: { enabled: false, limitLatestReschedule: false, latestRescheduleInMinutes: 1440, allowAnonymous: true },
    waitlistPolicy: { enabled: true, capacity: 5, reservationTimeInMinutes: 10 },
    participantsPolicy: { maxParticipantsPerBooking: 6 },
    ...extra,
  };
}

describe('policy units', () => {
  it('shows minutes in the unit they read best in, and reads the form back as minutes', () => {
    expect(splitMinutes(43200)).to.deep.equal({ amount: '30', unit: 'days' });
    expect(splitMinutes(1440)).to.deep.equal({ amount: '24', unit: 'hours' });
    expect(splitMinutes(90)).to.deep.equal({ amount: '90', unit: 'minutes' });
    expect(splitMinutes(0)).to.deep.equal({ amount: '0', unit: 'minutes' });
    expect(toMinutes(' 2 ', 'hours')).to.equal(120);
    expect(toMinutes('1', 'days')).to.equal(1440);
    expect(toMinutes('1.5', 'hours')).to.equal(undefined);
    expect(toMinutes('soon', 'minutes')).to.equal(undefined);
    expect([durationWords(60), durationWords(45), durationWords(2880), durationWords(1440)]).to.deep.equal([
      '1 hour',
      '45 minutes',
      '2 days',
      '24 hours',
    ]);
  });
});

describe('a policy in words', () => {
  it('says each rule in the form’s order', () => {
    expect(policyRulesText(aPolicy())).to.equal(
      'Book from 30 days to 2 hours ahead · Cancel up to 24 hours before · No online rescheduling · Waiting list of 5 · Up to 6 per booking',
    );
    const open = aPolicy({
      limitEarlyBookingPolicy: { enabled: false, earliestBookingInMinutes: 10080 },
      limitLateBookingPolicy: { enabled: false, latestBookingInMinutes: 1440 },
      cancellationPolicy: { enabled: true, limitLatestCancellation: false, latestCancellationInMinutes: 1440 },
      waitlistPolicy: { enabled: false, capacity: 10, reservationTimeInMinutes: 10 },
      participantsPolicy: { maxParticipantsPerBooking: 1, maxUnpaidBookingsPerSession: 2 },
    });
    expect(policyRulesText(open)).to.equal(
      'Book any time ahead · Cancel any time · No online rescheduling · One person per booking · At most 2 unpaid a customer per session',
    );
  });
});

describe('the policy form', () => {
  it('reads a policy as a draft and sends it back unchanged', () => {
    const draft = policyDraftOf(aPolicy());
    expect([draft.early, draft.earlyUnit, draft.late, draft.lateUnit]).to.deep.equal(['30', 'days', '2', 'hours']);
    expect(draft.maxUnpaid).to.equal('');
    const input = policyInput(draft);
    expect(input.limitEarlyBookingPolicy).to.deep.equal({ enabled: true, earliestBookingInMinutes: 43200 });
    expect(input.limitLateBookingPolicy).to.deep.equal({ enabled: true, latestBookingInMinutes: 120 });
    expect(input.cancellationPolicy).to.deep.equal({
      enabled: true,
      limitLatestCancellation: true,
      allowAnonymous: true,
      latestCancellationInMinutes: 1440,
    });
    expect(input.participantsPolicy).to.deep.equal({ maxParticipantsPerBooking: 6 });
  });

  it('checks only what is switched on, and leaves a switched-off window’s leftover text unsent', () => {
    const draft = { ...EMPTY_POLICY_DRAFT, name: ' ', early: 'soon', lateOn: true, late: 'x', maxParticipants: '0', maxUnpaid: '' };
    expect(policyProblems(draft, POLICY_TEXT)).to.deep.equal({
      name: POLICY_TEXT.required,
      late: POLICY_TEXT.whole,
      maxParticipants: POLICY_TEXT.atLeastOne,
    });
    expect(policyInput(draft).limitEarlyBookingPolicy).to.deep.equal({ enabled: false });
  });

  it('places the server’s violations beside their fields', () => {
    const { byField, rest } = placePolicyViolations([
      { field: 'bookingPolicy.waitlistPolicy.reservationTimeInMinutes', description: 'must be at most 1440' },
      { field: 'bookingPolicy.participantsPolicy.maxUnpaidBookingsPerSession', description: 'must be 1 or more' },
      { field: 'bookingPolicy.somethingElse', description: 'is odd' },
    ]);
    expect(byField).to.deep.equal({ waitlistHold: 'must be at most 1440', maxUnpaid: 'must be 1 or more' });
    expect(rest).to.deep.equal(['bookingPolicy.somethingElse is odd']);
  });

  it('lists the parts that differ in words, the same window in other units being no difference', () => {
    const theirs = policyDraftOf(aPolicy());
    const yours = { ...theirs, late: '120', lateUnit: 'minutes' as const, waitlistCapacity: '8', name: 'Mine' };
    expect(differingParts(theirs, yours)).to.deep.equal([
      { field: 'name', theirs: 'Shared', yours: 'Mine' },
      { field: 'waitlistCapacity', theirs: '5', yours: '8' },
    ]);
  });
});

describe('Used by', () => {
  const svc = (id: string, policyId: string) => ({ id, name: id, revision: '1', bookingPolicy: { id: policyId } }) as unknown as Service;
  it('moves ticked services here and unticked ones back to the default', () => {
    const services = [svc('a', 'p1'), svc('b', 'p1'), svc('c', 'std'), svc('d', 'other')];
    expect([...usersOf(services, 'p1')]).to.deep.equal(['a', 'b']);
    const moves = movesFor(services, 'p1', new Set(['a', 'c', 'd']), 'std');
    expect(moves.map((m) => [m.service.id, m.toPolicyId])).to.deep.equal([
      ['b', 'std'],
      ['c', 'p1'],
      ['d', 'p1'],
    ]);
    // The default policy's services have nowhere to go back to.
    expect(movesFor(services, 'std', new Set(), 'std')).to.deep.equal([]);
  });
});
