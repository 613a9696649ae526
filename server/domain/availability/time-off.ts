/**
 * A staff member's time off (extension): days and part days away, as local date-times in the business's zone.
 * Checked when saved (real date-times, end after start), kept earliest first, and turned into busy instants in
 * the zone when slots are asked, so a day off across a DST change is that calendar day (23 or 25 hours).
 */
import { Temporal } from 'temporal-polyfill';
import type { TimeOff } from '../../../src/model/business.js';
import { ValidationError } from '../errors.js';
import type { Interval } from './appointments.js';
import { boundaryInstant, parseLocalDateTime } from './time.js';

/** The ranges as stored: seconds spelled out, earliest first; an end not after its start is refused by index. */
export function checkTimeOff(ranges: readonly TimeOff[], field: string): TimeOff[] {
  const checked = ranges.map((r, i) => {
    const start = parseLocalDateTime(r.start, `${field}[${i}].start`);
    const end = parseLocalDateTime(r.end, `${field}[${i}].end`);
    if (Temporal.PlainDateTime.compare(start, end) >= 0) throw ValidationError.field(`${field}[${i}].end`, 'must be after start');
    return { start: start.toString({ smallestUnit: 'second' }), end: end.toString({ smallestUnit: 'second' }) };
  });
  return checked.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

/** The ranges as instants in `zone` overlapping [fromMs, toMs) (a boundary in a DST gap moves forward). */
export function timeOffIntervals(ranges: readonly TimeOff[], zone: string, fromMs: number, toMs: number): Interval[] {
  const out: Interval[] = [];
  for (const r of ranges) {
    const startMs = boundaryInstant(Temporal.PlainDateTime.from(r.start), zone).epochMilliseconds;
    const endMs = boundaryInstant(Temporal.PlainDateTime.from(r.end), zone).epochMilliseconds;
    if (startMs < toMs && endMs > fromMs) out.push({ startMs, endMs });
  }
  return out;
}
