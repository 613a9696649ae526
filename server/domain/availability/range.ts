/**
 * The date range of a slot query: local date-times in the zone asked for (default: the business's), `from`
 * defaulting to now and `to` to a week after `from`, at most 62 days long. Bad input is a ValidationError.
 */
import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '../errors.js';
import { boundaryInstant, isTimeZone, parseLocalDateTime } from './time.js';

export const MAX_RANGE_DAYS = 62;
export const DEFAULT_RANGE_DAYS = 7;

export interface RangeRequest {
  fromLocalDate?: string;
  toLocalDate?: string;
  timeZone?: string;
}

export interface QueryRange {
  /** The zone slots are returned in. */
  zone: string;
  fromMs: number;
  toMs: number;
}

export function responseZone(asked: string | undefined, businessZone: string): string {
  if (asked === undefined) return businessZone;
  if (!isTimeZone(asked))
    throw ValidationError.field('timeZone', `${JSON.stringify(asked)} is not an IANA time zone such as "America/New_York"`);
  return asked;
}

export function resolveRange(request: RangeRequest, businessZone: string, now: Date): QueryRange {
  const zone = responseZone(request.timeZone, businessZone);
  const from =
    request.fromLocalDate !== undefined
      ? parseLocalDateTime(request.fromLocalDate, 'fromLocalDate')
      : Temporal.Instant.fromEpochMilliseconds(now.getTime())
          .toZonedDateTimeISO(zone)
          .toPlainDateTime()
          .round({ smallestUnit: 'second', roundingMode: 'floor' });
  const to =
    request.toLocalDate !== undefined ? parseLocalDateTime(request.toLocalDate, 'toLocalDate') : from.add({ days: DEFAULT_RANGE_DAYS });
  if (Temporal.PlainDateTime.compare(to, from) <= 0) throw ValidationError.field('toLocalDate', 'must be after fromLocalDate');
  if (Temporal.PlainDateTime.compare(to, from.add({ days: MAX_RANGE_DAYS })) > 0) {
    const days = from.until(to, { largestUnit: 'day' }).days;
    throw ValidationError.field('toLocalDate', `is ${days}+ days after fromLocalDate; ask for at most ${MAX_RANGE_DAYS} days at a time`);
  }
  return { zone, fromMs: boundaryInstant(from, zone).epochMilliseconds, toMs: boundaryInstant(to, zone).epochMilliseconds };
}
