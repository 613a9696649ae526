/**
 * Class and course sessions from session rules (pure): weekly recurring rules (days, `until`, `count`) and single
 * sessions, expanded in the business's zone. A session whose local start falls in a DST gap does not happen; an
 * ambiguous start means the earlier instant; every session lasts its full duration in real time.
 */
import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type SessionRule } from '../../../src/model/business.js';
import { existingInstant, DAY_MS, MINUTE_MS } from './time.js';
import { wallText, zoneOffsets } from './zone-offsets.js';

export interface Occurrence {
  ruleId: string;
  /** Local start in the business's zone, `YYYY-MM-DDTHH:MM:SS` (the event id's second half). */
  localStart: string;
  startMs: number;
  endMs: number;
  /** The local start it was moved to (a per-session override); `localStart` stays its rule's, so its event id. */
  movedTo?: string;
}

/** Rules without `count` or `until` run forever; a course's schedule is read at most this far from its start. */
export const OPEN_ENDED_HORIZON_DAYS = 366;

/** Nominal local starts of `rule`, in order, from its start to `lastDate` (inclusive), honouring until/count. */
export function* localStarts(rule: SessionRule, lastDate: Temporal.PlainDate): Generator<Temporal.PlainDateTime> {
  const first = Temporal.PlainDateTime.from(rule.start);
  if (!rule.recurrence) {
    if (Temporal.PlainDate.compare(first.toPlainDate(), lastDate) <= 0) yield first;
    return;
  }
  const days = new Set(rule.recurrence.days.map((d) => WEEKDAYS.indexOf(d) + 1));
  if (days.size === 0) return;
  const until = rule.recurrence.until ? Temporal.PlainDateTime.from(rule.recurrence.until) : null;
  const count = rule.recurrence.count;
  let seen = 0;
  for (let date = first.toPlainDate(); Temporal.PlainDate.compare(date, lastDate) <= 0; date = date.add({ days: 1 })) {
    if (!days.has(date.dayOfWeek)) continue;
    const start = date.toPlainDateTime(first.toPlainTime());
    if (until && Temporal.PlainDateTime.compare(start, until) > 0) return;
    if (count !== undefined && seen >= count) return;
    seen += 1;
    yield start;
  }
}

/** Days since 1970-01-01 of a calendar date, and its ISO weekday (1 = Monday; that day was a Thursday). */
const epochDay = (d: { year: number; month: number; day: number }): number => Date.UTC(d.year, d.month - 1, d.day) / DAY_MS;
const weekdayOf = (epochDays: number): number => ((((epochDays + 3) % 7) + 7) % 7) + 1;

/**
 * Whether `localStart` is one of the rule's nominal occurrences: the same as looking for it among `localStarts`,
 * in constant time (a booking names its session on every create, however old the rule).
 */
export function isOccurrence(rule: SessionRule, localStart: Temporal.PlainDateTime): boolean {
  const first = Temporal.PlainDateTime.from(rule.start);
  if (Temporal.PlainTime.compare(first.toPlainTime(), localStart.toPlainTime()) !== 0) return false;
  if (!rule.recurrence) return Temporal.PlainDateTime.compare(first, localStart) === 0;
  const days = new Set(rule.recurrence.days.map((d) => WEEKDAYS.indexOf(d) + 1));
  const from = epochDay(first);
  const day = epochDay(localStart);
  if (day < from || !days.has(weekdayOf(day))) return false;
  if (rule.recurrence.until && Temporal.PlainDateTime.compare(localStart, Temporal.PlainDateTime.from(rule.recurrence.until)) > 0)
    return false;
  const count = rule.recurrence.count;
  if (count === undefined) return true;
  // Occurrences before this one: whole weeks since the first date, then the days of the last part-week.
  const weeks = Math.floor((day - from) / 7);
  let before = weeks * days.size;
  for (let d = from + weeks * 7; d < day; d++) if (days.has(weekdayOf(d))) before++;
  return before < count;
}

function occurrence(rule: SessionRule, local: Temporal.PlainDateTime, zone: string): Occurrence | null {
  const start = existingInstant(local, zone);
  if (!start) return null;
  return {
    ruleId: rule.id,
    localStart: local.toString({ smallestUnit: 'second' }),
    startMs: start.epochMilliseconds,
    endMs: start.epochMilliseconds + rule.durationInMinutes * MINUTE_MS,
  };
}

/** A local date-time as `Date.UTC(...)` of its fields (wall-clock arithmetic without Temporal objects). */
const wallMs = (t: Temporal.PlainDateTime): number => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);

/**
 * Occurrences of `rules` that start in [fromMs, toMs), sorted by start. Open-ended weekly rules are walked only
 * over the range's dates (plus a day each side for zone offsets), so the cost follows the range, not the rule's age.
 * Dates are walked as wall-clock milliseconds and converted with the zone's precomputed offsets (the same rules
 * as `localStarts` and `occurrence`, without Temporal per session).
 */
export function expandRules(rules: readonly SessionRule[], zone: string, fromMs: number, toMs: number): Occurrence[] {
  const offsets = zoneOffsets(zone);
  const dayOf = (ms: number): number => Math.floor(offsets.wallOf(ms) / DAY_MS) * DAY_MS;
  const firstDay = dayOf(fromMs) - DAY_MS;
  const lastDay = dayOf(toMs) + DAY_MS;
  const out: Occurrence[] = [];
  for (const rule of rules) {
    const first = wallMs(Temporal.PlainDateTime.from(rule.start));
    const ruleDay = Math.floor(first / DAY_MS) * DAY_MS;
    const emit = (wall: number): void => {
      const startMs = offsets.instantOf(wall);
      if (startMs === null || startMs < fromMs || startMs >= toMs) return;
      out.push({ ruleId: rule.id, localStart: wallText(wall), startMs, endMs: startMs + rule.durationInMinutes * MINUTE_MS });
    };
    if (!rule.recurrence) {
      if (ruleDay <= lastDay) emit(first);
      continue;
    }
    // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
    const days = new Set(rule.recurrence.days.map((d) => (WEEKDAYS.indexOf(d) + 1) % 7));
    const until = rule.recurrence.until ? wallMs(Temporal.PlainDateTime.from(rule.recurrence.until)) : null;
    const count = rule.recurrence.count;
    // An open-ended (or until-bounded) rule needs no counting from its start: jump to the range.
    let seen = 0;
    for (let day = count === undefined ? Math.max(ruleDay, firstDay) : ruleDay; day <= lastDay; day += DAY_MS) {
      if (!days.has(new Date(day).getUTCDay())) continue;
      const wall = day + (first - ruleDay);
      if ((until !== null && wall > until) || (count !== undefined && seen >= count)) break;
      seen += 1;
      emit(wall);
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** Every occurrence of `rules` (a course's schedule), open-ended rules cut at the horizon. */
export function allOccurrences(rules: readonly SessionRule[], zone: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const rule of rules) {
    const last = Temporal.PlainDateTime.from(rule.start).toPlainDate().add({ days: OPEN_ENDED_HORIZON_DAYS });
    for (const local of localStarts(rule, last)) {
      const o = occurrence(rule, local, zone);
      if (o) out.push(o);
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs);
}

export const occurrenceKey = (ruleId: string, localStart: string): string => `${ruleId}|${localStart}`;
