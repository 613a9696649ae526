/**
 * The Schedules view's rules in the browser: session rules in words, a course's first and last session, the rule
 * form's fields (checked beside each field, the server's refusals mapped to them, the rule sent), and the week
 * calendar's arithmetic (Monday weeks, lanes for overlaps, 15-minute drops) across the US spring-forward week.
 */
import { expect } from '@open-wc/testing';
import type { SessionRule } from '../../../src/model/business.js';
import { draftErrors, draftOf, fieldsOf, serverErrors } from '../../../src/console/schedule/rule-draft.js';
import { courseSpan, ruleInWords, sessionStarts, weekdayOf } from '../../../src/console/schedule/rule-words.js';
import {
  dropStart,
  hourRange,
  layoutDay,
  mondayOf,
  snapMinute,
  weekDays,
  weekRange,
  type WeekSession,
} from '../../../src/console/schedule/week-layout.js';

const rule = (over: Partial<SessionRule>): SessionRule => ({
  id: 'r1',
  scheduleId: 's1',
  serviceId: 'svc',
  start: '2026-12-07T07:00:00',
  durationInMinutes: 60,
  revision: '1',
  ...over,
});

const session = (id: string, start: string, end: string): WeekSession => ({
  id,
  serviceId: 'svc',
  title: id,
  localStartDate: start,
  localEndDate: end,
  capacity: 10,
  bookedCount: 0,
  status: 'CONFIRMED',
});

describe('session rules in words', () => {
  it('says weekly rules with their end, single sessions, the teacher and a capacity', () => {
    const weekly = { frequency: 'WEEKLY' as const, days: ['FRI' as const, 'MON' as const, 'WED' as const] };
    expect(ruleInWords(rule({ recurrence: { ...weekly, until: '2027-02-28T23:59:59' } }))).to.equal(
      'Mon, Wed, Fri 07:00 for 60 min, from 7 Dec until 28 Feb',
    );
    expect(ruleInWords(rule({ recurrence: { ...weekly, count: 6 } }))).to.equal('Mon, Wed, Fri 07:00 for 60 min, from 7 Dec, 6 sessions');
    expect(ruleInWords(rule({ recurrence: weekly }), 'Maya Chen')).to.equal(
      'Mon, Wed, Fri 07:00 for 60 min, from 7 Dec, no end, with Maya Chen',
    );
    expect(ruleInWords(rule({ start: '2026-12-12T18:00:00', capacity: 8 }))).to.equal('Single session 12 Dec 18:00 for 60 min, 8 places');
  });

  it("expands a course's weekly rule as the server does, and says its first and last session", () => {
    const course = rule({ start: '2026-12-08T19:00:00', recurrence: { frequency: 'WEEKLY', days: ['TUE'], count: 6 } });
    expect(sessionStarts(course)).to.deep.equal([
      '2026-12-08T19:00:00',
      '2026-12-15T19:00:00',
      '2026-12-22T19:00:00',
      '2026-12-29T19:00:00',
      '2027-01-05T19:00:00',
      '2027-01-12T19:00:00',
    ]);
    expect(courseSpan([course])).to.equal('6 sessions: first Tue 8 Dec 19:00, last Tue 12 Jan 19:00');
    // A first date that is not one of the weekdays is not a session; `until` is inclusive of its day.
    const until = rule({ start: '2026-12-07T19:00:00', recurrence: { frequency: 'WEEKLY', days: ['TUE'], until: '2026-12-15T23:59:59' } });
    expect(sessionStarts(until)).to.deep.equal(['2026-12-08T19:00:00', '2026-12-15T19:00:00']);
    expect(courseSpan([rule({ recurrence: { frequency: 'WEEKLY', days: ['MON'] } })])).to.equal('First session Mon 7 Dec 07:00, no end');
    expect(weekdayOf('2027-03-14')).to.equal('SUN');
  });
});

describe('the session rule form', () => {
  it('reads a rule into fields and sends the same rule back', () => {
    const r = rule({
      recurrence: { frequency: 'WEEKLY', days: ['MON', 'WED'], until: '2027-02-28T23:59:59' },
      staffMemberId: 'maya',
      capacity: 12,
    });
    const d = draftOf(r, '2026-12-01');
    expect(d).to.include({ kind: 'WEEKLY', date: '2026-12-07', time: '07:00', duration: '60', end: 'ON_DATE', untilDate: '2027-02-28' });
    expect(fieldsOf(d, 'svc', undefined)).to.deep.equal({
      serviceId: 'svc',
      start: '2026-12-07T07:00:00',
      durationInMinutes: 60,
      recurrence: { frequency: 'WEEKLY', days: ['MON', 'WED'], until: '2027-02-28T23:59:59' },
      staffMemberId: 'maya',
      capacity: 12,
    });
    // A blank capacity on a rule that had one sends the service's own (an update keeps what it leaves out).
    expect(fieldsOf({ ...d, capacity: '' }, 'svc', 20).capacity).to.equal(20);
    expect(fieldsOf({ ...d, end: 'AFTER', count: '4' }, 'svc', undefined).recurrence).to.deep.equal({
      frequency: 'WEEKLY',
      days: ['MON', 'WED'],
      count: 4,
    });
    const single = draftOf(undefined, '2026-12-09');
    expect(single.days).to.deep.equal(['WED']);
    expect(fieldsOf({ ...single, kind: 'SINGLE' }, 'svc', undefined)).to.not.have.property('recurrence');
  });

  it('says what is wrong beside each field, and maps the server refusals to the fields', () => {
    const d = draftOf(undefined, '2026-12-07');
    expect(draftErrors(d)).to.deep.equal({});
    const bad = { ...d, days: [], time: '25:00', duration: '0', end: 'ON_DATE' as const, untilDate: '2026-12-01', capacity: 'x' };
    expect(Object.keys(draftErrors(bad)).sort()).to.deep.equal(['capacity', 'days', 'duration', 'time', 'untilDate']);
    expect(draftErrors({ ...d, end: 'AFTER', count: '' })).to.have.property('count');
    // A single session needs no weekday.
    expect(draftErrors({ ...d, kind: 'SINGLE', days: [] })).to.deep.equal({});
    expect(
      serverErrors([
        { field: 'sessionRule.staffMemberId', description: 'is not a staff member' },
        { field: 'sessionRule.recurrence.until', description: 'must not be before start' },
        { field: 'sessionRule.title', description: 'is too long' },
      ]),
    ).to.deep.equal({
      fields: { staffMemberId: 'is not a staff member', untilDate: 'must not be before start' },
      other: ['sessionRule.title is too long'],
    });
  });
});

describe('the week calendar', () => {
  it('counts weeks from Monday, also across the US spring-forward week (local times need no offsets)', () => {
    expect(mondayOf('2027-03-14')).to.equal('2027-03-08');
    expect(mondayOf('2027-03-15')).to.equal('2027-03-15');
    expect(weekDays('2027-03-08')).to.deep.equal([
      '2027-03-08',
      '2027-03-09',
      '2027-03-10',
      '2027-03-11',
      '2027-03-12',
      '2027-03-13',
      '2027-03-14',
    ]);
    expect(weekRange('2026-12-28')).to.deep.equal({ fromLocalDate: '2026-12-28T00:00:00', toLocalDate: '2027-01-04T00:00:00' });
  });

  it('puts overlapping sessions in lanes and widens the hours around early or late ones', () => {
    const placed = layoutDay([
      session('b', '2026-12-07T07:30:00', '2026-12-07T08:30:00'),
      session('a', '2026-12-07T07:00:00', '2026-12-07T08:00:00'),
      session('c', '2026-12-07T08:00:00', '2026-12-07T09:00:00'),
      session('d', '2026-12-07T18:00:00', '2026-12-07T19:00:00'),
    ]);
    expect(placed.map((p) => [p.session.id, p.lane, p.lanes])).to.deep.equal([
      ['a', 0, 2],
      ['b', 1, 2],
      ['c', 0, 2],
      ['d', 0, 1],
    ]);
    expect(hourRange([session('x', '2026-12-07T05:15:00', '2026-12-07T23:10:00')])).to.deep.equal({ first: 5, last: 24 });
  });

  it('snaps a drop to 15 minutes within the day', () => {
    expect(snapMinute(427)).to.equal(420);
    expect(snapMinute(428)).to.equal(435);
    expect(snapMinute(-30)).to.equal(0);
    expect(snapMinute(1500)).to.equal(1425);
    expect(dropStart('2027-03-14', 7 * 60, 68)).to.equal('2027-03-14T08:15:00');
  });
});
