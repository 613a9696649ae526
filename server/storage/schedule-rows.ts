/**
 * A session rule as a row of `session_rules` and back, the same on both backends (the columns and their order
 * are the migrations' own): the SQLite and PostgreSQL schedule stores differ only in how they run statements.
 */
import type { SessionRule, Weekday } from '../../src/model/business.js';
import type { SessionMove } from './types.js';

export interface RuleRow {
  id: string;
  schedule_id: string;
  service_id: string;
  title: string | null;
  start_local: string;
  duration_minutes: number;
  recurrence_days: string | null;
  until_local: string | null;
  occurrence_count: number | null;
  staff_id: string | null;
  capacity: number | null;
  revision: number;
}

export function rowToRule(r: RuleRow): SessionRule {
  return {
    id: r.id,
    scheduleId: r.schedule_id,
    serviceId: r.service_id,
    ...(r.title ? { title: r.title } : {}),
    start: r.start_local,
    durationInMinutes: r.duration_minutes,
    ...(r.recurrence_days
      ? {
          recurrence: {
            frequency: 'WEEKLY' as const,
            days: r.recurrence_days.split(',') as Weekday[],
            ...(r.until_local ? { until: r.until_local } : {}),
            ...(r.occurrence_count !== null ? { count: r.occurrence_count } : {}),
          },
        }
      : {}),
    ...(r.staff_id ? { staffMemberId: r.staff_id } : {}),
    ...(r.capacity !== null ? { capacity: r.capacity } : {}),
    revision: String(r.revision),
  };
}

/** The rule's columns from schedule_id to revision, in the order the statements below name them. */
export function ruleParams(r: SessionRule): (string | number | null)[] {
  return [
    r.scheduleId,
    r.serviceId,
    r.title ?? null,
    r.start,
    r.durationInMinutes,
    r.recurrence ? r.recurrence.days.join(',') : null,
    r.recurrence?.until ?? null,
    r.recurrence?.count ?? null,
    r.staffMemberId ?? null,
    r.capacity ?? null,
    Number(r.revision),
  ];
}

export interface MoveRow {
  rule_id: string;
  local_start: string;
  moved_start: string;
  duration_minutes: number;
}

export const rowToMove = (r: MoveRow): SessionMove => ({
  ruleId: r.rule_id,
  localStart: r.local_start,
  movedStart: r.moved_start,
  durationInMinutes: r.duration_minutes,
});
