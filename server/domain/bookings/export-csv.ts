/**
 * The bookings export's text rules (contract section 12), pure: which dates a request covers, how a cell is
 * written (RFC 4180, and safe to open in a spreadsheet), and local date-times in the business's zone.
 */
import { Temporal } from 'temporal-polyfill';
import type { FieldViolation } from '../../../src/model/errors.js';
import { ValidationError } from '../errors.js';

/** The header row, in the contract's order and words. */
export const EXPORT_COLUMNS = [
  'id',
  'status',
  'payment status',
  'service',
  'start',
  'end',
  'time zone',
  'participants',
  'first name',
  'last name',
  'email',
  'phone',
  'total',
  'paid',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

/** A year and a day: a leap year's whole year fits, and the export stays a bounded amount of work. */
export const MAX_EXPORT_DAYS = 366;

/**
 * OWASP's CSV-injection list: a spreadsheet reads a cell starting with one of these as a formula (tab and CR
 * too, as some spreadsheets trim them first). Such a cell is written with a leading `'`, which shows as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
/** RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One record with its CRLF line end (RFC 4180). */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const csvHeader = (): string => csvLine(EXPORT_COLUMNS);

export const csvRow = (row: ExportRow): string => csvLine(EXPORT_COLUMNS.map((column) => row[column]));

export interface ExportRange {
  from: Temporal.PlainDate;
  to: Temporal.PlainDate;
  /** The first instant of `from` and the first instant after `to`, in the business's zone. */
  startMs: number;
  endMs: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(text: string, field: string, problems: FieldViolation[]): Temporal.PlainDate | null {
  if (DATE.test(text)) {
    try {
      return Temporal.PlainDate.from(text, { overflow: 'reject' });
    } catch {
      // a shape that is right but no such day (2026-02-30): said below
    }
  }
  problems.push({ field, description: `must be a date as YYYY-MM-DD, e.g. "2026-12-01" (got ${JSON.stringify(text.slice(0, 40))})` });
  return null;
}

/**
 * The dates `?from=&to=` cover, inclusive, in `timeZone`. Neither given: the current month there. One without
 * the other, a date that is not one, `to` before `from` or more than MAX_EXPORT_DAYS days: a 400 naming the field.
 */
export function exportRange(query: { from?: string | undefined; to?: string | undefined }, timeZone: string, now: Date): ExportRange {
  let from: Temporal.PlainDate | null;
  let to: Temporal.PlainDate | null;
  if (query.from === undefined && query.to === undefined) {
    const today = Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();
    from = today.with({ day: 1 });
    to = today.with({ day: today.daysInMonth });
  } else {
    const problems: FieldViolation[] = [];
    for (const field of ['from', 'to'] as const) {
      if (query[field] === undefined)
        problems.push({ field, description: 'is required when the other date is given (both, or neither for this month)' });
    }
    from = query.from === undefined ? null : parseDate(query.from, 'from', problems);
    to = query.to === undefined ? null : parseDate(query.to, 'to', problems);
    if (problems.length > 0 || !from || !to) throw new ValidationError(problems);
  }
  if (Temporal.PlainDate.compare(to, from) < 0) throw ValidationError.field('to', `must be on or after from (${from.toString()})`);
  const days = from.until(to, { largestUnit: 'day' }).days + 1;
  if (days > MAX_EXPORT_DAYS) {
    throw ValidationError.field(
      'to',
      `must be at most ${MAX_EXPORT_DAYS} days after from, counting both (asked for ${days}): export a year at a time`,
    );
  }
  const startOf = (date: Temporal.PlainDate) => date.toZonedDateTime({ timeZone }).epochMilliseconds;
  return { from, to, startMs: startOf(from), endMs: startOf(to.add({ days: 1 })) };
}

/** `2026-12-01T18:00`: an instant as the wall clock in `timeZone` reads it, to the minute. */
export function localMinute(timestamp: string | undefined, timeZone: string): string {
  if (!timestamp) return '';
  return Temporal.Instant.from(timestamp).toZonedDateTimeISO(timeZone).toPlainDateTime().toString({ smallestUnit: 'minute' });
}
