/**
 * Wall-clock time in a zone, with the DST rules availability promises (contract section 1): a local time that
 * does not exist (spring-forward gap) has no instant; an ambiguous one (fall-back overlap) means the earlier.
 * Pure functions over Temporal values.
 */
import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '../errors.js';

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

/** `2026-12-01T18:00:00` in `zone`. */
export function localText(epochMs: number, zone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: 'second' });
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

/**
 * Wall minutes of one local date → instants (null in a DST gap, the earlier when ambiguous). On the ~363 days a
 * year without an offset change this is plain arithmetic; on a change day it asks Temporal for each time.
 */
export function dayClock(date: Temporal.PlainDate, zone: string): (minute: number) => Temporal.Instant | null {
  const midnight = date.toZonedDateTime({ timeZone: zone });
  const next = date.add({ days: 1 }).toZonedDateTime({ timeZone: zone });
  const after = date.add({ days: 2 }).toZonedDateTime({ timeZone: zone });
  if (midnight.offsetNanoseconds === next.offsetNanoseconds && next.offsetNanoseconds === after.offsetNanoseconds) {
    const base = midnight.epochMilliseconds;
    return (minute) => Temporal.Instant.fromEpochMilliseconds(base + minute * MINUTE_MS);
  }
  return (minute) => existingInstant(atMinute(date, minute), zone);
}
