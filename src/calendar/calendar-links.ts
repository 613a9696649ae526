/**
 * "Add to calendar" links for one booking (contract section 15): Google Calendar's and Outlook.com's compose
 * URLs, from the booking's local start and end and its IANA zone. Pure (Intl only, no Temporal in the widget), so
 * the status view and "my bookings" share it and a unit test pins the UTC times across DST changes.
 */
import type { Booking } from '../model/booking.js';
import { hasCalendarTime, type CourseSessions } from './calendar-time.js';

export type { CourseSessions } from './calendar-time.js';

/** One event to add: instants in UTC. */
export interface CalendarEvent {
  title: string;
  start: Date;
  end: Date;
  details: string;
  location?: string | undefined;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/** The zone's offset from UTC at `ms` (ms since the epoch), in ms: local wall clock minus UTC. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`) in `timeZone`, as Temporal's "compatible"
 * disambiguation picks it: in a repeated hour (fall back) the earlier instant; in a skipped hour (spring forward)
 * the time moved forward by the gap, as a clock would show it.
 */
export function utcOf(local: string, timeZone: string): Date {
  const m = LOCAL.exec(local);
  if (!m) throw new RangeError(`"${local}" is not a local date-time`);
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // The offsets a day either side bound any change near this time (zones change at most once a day).
  const before = offsetAt(wall - 86_400_000, timeZone);
  const after = offsetAt(wall + 86_400_000, timeZone);
  const fits = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall).sort((a, b) => a - b);
  return new Date(fits[0] ?? wall - before);
}

/** `YYYYMMDDTHHMMSSZ`, the form Google's `dates` takes. */
const compactUtc = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
/** ISO 8601 in UTC without milliseconds, the form Outlook's `startdt`/`enddt` take. */
const isoUtc = (d: Date): string => d.toISOString().replace(/\.\d{3}/, '');

const query = (params: Record<string, string | undefined>): string =>
  Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

export function googleCalendarUrl(e: CalendarEvent): string {
  return `https://calendar.google.com/calendar/render?${query({
    action: 'TEMPLATE',
    text: e.title,
    dates: `${compactUtc(e.start)}/${compactUtc(e.end)}`,
    details: e.details,
    location: e.location,
  })}`;
}

export function outlookCalendarUrl(e: CalendarEvent): string {
  return `https://outlook.live.com/calendar/0/deeplink/compose?${query({
    subject: e.title,
    startdt: isoUtc(e.start),
    enddt: isoUtc(e.end),
    body: e.details,
    location: e.location,
  })}`;
}

/**
 * The event for a booking: its slot's local times in the slot's zone; for a course, its first session (one event
 * weeks long would fill every calendar day in between), with the rest named in the details. Undefined when the
 * booking has no time to add.
 */
export function calendarEventOf(
  booking: Booking,
  extra: { title: string; details: string; location?: string | undefined; course?: CourseSessions | undefined },
): CalendarEvent | undefined {
  if (!hasCalendarTime(booking, extra.course)) return undefined;
  const slot = booking.bookedEntity.slot;
  const first = extra.course?.sessions[0];
  let start: Date | undefined;
  let end: Date | undefined;
  if (booking.bookedEntity.schedule) {
    if (!first || !extra.course) return undefined;
    start = utcOf(first.localStartDate, extra.course.timeZone);
    end = utcOf(first.localEndDate, extra.course.timeZone);
  } else if (slot?.startDate && slot.endDate && slot.timezone) {
    start = utcOf(slot.startDate, slot.timezone);
    end = utcOf(slot.endDate, slot.timezone);
  } else if (booking.startDate && booking.endDate) {
    start = new Date(booking.startDate);
    end = new Date(booking.endDate);
  }
  if (!start || !end) return undefined;
  return { title: extra.title, start, end, details: extra.details, location: extra.location };
}
