/**
 * The week calendar's arithmetic (pure): weeks start on Monday; sessions sit at their local wall-clock times in
 * the studio's zone (the events list answers local date-times), so a DST week needs no offsets: 07:00 is drawn at
 * 07:00 on both sides of the change. Overlapping sessions share their day in lanes; a drop snaps to 15 minutes.
 */
import { addDays } from '../shared/studio-time.js';
import { weekdayOf } from './rule-words.js';
import { WEEKDAYS } from '../../model/business.js';
import type { SessionEvent } from '../../model/sessions.js';

/** What the calendar needs of a session from the events list (`client.schedule.listEvents`). */
export type WeekSession = Pick<
  SessionEvent,
  'id' | 'title' | 'serviceId' | 'localStartDate' | 'localEndDate' | 'capacity' | 'bookedCount' | 'status' | 'movedFrom'
>;

export const SNAP_MINUTES = 15;

/** The Monday of the week `day` (`YYYY-MM-DD`) falls in. */
export function mondayOf(day: string): string {
  return addDays(day, -WEEKDAYS.indexOf(weekdayOf(day)));
}

/** A valid `YYYY-MM-DD` from the address, or undefined. */
export function dayFromAddress(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : undefined;
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** The events list's range for the week: its Monday 00:00 to the next Monday 00:00, local. */
export function weekRange(monday: string): { fromLocalDate: string; toLocalDate: string } {
  return { fromLocalDate: `${monday}T00:00:00`, toLocalDate: `${addDays(monday, 7)}T00:00:00` };
}

export const minuteOf = (local: string): number => Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));

/** Where a session ends in its start day's minutes (one running past midnight is cut at the day's end). */
export function endMinuteOf(s: Pick<WeekSession, 'localStartDate' | 'localEndDate'>): number {
  return s.localEndDate.slice(0, 10) > s.localStartDate.slice(0, 10)
    ? 1440
    : Math.max(minuteOf(s.localEndDate), minuteOf(s.localStartDate) + 1);
}

/** The hours the grid shows: 06:00–22:00, widened to whole hours around any session outside them. */
export function hourRange(sessions: readonly WeekSession[]): { first: number; last: number } {
  let first = 6;
  let last = 22;
  for (const s of sessions) {
    first = Math.min(first, Math.floor(minuteOf(s.localStartDate) / 60));
    last = Math.max(last, Math.ceil(endMinuteOf(s) / 60));
  }
  return { first, last };
}

export interface PlacedSession {
  session: WeekSession;
  /** Minutes from the day's midnight. */
  start: number;
  end: number;
  lane: number;
  lanes: number;
}

/** One day's sessions in start order, each in the first lane free at its start; a cluster of overlaps shares its lane count. */
export function layoutDay(sessions: readonly WeekSession[]): PlacedSession[] {
  const sorted = [...sessions].sort((a, b) => a.localStartDate.localeCompare(b.localStartDate) || a.id.localeCompare(b.id));
  const placed: PlacedSession[] = [];
  let cluster: PlacedSession[] = [];
  let clusterEnd = -1;
  const closeCluster = () => {
    const lanes = Math.max(1, ...cluster.map((p) => p.lane + 1));
    for (const p of cluster) p.lanes = lanes;
    cluster = [];
  };
  for (const session of sorted) {
    const start = minuteOf(session.localStartDate);
    const end = endMinuteOf(session);
    if (start >= clusterEnd) closeCluster();
    const busy = new Set(cluster.filter((p) => p.end > start).map((p) => p.lane));
    let lane = 0;
    while (busy.has(lane)) lane++;
    const p: PlacedSession = { session, start, end, lane, lanes: 1 };
    cluster.push(p);
    placed.push(p);
    clusterEnd = Math.max(clusterEnd, end);
  }
  closeCluster();
  return placed;
}

/** The sessions of each day of the week, by day. */
export function sessionsByDay(sessions: readonly WeekSession[], days: readonly string[]): Map<string, WeekSession[]> {
  const byDay = new Map(days.map((d) => [d, [] as WeekSession[]]));
  for (const s of sessions) byDay.get(s.localStartDate.slice(0, 10))?.push(s);
  return byDay;
}

/** A minute snapped to the nearest quarter hour, kept so that the session still starts that day. */
export function snapMinute(minute: number): number {
  const snapped = Math.round(minute / SNAP_MINUTES) * SNAP_MINUTES;
  return Math.min(Math.max(snapped, 0), 1440 - SNAP_MINUTES);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM:00` for a day and a minute of it. */
export function localAt(day: string, minute: number): string {
  return `${day}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`;
}

/** Where a drag ends: the day column under the pointer and its start minute moved by the drag, snapped. */
export function dropStart(day: string, originalStart: number, movedMinutes: number): string {
  return localAt(day, snapMinute(originalStart + movedMinutes));
}
