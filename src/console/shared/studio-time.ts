/**
 * A studio's calendar days, with Intl only (the console ships no date library, as the widget does not):
 * `YYYY-MM-DD` days, their start as an instant (DST-safe: a day may last 23 or 25 hours), an instant's local
 * date and time, and the zone's short name. Pure, so the DST weeks are tested without a browser clock; every
 * console view (agenda, bookings filter, reschedule, new booking) counts its days here.
 */

/** The browser's own zone: times use it while the studio's is unknown, still naming it. */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** An instant's wall-clock fields in a zone. */
export interface LocalParts {
  /** `YYYY-MM-DD`. */
  day: string;
  hour: number;
  minute: number;
}

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partFormats.get(timeZone);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    };
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-US', options); // an unknown zone: the browser's own, as formatStart does
    }
    partFormats.set(timeZone, f);
  }
  return f;
}

function fields(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of partsFormat(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

const pad = (n: number | undefined, width = 2): string => String(n ?? 0).padStart(width, '0');

/** An instant's date (`YYYY-MM-DD`) and wall-clock time in a zone (an unknown zone: the browser's). */
export function localParts(ms: number, timeZone: string): LocalParts {
  const f = fields(ms, timeZone);
  return { day: `${pad(f['year'], 4)}-${pad(f['month'])}-${pad(f['day'])}`, hour: f['hour'] ?? 0, minute: f['minute'] ?? 0 };
}

/** The zone's offset from UTC at an instant, in milliseconds (New York in winter: -5 h). */
function offsetAt(ms: number, timeZone: string): number {
  const f = fields(ms, timeZone);
  const wall = Date.UTC(f['year'] ?? 1970, (f['month'] ?? 1) - 1, f['day'] ?? 1, f['hour'] ?? 0, f['minute'] ?? 0, f['second'] ?? 0);
  return wall - Math.floor(ms / 1000) * 1000;
}

const wallMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/**
 * The instant a day begins in the zone: its midnight, or (where a DST change skips midnight) the first moment
 * after the gap. Each offset the zone has around that day gives a candidate; the day starts at the earliest one
 * that reads as that day (every instant reading as the day comes after its start).
 */
export function startOfDay(day: string, timeZone: string): number {
  const wall = wallMs(day);
  const offsets = new Set([-86_400_000, 0, 86_400_000].map((d) => offsetAt(wall + d, timeZone)));
  const starts = [...offsets].map((o) => wall - o).filter((ms) => localParts(ms, timeZone).day === day);
  return starts.length > 0 ? Math.min(...starts) : wall;
}

/** The calendar day `n` days after (or before) `day`. */
export function addDays(day: string, n: number): string {
  return new Date(wallMs(day) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The zone's short name at an instant ("EST", "EDT"), so a week across a DST change names both. */
export function shortZoneName(timeZone: string, ms: number, locale = 'en-US'): string {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date(ms));
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}
