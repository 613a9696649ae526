/**
 * The time off editor's rules, apart from the element: the server's ranges as rows of two `datetime-local`
 * values, what is wrong beside which field, the server's refusals by row, and the API's shape to save.
 */
import type { TimeOff } from '../../model/business.js';
import type { FieldViolation } from '../../model/errors.js';
import { STAFF_TEXT as T } from './staff-texts.js';

export interface TimeOffRow {
  key: number;
  /** `YYYY-MM-DDTHH:MM`, as a `datetime-local` input holds it; '' while not typed. */
  start: string;
  end: string;
}
export type TimeOffField = 'start' | 'end';
export type TimeOffErrors = Map<number, Partial<Record<TimeOffField, string>>>;

let nextKey = 1;
export const newTimeOff = (start = '', end = ''): TimeOffRow => ({ key: nextKey++, start, end });

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const timeOffRows = (ranges: readonly TimeOff[]): TimeOffRow[] =>
  ranges.map((r) => newTimeOff(r.start.slice(0, 16), r.end.slice(0, 16)));

export const timeOffOf = (rows: readonly TimeOffRow[]): TimeOff[] => rows.map((r) => ({ start: `${r.start}:00`, end: `${r.end}:00` }));

/** A missing date-time, or an end not after its start (the same text form sorts as time does). */
export function timeOffErrors(rows: readonly TimeOffRow[]): TimeOffErrors {
  const errors: TimeOffErrors = new Map();
  for (const r of rows) {
    const e: Partial<Record<TimeOffField, string>> = {};
    if (!LOCAL.test(r.start)) e.start = T.dateTimeMissing;
    if (!LOCAL.test(r.end)) e.end = T.dateTimeMissing;
    else if (!e.start && r.end <= r.start) e.end = T.endAfterStart;
    if (e.start || e.end) errors.set(r.key, e);
  }
  return errors;
}

/** The server's refusals of `staffMember.timeOff[i].start|end` beside row i. */
export function timeOffServerErrors(rows: readonly TimeOffRow[], violations: readonly FieldViolation[]): TimeOffErrors {
  const errors: TimeOffErrors = new Map();
  for (const v of violations) {
    const m = /timeOff\[(\d+)\]\.(start|end)/.exec(v.field);
    const row = m ? rows[Number(m[1])] : undefined;
    if (row && m) errors.set(row.key, { ...errors.get(row.key), [m[2] === 'start' ? 'start' : 'end']: v.description });
  }
  return errors;
}
