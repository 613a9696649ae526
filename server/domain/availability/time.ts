/**
 * Wall-clock time in a zone, with the DST rules availability promises (contract section 1): a local time that
 * does not exist (spring-forward gap) has no instant; an ambiguous one (fall-back overlap) means the earlier.
 * Pure functions over Temporal values.
 */
import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '../errors.js';
import { zoneOffsets } from './zone-offsets.js';

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$/;

export function isTimeZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false;
  try {
    Temporal.PlainDate.from('2000-01-01').toZonedDateTime({ timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Parse `YYYY-MM-DDTHH:MM[:SS]` (no offset); a ValidationError names `field` when it is not one. */
export function parseLocalDateTime(text: string, field: string): Temporal.PlainDateTime {
  if (!LOCAL_DATE_TIME.test(text)) {
    throw ValidationError.field(field, 'must be a local date-time without offset, e.g. "2026-12-01T18:00:00"');
  }
  try {
    return Temporal.PlainDateTime.from(text, { overflow: 'reject' });
  } catch {
    throw ValidationError.field(field, `is not a real date-time: ${JSON.stringify(text)}`);
  }
}

/** The instant of a wall time, or null when that wall time does not exist in `zone`; the earlier when ambiguous. */
export function existingInstant(local: Temporal.PlainDateTime, zone: string): Temporal.Instant | null {
  const zoned = local.toZonedDateTime(zone, { disambiguation: 'earlier' });
  // In a gap, 'earlier' moves the wall time back by the gap's length, so it no longer round-trips.
  return Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), local) === 0 ? zoned.toInstant() : null;
}

/** The instant of a range boundary: a time in a gap moves forward (as the clocks do). */
export function boundaryInstant(local: Temporal.PlainDateTime, zone: string): Temporal.Instant {
  return local.toZonedDateTime(zone, { disambiguation: 'compatible' }).toInstant();
}

/** `2026-12-01T18:00:00` in `zone` (from the zone's precomputed offsets: this runs twice per slot). */
export function localText(epochMs: number, zone: string): string {
  return zoneOffsets(zone).localText(epochMs);
}

export function localDate(epochMs: number, zone: string): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDate();
}

/** RFC 3339 UTC with milliseconds, as the storage and the seam use. */
export const utcText = (epochMs: number): string => new Date(epochMs).toISOString();

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** `HH:MM` → minutes after midnight (24:00 → 1440); null when malformed. */
export function minuteOfDay(hhmm: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 1440 ? minutes : null;
}

/** A local date plus minutes after its midnight (1440 = the next midnight). */
export function atMinute(date: Temporal.PlainDate, minutes: number): Temporal.PlainDateTime {
  return date.toPlainDateTime({ hour: 0 }).add({ minutes });
}

/** A local date's midnight as `Date.UTC(...)` of its fields: wall-clock arithmetic without Temporal objects. */
export const wallMidnight = (date: Temporal.PlainDate): number => Date.UTC(date.year, date.month - 1, date.day);

/**
 * Wall minutes of one local date (given by `wallMidnight`) → epoch ms (null in a DST gap, the earlier when
 * ambiguous). On the ~363 days a year without an offset change nearby this is plain arithmetic.
 */
export function dayClock(dayWallMs: number, zone: string): (minute: number) => number | null {
  const offsets = zoneOffsets(zone);
  // Offsets are within ±1 day: one segment from a day before this date to two days after means no change.
  const first = offsets.segmentAt(dayWallMs - DAY_MS);
  if (first.toMs > dayWallMs + 3 * DAY_MS) {
    const base = dayWallMs - first.offsetMs;
    return (minute) => base + minute * MINUTE_MS;
  }
  return (minute) => offsets.instantOf(dayWallMs + minute * MINUTE_MS);
}
