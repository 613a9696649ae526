/** The pure slot generators: plain values in, plain values out, no database. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freeAppointmentSlots, workingSlots } from '../../server/domain/availability/appointments.js';
import { expandRules, allOccurrences, isOccurrence } from '../../server/domain/availability/sessions.js';
import { policyViolations } from '../../server/domain/availability/policy.js';
import { localText } from '../../server/domain/availability/time.js';
import { Temporal } from 'temporal-polyfill';
import type { SessionRule } from '../../src/model/business.js';

const NY = 'America/New_York';
const ms = (iso: string) => Date.parse(iso);
const hours = (day: 'MON' | 'TUE', startTime: string, endTime: string) => ({ day, startTime, endTime });
const rule = (fields: Partial<SessionRule>): SessionRule => ({
  id: 'r1',
  scheduleId: 's',
  serviceId: 'x',
  start: '2026-06-01T07:00:00',
  durationInMinutes: 60,
  revision: '1',
  ...fields,
});

describe('appointment slot generator', () => {
  const grid = { zone: NY, fromMs: ms('2026-06-01T04:00:00Z'), toMs: ms('2026-06-03T04:00:00Z'), durationMinutes: 45, gapMinutes: 15 };
  const staff = { id: 'a', name: 'A', workingHours: [hours('MON', '09:00', '12:00')] };

  it('steps by duration plus time between sessions inside working hours', () => {
    assert.deepEqual(
      workingSlots(staff, grid).map((s) => localText(s.startMs, NY).slice(11, 16)),
      ['09:00', '10:00', '11:00'],
    );
  });

  it('drops slots that collide with busy time, keeping the gap on both sides', () => {
    const busy = new Map([['a', [{ startMs: ms('2026-06-01T14:50:00Z'), endMs: ms('2026-06-01T15:00:00Z') }]]]);
    // Busy 10:50-11:00: 10:00-10:45 needs 15 free minutes after it (to 11:00), 11:00 needs 15 before it (from 10:45).
    const free = freeAppointmentSlots([staff], busy, grid).map((s) => localText(s.startMs, NY).slice(11, 16));
    assert.deepEqual(free, ['09:00']);
  });

  it('merges staff with the same slot into one entry listing who is free', () => {
    const other = { id: 'b', name: 'B', workingHours: [hours('MON', '10:00', '11:00')] };
    const slots = freeAppointmentSlots([staff, other], new Map(), grid);
    assert.deepEqual(
      slots.map((s) => s.staff.map((p) => p.id)),
      [['a'], ['a', 'b'], ['a']],
    );
  });

  it('never yields a slot in the spring-forward gap, nor an overlapping one after it', () => {
    const night = { id: 'n', name: 'N', workingHours: [{ day: 'SUN' as const, startTime: '00:00', endTime: '05:00' }] };
    const slots = workingSlots(night, {
      zone: NY,
      fromMs: ms('2026-03-08T05:00:00Z'),
      toMs: ms('2026-03-08T12:00:00Z'),
      durationMinutes: 90,
      gapMinutes: 0,
    });
    assert.deepEqual(
      slots.map((s) => localText(s.startMs, NY).slice(11, 16)),
      ['00:00', '01:30'],
    );
    for (const s of slots) assert.equal(s.endMs - s.startMs, 90 * 60_000);
  });
});

describe('session expansion', () => {
  it('expands weekly rules on their days, honouring count and until', () => {
    const counted = rule({ recurrence: { frequency: 'WEEKLY', days: ['MON', 'WED'], count: 3 } });
    const until = rule({ id: 'r2', recurrence: { frequency: 'WEEKLY', days: ['FRI'], until: '2026-06-12T07:00:00' } });
    const all = expandRules([counted, until], NY, ms('2026-05-01T00:00:00Z'), ms('2026-07-01T00:00:00Z'));
    assert.deepEqual(
      all.map((o) => `${o.ruleId} ${o.localStart}`),
      ['r1 2026-06-01T07:00:00', 'r1 2026-06-03T07:00:00', 'r2 2026-06-05T07:00:00', 'r1 2026-06-08T07:00:00', 'r2 2026-06-12T07:00:00'],
    );
  });

  it('walks an open-ended rule only over the range asked', () => {
    const forever = rule({ start: '2020-01-06T18:00:00', recurrence: { frequency: 'WEEKLY', days: ['MON'] } });
    const one = expandRules([forever], NY, ms('2026-06-01T00:00:00Z'), ms('2026-06-02T04:00:00Z'));
    assert.deepEqual(
      one.map((o) => o.localStart),
      ['2026-06-01T18:00:00'],
    );
    assert.ok(isOccurrence(forever, Temporal.PlainDateTime.from('2026-06-01T18:00:00')));
    assert.ok(!isOccurrence(forever, Temporal.PlainDateTime.from('2026-06-02T18:00:00')));
  });

  it('keeps a single session and a course schedule in order', () => {
    const single = rule({ start: '2026-06-10T12:00:00' });
    assert.deepEqual(
      allOccurrences([single], NY).map((o) => o.localStart),
      ['2026-06-10T12:00:00'],
    );
  });
});

describe('booking policy', () => {
  const policy = {
    limitEarlyBookingPolicy: { enabled: true, earliestBookingInMinutes: 60 * 24 },
    limitLateBookingPolicy: { enabled: true, latestBookingInMinutes: 60 },
  };
  const start = ms('2026-06-02T15:00:00Z');
  const at = (now: string) =>
    policyViolations({ startMs: start, endMs: start + 3_600_000, nowMs: ms(now), policy, onlineBookingEnabled: true });

  it('is too early before the early limit, too late inside the late limit, fine between', () => {
    assert.deepEqual(at('2026-06-01T12:00:00Z'), {
      tooEarlyToBook: true,
      earliestBookingDate: '2026-06-01T15:00:00.000Z',
      tooLateToBook: false,
      bookOnlineDisabled: false,
    });
    assert.deepEqual(at('2026-06-02T12:00:00Z'), { tooEarlyToBook: false, tooLateToBook: false, bookOnlineDisabled: false });
    assert.equal(at('2026-06-02T14:30:00Z').tooLateToBook, true);
  });

  it('says when online booking is off', () => {
    assert.equal(
      policyViolations({ startMs: start, endMs: start + 1, nowMs: start - 1e8, policy, onlineBookingEnabled: false }).bookOnlineDisabled,
      true,
    );
  });
});
