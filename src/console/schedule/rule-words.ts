/**
 * Session rules in words ("Mon, Wed, Fri 07:00 for 60 min, from 7 Dec until 28 Feb") and a course's span (its
 * first and last session), from the rule's local date-times alone: no zone is involved, so a DST week reads the
 * same as any other. Pure, unit-tested.
 */
import { WEEKDAYS, type SessionRule, type Weekday } from '../../model/business.js';
import { SCHEDULE_TEXT as T } from './schedule-texts.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const DAY_NAMES: Record<Weekday, string> = { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' };
export const DAY_FULL_NAMES: Record<Weekday, string> = {
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  SUN: 'Sunday',
};

const DAY_MS = 86_400_000;
const epochDay = (day: string): number => Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS;
const dayOfEpoch = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The weekday of a `YYYY-MM-DD` (or a local date-time's date). */
export function weekdayOf(day: string): Weekday {
  // 1970-01-01 was a Thursday (index 3 from Monday).
  return WEEKDAYS[(((epochDay(day) + 3) % 7) + 7) % 7] as Weekday;
}

/** "7 Dec" from a date or local date-time. */
export function shortDate(local: string): string {
  const [, month, day] = local.slice(0, 10).split('-').map(Number);
  return `${day ?? ''} ${MONTHS[(month ?? 1) - 1] ?? ''}`;
}

/** "Tue 8 Dec 19:00" from a local date-time. */
export function sessionWhen(local: string): string {
  return `${DAY_NAMES[weekdayOf(local)]} ${shortDate(local)} ${local.slice(11, 16)}`;
}

/** The weekdays in Monday-first order, named ("Mon, Wed, Fri"). */
export function daysInWords(days: readonly Weekday[]): string {
  return WEEKDAYS.filter((d) => days.includes(d))
    .map((d) => DAY_NAMES[d])
    .join(', ');
}

/** A rule in one line; the teacher's name and the capacity override added when given. */
export function ruleInWords(rule: Omit<SessionRule, 'id' | 'scheduleId' | 'revision'>, staffName?: string): string {
  const r = rule.recurrence;
  let words: string;
  if (!r) words = T.singleWords(`${shortDate(rule.start)} ${rule.start.slice(11, 16)}`, rule.durationInMinutes);
  else {
    const from = shortDate(rule.start);
    const span = r.until ? T.fromUntil(from, shortDate(r.until)) : r.count ? T.fromCount(from, r.count) : T.fromOn(from);
    words = `${T.weeklyWords(daysInWords(r.days), rule.start.slice(11, 16), rule.durationInMinutes)}, ${span}`;
  }
  const extras = [staffName ? T.withStaff(staffName) : '', rule.capacity ? T.capacityWords(rule.capacity) : ''].filter(Boolean);
  return extras.length ? `${words}, ${extras.join(', ')}` : words;
}

/** Rules without an end are read this far for a course's span, as the server reads them. */
const OPEN_ENDED_DAYS = 366;

/**
 * A rule's session starts in order (local date-times), as the server expands them: from the first date on, each
 * listed weekday at the start time, until `until` or `count` sessions (or `limitDays` after the start).
 */
export function sessionStarts(rule: Pick<SessionRule, 'start' | 'recurrence'>, limitDays = OPEN_ENDED_DAYS): string[] {
  const r = rule.recurrence;
  if (!r) return [rule.start];
  const time = rule.start.slice(10);
  const first = epochDay(rule.start);
  const starts: string[] = [];
  for (let d = first; d <= first + limitDays; d++) {
    const day = dayOfEpoch(d);
    if (!r.days.includes(weekdayOf(day))) continue;
    const start = `${day}${time}`;
    if (r.until && start > r.until) break;
    if (r.count !== undefined && starts.length >= r.count) break;
    starts.push(start);
  }
  return starts;
}

/** A course's schedule in words: how many sessions, the first and the last (or that it has no end). */
export function courseSpan(rules: readonly Pick<SessionRule, 'start' | 'recurrence'>[]): string | undefined {
  const open = rules.some((r) => r.recurrence && !r.recurrence.until && r.recurrence.count === undefined);
  const starts = rules.flatMap((r) => sessionStarts(r)).sort();
  const first = starts[0];
  const last = starts[starts.length - 1];
  if (!first || !last) return undefined;
  return open ? T.courseOpen(sessionWhen(first)) : T.courseSpan(starts.length, sessionWhen(first), sessionWhen(last));
}
