/**
 * The weekly working hours editor's rules, apart from the element so they are tested alone: the rows the editor
 * shows (one or more ranges a weekday), what is wrong with each beside its field, and the API's shape to save.
 */
import { WEEKDAYS, type TimeOff, type Weekday, type WorkingHours } from '../../model/business.js';
import type { FieldViolation } from '../../model/errors.js';
import { STAFF_TEXT as T } from './staff-texts.js';

/** One range on screen; `key` stays the same while the owner edits, so a message stays beside its row. */
export interface HoursRow {
  key: number;
  day: Weekday;
  startTime: string;
  endTime: string;
}

export type HoursField = 'startTime' | 'endTime';
/** What is wrong, by row key and field. */
export type HoursErrors = Map<number, Partial<Record<HoursField, string>>>;

let nextKey = 1;
export const newRow = (day: Weekday, startTime = '09:00', endTime = '17:00'): HoursRow => ({ key: nextKey++, day, startTime, endTime });

/** The server's ranges as editor rows, each weekday's earliest first. */
export function rowsOf(hours: readonly WorkingHours[]): HoursRow[] {
  return sortRows(hours.map((h) => newRow(h.day, h.startTime, h.endTime)));
}

export function sortRows(rows: readonly HoursRow[]): HoursRow[] {
  const order = (d: Weekday) => WEEKDAYS.indexOf(d);
  return [...rows].sort((a, b) => order(a.day) - order(b.day) || a.startTime.localeCompare(b.startTime));
}

/** "HH:MM" (or "24:00") as minutes of the day; null when it is not a time. */
export function minutesOf(time: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return null;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** Every row's problems: a missing time, an end not after its start, a range overlapping another the same day. */
export function hoursErrors(rows: readonly HoursRow[]): HoursErrors {
  const errors: HoursErrors = new Map();
  const add = (key: number, field: HoursField, message: string) => errors.set(key, { ...errors.get(key), [field]: message });
  const valid: { row: HoursRow; start: number; end: number }[] = [];
  for (const row of rows) {
    const start = minutesOf(row.startTime);
    const end = minutesOf(row.endTime);
    if (start === null) add(row.key, 'startTime', T.timeMissing);
    if (end === null) add(row.key, 'endTime', T.timeMissing);
    if (start === null || end === null) continue;
    if (end <= start) add(row.key, 'endTime', T.endAfterStart);
    else valid.push({ row, start, end });
  }
  for (const [i, a] of valid.entries()) {
    const clash = valid.slice(0, i).find((b) => b.row.day === a.row.day && a.start < b.end && b.start < a.end);
    if (clash) add(a.row.key, 'startTime', T.overlaps(clash.row.startTime, clash.row.endTime));
  }
  return errors;
}

/** The rows as the API's working hours, in the editor's order (the server's field indexes follow it). */
export const hoursOf = (rows: readonly HoursRow[]): WorkingHours[] =>
  rows.map(({ day, startTime, endTime }) => ({ day, startTime, endTime }));

/**
 * The server's refusals of `staffMember.workingHours[i].<field>` beside row i; the rest (name, email, anything
 * else) by field name, for the form's other fields.
 */
export function serverErrors(rows: readonly HoursRow[], violations: readonly FieldViolation[]) {
  const hours: HoursErrors = new Map();
  const fields: Record<string, string> = {};
  for (const v of violations) {
    const m = /workingHours\[(\d+)\]\.?(startTime|endTime)?/.exec(v.field);
    const row = m ? rows[Number(m[1])] : undefined;
    if (row) {
      const field: HoursField = m?.[2] === 'startTime' ? 'startTime' : 'endTime';
      hours.set(row.key, { ...hours.get(row.key), [field]: v.description });
    } else fields[v.field.replace(/^staffMember\./, '')] = v.description;
  }
  return { hours, fields };
}

/** A short summary of a week's hours ("Mon 09:00–17:00, Tue …"), for the list and for someone else's save. */
export function hoursSummary(hours: readonly WorkingHours[]): string {
  if (hours.length === 0) return T.noHours;
  return rowsOf(hours)
    .map((h) => `${T.dayShort[h.day]} ${h.startTime}–${h.endTime}`)
    .join(', ');
}

/** A staff member's time off in short ("Time off: 2026-12-24 00:00 – 2026-12-25 00:00"), or nothing. */
export function timeOffSummary(ranges: readonly TimeOff[]): string {
  if (ranges.length === 0) return '';
  const at = (local: string) => local.slice(0, 16).replace('T', ' ');
  return `${T.timeOff}: ${ranges.map((r) => `${at(r.start)} – ${at(r.end)}`).join(', ')}`;
}
