/** The business, its staff and schedules (extension, shaped after Wix Resources and Calendar events). */
import type { LocalDateTime, TimeZone, Timestamp } from './common.js';

export interface Business {
  id: string;
  name: string;
  timeZone: TimeZone;
  currency: string;
  locale: string;
  email?: string;
}

export type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';
export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/** A weekly working interval in the business's zone, `HH:MM` to `HH:MM`. */
export interface WorkingHours {
  day: Weekday;
  startTime: string;
  endTime: string;
}

/**
 * Time a staff member is away (extension): a day or part of one, `start` to `end` as local date-times in the
 * business's zone (as session rules), end excluded. No appointment slot of theirs overlaps it.
 */
export interface TimeOff {
  start: LocalDateTime;
  end: LocalDateTime;
}

export interface StaffMember {
  id: string;
  name: string;
  email?: string;
  /** The staff member's own schedule (their calendar). */
  scheduleId: string;
  workingHours: WorkingHours[];
  /** Days and part days off, earliest first. */
  timeOff: TimeOff[];
  createdDate: Timestamp;
  updatedDate: Timestamp;
  revision: string;
}

/**
 * A session rule of a class or course schedule: either weekly recurring (`recurrence` set, from `start`
 * until `until` or `count` occurrences) or a single session. Times are local to the business's zone.
 */
export interface SessionRule {
  id: string;
  scheduleId: string;
  serviceId: string;
  title?: string;
  /** First occurrence's local start. */
  start: LocalDateTime;
  durationInMinutes: number;
  recurrence?: { frequency: 'WEEKLY'; days: Weekday[]; until?: LocalDateTime; count?: number };
  staffMemberId?: string;
  capacity?: number;
  revision: string;
}

/** A concrete class or course session (a calendar event). */
export interface CalendarEvent {
  id: string;
  scheduleId: string;
  serviceId: string;
  ruleId?: string;
  title?: string;
  localStartDate: LocalDateTime;
  localEndDate: LocalDateTime;
  timeZone: TimeZone;
  capacity: number;
  staffMemberId?: string;
  status: 'CONFIRMED' | 'CANCELLED';
}
