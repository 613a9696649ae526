/**
 * The session rule form's model: a rule as the form's fields (strings as typed), the fields checked before Save
 * (each message beside its field), the server's refusals mapped to the same fields, and the rule to send. Pure.
 */
import { WEEKDAYS, type SessionRule, type Weekday } from '../../model/business.js';
import { SCHEDULE_TEXT as T } from './schedule-texts.js';
import { weekdayOf } from './rule-words.js';

export type RuleKind = 'WEEKLY' | 'SINGLE';
export type RuleEnd = 'NEVER' | 'ON_DATE' | 'AFTER';

export interface RuleDraft {
  kind: RuleKind;
  days: Weekday[];
  /** The first (or only) date, `YYYY-MM-DD`. */
  date: string;
  /** `HH:MM`. */
  time: string;
  duration: string;
  end: RuleEnd;
  untilDate: string;
  count: string;
  staffMemberId: string;
  capacity: string;
}

export type DraftField = 'days' | 'date' | 'time' | 'duration' | 'untilDate' | 'count' | 'staffMemberId' | 'capacity';
export type DraftErrors = Partial<Record<DraftField, string>>;

/** What a rule is made of, as the server takes it (`sessionRule` of create; update adds the revision). */
export type RuleFields = Omit<SessionRule, 'id' | 'scheduleId' | 'revision'>;

/** A rule as the form shows it; a new one starts weekly on `day`'s weekday at 18:00 for an hour. */
export function draftOf(rule: SessionRule | undefined, day: string): RuleDraft {
  if (!rule) {
    return {
      kind: 'WEEKLY',
      days: [weekdayOf(day)],
      date: day,
      time: '18:00',
      duration: '60',
      end: 'NEVER',
      untilDate: '',
      count: '',
      staffMemberId: '',
      capacity: '',
    };
  }
  const r = rule.recurrence;
  return {
    kind: r ? 'WEEKLY' : 'SINGLE',
    days: r ? [...r.days] : [weekdayOf(rule.start)],
    date: rule.start.slice(0, 10),
    time: rule.start.slice(11, 16),
    duration: String(rule.durationInMinutes),
    end: r?.until ? 'ON_DATE' : r?.count !== undefined ? 'AFTER' : 'NEVER',
    untilDate: r?.until?.slice(0, 10) ?? '',
    count: r?.count !== undefined ? String(r.count) : '',
    staffMemberId: rule.staffMemberId ?? '',
    capacity: rule.capacity !== undefined ? String(rule.capacity) : '',
  };
}

const isDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const isTime = (v: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);
const wholeIn = (v: string, min: number, max: number): boolean => /^\d+$/.test(v.trim()) && +v >= min && +v <= max;

/** What is wrong, field by field, before anything is sent. */
export function draftErrors(d: RuleDraft): DraftErrors {
  const errors: DraftErrors = {};
  if (d.kind === 'WEEKLY' && d.days.length === 0) errors.days = T.daysMissing;
  if (!isDate(d.date)) errors.date = T.dateMissing;
  if (!isTime(d.time)) errors.time = T.timeMissing;
  if (!wholeIn(d.duration, 1, 1440)) errors.duration = T.durationBad;
  if (d.kind === 'WEEKLY' && d.end === 'ON_DATE' && (!isDate(d.untilDate) || d.untilDate < d.date)) errors.untilDate = T.untilBad;
  if (d.kind === 'WEEKLY' && d.end === 'AFTER' && !wholeIn(d.count, 1, 1000)) errors.count = T.countBad;
  if (d.capacity.trim() !== '' && !wholeIn(d.capacity, 1, 10000)) errors.capacity = T.capacityBad;
  return errors;
}

/**
 * The rule to send. The last date is inclusive: the rule runs until that day's end. A blank capacity on a rule
 * that had one sends the service's own (the server's update keeps a field that is left out).
 */
export function fieldsOf(d: RuleDraft, serviceId: string, defaultCapacity: number | undefined, title?: string): RuleFields {
  const days = WEEKDAYS.filter((day) => d.days.includes(day));
  const capacity = d.capacity.trim() !== '' ? Number(d.capacity) : defaultCapacity;
  return {
    serviceId,
    ...(title ? { title } : {}),
    start: `${d.date}T${d.time}:00`,
    durationInMinutes: Number(d.duration),
    ...(d.kind === 'WEEKLY'
      ? {
          recurrence: {
            frequency: 'WEEKLY' as const,
            days,
            ...(d.end === 'ON_DATE' ? { until: `${d.untilDate}T23:59:59` } : {}),
            ...(d.end === 'AFTER' ? { count: Number(d.count) } : {}),
          },
        }
      : {}),
    ...(d.staffMemberId ? { staffMemberId: d.staffMemberId } : {}),
    ...(capacity !== undefined ? { capacity } : {}),
  };
}

const SERVER_FIELDS: Record<string, DraftField> = {
  'sessionRule.start': 'date',
  'sessionRule.durationInMinutes': 'duration',
  'sessionRule.recurrence.days': 'days',
  'sessionRule.recurrence.until': 'untilDate',
  'sessionRule.recurrence.count': 'count',
  'sessionRule.staffMemberId': 'staffMemberId',
  'sessionRule.capacity': 'capacity',
};

/** The server's field refusals beside the form's fields; one it names that the form has not is answered whole. */
export function serverErrors(violations: readonly { field: string; description: string }[]): { fields: DraftErrors; other: string[] } {
  const fields: DraftErrors = {};
  const other: string[] = [];
  for (const v of violations) {
    const key = Object.keys(SERVER_FIELDS).find((f) => v.field === f || v.field.startsWith(`${f}[`) || v.field.startsWith(`${f}.`));
    const field = key ? SERVER_FIELDS[key] : undefined;
    if (field) fields[field] ??= v.description;
    else other.push(`${v.field} ${v.description}`);
  }
  return { fields, other };
}
