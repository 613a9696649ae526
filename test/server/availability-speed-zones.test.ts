/**
 * Slot queries convert wall time and instants with offsets precomputed per zone (zone-offsets.ts) instead of
 * asking Temporal for each slot. These tests hold the fast path to Temporal's answers: every quarter hour of
 * spring-forward and fall-back days, and the appointment slots of those days against a Temporal-only reference
 * (the generator as it was before the offsets).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS } from '../../src/model/business.js';
import { workingSlots, type Interval, type SlotGrid, type StaffHours } from '../../server/domain/availability/appointments.js';
import { expandRules } from '../../server/domain/availability/sessions.js';
import { localText } from '../../server/domain/availability/time.js';
import { ZoneOffsets } from '../../server/domain/availability/zone-offsets.js';

const MINUTE_MS = 60_000;

/** Zones and their change days (spring forward, fall back) in 2026; Lord Howe moves by half an hour. */
const ZONES: { zone: string; days: string[] }[] = [
  { zone: 'America/New_York', days: ['2026-03-08', '2026-11-01'] },
  { zone: 'Europe/London', days: ['2026-03-29', '2026-10-25'] },
  { zone: 'Australia/Sydney', days: ['2026-10-04', '2026-04-05'] },
  { zone: 'Australia/Lord_Howe', days: ['2026-10-04', '2026-04-05'] },
  { zone: 'Asia/Kolkata', days: ['2026-03-08'] },
];

/** Temporal's instant of a wall time: null in a gap, the earlier when ambiguous (time.ts's rule). */
function temporalInstant(local: Temporal.PlainDateTime, zone: string): number | null {
  const zoned = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  return Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), local) === 0 ? zoned.epochMilliseconds : null;
}

const wallMs = (local: Temporal.PlainDateTime) =>
  Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);

/** The appointment generator before precomputed offsets, Temporal all the way. */
function referenceSlots(staff: StaffHours, grid: SlotGrid): Interval[] {
  const toDate = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(grid.zone).toPlainDate();
  const last = toDate(grid.toMs).add({ days: 1 });
  const out: Interval[] = [];
  const seen = new Set<number>();
  for (let date = toDate(grid.fromMs).subtract({ days: 1 }); Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
    const at = (minute: number) => temporalInstant(date.toPlainDateTime({ hour: 0 }).add({ minutes: minute }), grid.zone);
    for (const hours of staff.workingHours) {
      if (hours.day !== WEEKDAYS[date.dayOfWeek - 1]) continue;
      const [open, close] = [hours.startTime, hours.endTime].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))) as [
        number,
        number,
      ];
      const edge = (minute: number): number => at(minute) ?? edge(minute + 1);
      const windowEnd = edge(close);
      let freeFrom = edge(open);
      for (let minute = open; minute + grid.durationMinutes <= close; minute += grid.durationMinutes + grid.gapMinutes) {
        const startMs = at(minute);
        if (startMs === null) continue;
        const endMs = startMs + grid.durationMinutes * MINUTE_MS;
        if (startMs < freeFrom || endMs > windowEnd) continue;
        freeFrom = endMs + grid.gapMinutes * MINUTE_MS;
        if (startMs < grid.fromMs || startMs >= grid.toMs || seen.has(startMs)) continue;
        seen.add(startMs);
        out.push({ startMs, endMs });
      }
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

describe('precomputed zone offsets agree with Temporal', () => {
  for (const { zone, days } of ZONES) {
    it(`every quarter hour around the change days in ${zone}`, () => {
      const offsets = new ZoneOffsets(zone);
      for (const day of days) {
        const start = Temporal.PlainDate.from(day).subtract({ days: 1 }).toPlainDateTime({ hour: 0 });
        for (let quarter = 0; quarter < 3 * 96; quarter++) {
          const local = start.add({ minutes: quarter * 15 });
          const expected = temporalInstant(local, zone);
          assert.equal(offsets.instantOf(wallMs(local)), expected, `${zone} ${local.toString()}`);
          if (expected === null) continue;
          for (const ms of [expected, expected + 7 * MINUTE_MS, expected - 1]) {
            const text = Temporal.Instant.fromEpochMilliseconds(ms)
              .toZonedDateTimeISO(zone)
              .toPlainDateTime()
              .toString({ smallestUnit: 'second' });
            assert.equal(localText(ms, zone), text, `${zone} ${ms}`);
          }
        }
      }
    });
  }

  it('wall text across year ends and far years', () => {
    for (const iso of ['2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00Z', '1969-12-31T23:00:00Z', '2099-06-30T12:34:56Z']) {
      const ms = Date.parse(iso);
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London', 'America/New_York']) {
        const text = Temporal.Instant.fromEpochMilliseconds(ms)
          .toZonedDateTimeISO(zone)
          .toPlainDateTime()
          .toString({ smallestUnit: 'second' });
        assert.equal(localText(ms, zone), text, `${zone} ${iso}`);
      }
    }
  });
});

describe('appointment slots on change days are the same as before the offsets', () => {
  const allDay = WEEKDAYS.map((day) => ({ day, startTime: '00:00', endTime: '24:00' }));
  const shifts = WEEKDAYS.flatMap((day) => [
    { day, startTime: '00:30', endTime: '03:15' },
    { day, startTime: '22:00', endTime: '24:00' },
  ]);
  for (const zone of ['America/New_York', 'Europe/London']) {
    const days = ZONES.find((z) => z.zone === zone)?.days ?? [];
    for (const day of days) {
      for (const [durationMinutes, gapMinutes] of [
        [60, 0],
        [45, 15],
        [25, 5],
      ] as const) {
        it(`${zone} ${day}: ${durationMinutes} min slots, ${gapMinutes} min apart`, () => {
          const from = Temporal.PlainDate.from(day).subtract({ days: 1 }).toZonedDateTime(zone).epochMilliseconds;
          const to = Temporal.PlainDate.from(day).add({ days: 2 }).toZonedDateTime(zone).epochMilliseconds;
          for (const workingHours of [allDay, shifts]) {
            const staff = { id: 's', name: 'S', workingHours };
            const grid = { zone, fromMs: from, toMs: to, durationMinutes, gapMinutes };
            const fast = workingSlots(staff, grid);
            assert.ok(fast.length > 0);
            assert.deepEqual(fast, referenceSlots(staff, grid));
          }
        });
      }
    }
  }

  it('class sessions at a repeated and a missing wall time', () => {
    const rule = (id: string, start: string) => ({
      id,
      scheduleId: 'sch',
      serviceId: 'svc',
      start,
      durationInMinutes: 60,
      recurrence: { frequency: 'WEEKLY' as const, days: [...WEEKDAYS] },
      revision: '1',
    });
    const zone = 'America/New_York';
    const from = Date.parse('2026-03-01T00:00:00Z');
    const to = Date.parse('2026-11-10T00:00:00Z');
    const occurrences = expandRules([rule('gap', '2026-01-01T02:30:00'), rule('twice', '2026-01-01T01:30:00')], zone, from, to);
    const starts = (id: string) => occurrences.filter((o) => o.ruleId === id);
    assert.equal(
      starts('gap').find((o) => o.localStart === '2026-03-08T02:30:00'),
      undefined,
    );
    assert.equal(starts('twice').find((o) => o.localStart === '2026-11-01T01:30:00')?.startMs, Date.parse('2026-11-01T05:30:00Z'));
    for (const o of occurrences) {
      const expected = temporalInstant(Temporal.PlainDateTime.from(o.localStart), zone);
      assert.equal(o.startMs, expected, o.localStart);
      assert.equal(o.endMs - o.startMs, 60 * MINUTE_MS);
    }
    assert.equal(starts('gap').length + 1, starts('twice').length);
  });
});
