/**
 * `isOccurrence` answers in constant time what walking the rule's `localStarts` answers: checked over weekly rules
 * with and without `count` and `until`, several weekday sets, and dates before, on and long after the start.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { isOccurrence, localStarts } from '../../server/domain/availability/sessions.js';
import type { SessionRule, Weekday } from '../../src/model/business.js';

const walked = (rule: SessionRule, local: Temporal.PlainDateTime) =>
  [...localStarts(rule, local.toPlainDate())].some((s) => Temporal.PlainDateTime.compare(s, local) === 0);

it('matches the walk over localStarts for every date of two years', () => {
  const shapes: { days: Weekday[]; count?: number; until?: string }[] = [
    { days: ['MON'] },
    { days: ['TUE', 'THU'], count: 7 },
    { days: ['SAT', 'SUN', 'WED'], count: 20 },
    { days: ['FRI'], until: '2027-03-05T18:00:00' },
    { days: ['MON', 'FRI'], count: 5, until: '2026-12-31T09:30:00' },
    { days: [] },
  ];
  const base = { id: 'r', serviceId: 's', durationInMinutes: 60, revision: '1' } as unknown as SessionRule;
  let checked = 0;
  let occurrences = 0;
  for (const shape of shapes) {
    for (const start of ['2026-11-04T09:30:00', '2026-11-08T18:00:00']) {
      const rule: SessionRule = { ...base, start, recurrence: { frequency: 'WEEKLY', ...shape } } as SessionRule;
      const time = start.slice(11);
      for (
        let date = Temporal.PlainDate.from('2026-10-01');
        Temporal.PlainDate.compare(date, Temporal.PlainDate.from('2028-10-01')) < 0;
        date = date.add({ days: 1 })
      ) {
        for (const at of [time, '07:00:00']) {
          const local = Temporal.PlainDateTime.from(`${date.toString()}T${at}`);
          const expected = walked(rule, local);
          assert.equal(isOccurrence(rule, local), expected, `${JSON.stringify(shape)} from ${start}: ${local.toString()}`);
          checked++;
          if (expected) occurrences++;
        }
      }
    }
  }
  const single = { ...base, start: '2026-12-05T10:00:00' } as SessionRule;
  assert.equal(isOccurrence(single, Temporal.PlainDateTime.from('2026-12-05T10:00:00')), true);
  assert.equal(isOccurrence(single, Temporal.PlainDateTime.from('2026-12-12T10:00:00')), false);
  assert.ok(checked > 15_000 && occurrences > 200, `${checked} dates checked, ${occurrences} occurrences among them`);
});
