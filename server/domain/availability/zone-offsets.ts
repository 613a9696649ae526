/**
 * A zone's UTC offsets as segments between its transitions, asked of Temporal once per zone and UTC year and
 * then answered by arithmetic. Slot queries convert hundreds of instants to wall time and back; doing each one
 * through Temporal (or Intl) was most of their CPU. The rules are those of time.ts: a wall time in a DST gap has
 * no instant; an ambiguous one means the earlier instant.
 */
import { Temporal } from 'temporal-polyfill';

const DAY_MS = 86_400_000;

interface Segment {
  fromMs: number;
  /** Exclusive end: the next transition (or the next year's start). */
  toMs: number;
  offsetMs: number;
}

/** Segments per `zone|year`. Bounded: a client picks the zone and the year, so the key space is theirs. */
const years = new Map<string, Segment[]>();
const MAX_YEARS = 2_000;

function yearSegments(zone: string, year: number): Segment[] {
  const key = `${zone}|${year}`;
  const hit = years.get(key);
  if (hit) return hit;
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  let at = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(zone);
  const segments: Segment[] = [];
  let fromMs = start;
  let offsetMs = at.offsetNanoseconds / 1e6;
  for (;;) {
    const next = at.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= end) break;
    segments.push({ fromMs, toMs: next.epochMilliseconds, offsetMs });
    fromMs = next.epochMilliseconds;
    offsetMs = next.offsetNanoseconds / 1e6;
    at = next;
  }
  segments.push({ fromMs, toMs: end, offsetMs });
  if (years.size >= MAX_YEARS) years.clear();
  years.set(key, segments);
  return segments;
}

/** Offsets of one zone; remembers the last two segments used, since callers walk time in order. */
export class ZoneOffsets {
  private last: Segment = { fromMs: 0, toMs: 0, offsetMs: 0 };
  private previous: Segment = this.last;

  constructor(readonly zone: string) {}

  /** The segment holding the instant `ms`: its offset stays the same from `fromMs` until `toMs`. */
  segmentAt(ms: number): Segment {
    if (ms >= this.last.fromMs && ms < this.last.toMs) return this.last;
    // Ranges cross a transition or a new year: the segment before the last is the next most likely.
    if (ms >= this.previous.fromMs && ms < this.previous.toMs) {
      [this.previous, this.last] = [this.last, this.previous];
      return this.last;
    }
    this.previous = this.last;
    const segments = yearSegments(this.zone, new Date(ms).getUTCFullYear());
    for (const s of segments) {
      if (ms < s.toMs) return (this.last = s);
    }
    // Unreachable: the last segment ends where the year does.
    return (this.last = segments[segments.length - 1] as Segment);
  }

  /** The zone's offset from UTC at the instant `ms`, in ms. */
  offsetAt(ms: number): number {
    return this.segmentAt(ms).offsetMs;
  }

  /**
   * The instant of a wall time given as `Date.UTC(...)` of its fields, or null when that wall time does not exist
   * (a DST gap); the earlier instant when it is ambiguous. Offsets are within ±1 day, so the offsets a day either
   * side (and at the wall time itself) are the only candidates.
   */
  instantOf(wallMs: number): number | null {
    const before = this.offsetAt(wallMs - DAY_MS);
    const after = this.offsetAt(wallMs + DAY_MS);
    if (before === after && this.segmentAt(wallMs - DAY_MS) === this.segmentAt(wallMs + DAY_MS)) return wallMs - before;
    let best: number | null = null;
    for (const offset of [before, this.offsetAt(wallMs), after]) {
      const instant = wallMs - offset;
      if (this.offsetAt(instant) === offset && (best === null || instant < best)) best = instant;
    }
    return best;
  }

  /** The wall time of the instant `ms`, as `Date.UTC(...)` of its fields. */
  wallOf(ms: number): number {
    return ms + this.offsetAt(ms);
  }

  /** `2026-12-01T18:00:00`: the wall time of `ms` to the second. */
  localText(ms: number): string {
    return wallText(this.wallOf(ms));
  }
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
/** `YYYY-MM-DDT` per day number: each slot's text is its day's prefix plus arithmetic (a Date per text cost more). */
const dayPrefixes = new Map<number, string>();

/** `YYYY-MM-DDTHH:MM:SS` of a wall time held as `Date.UTC(...)` of its fields (truncated to the second). */
export function wallText(wallMs: number): string {
  const day = Math.floor(wallMs / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    // Outside years 0000–9999 toISOString writes an expanded year (±YYYYYY), as Temporal does.
    const iso = new Date(day * DAY_MS).toISOString();
    prefix = iso.slice(0, iso.indexOf('T') + 1);
    if (dayPrefixes.size >= 100_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  const seconds = Math.floor((wallMs - day * DAY_MS) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${prefix}${TWO_DIGITS[h] as string}:${TWO_DIGITS[m] as string}:${TWO_DIGITS[seconds % 60] as string}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A stored local date-time (`YYYY-MM-DDTHH:MM[:SS]`) as `Date.UTC(...)` of its fields; other forms via Temporal. */
export function wallOfLocal(text: string): number {
  const m = LOCAL.exec(text);
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  const t = Temporal.PlainDateTime.from(text);
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
}

const shared = new Map<string, ZoneOffsets>();

/** The shared offsets of `zone` (each holds only its last segment; the segments are shared by all). */
export function zoneOffsets(zone: string): ZoneOffsets {
  let offsets = shared.get(zone);
  if (!offsets) {
    if (shared.size >= MAX_YEARS) shared.clear();
    offsets = new ZoneOffsets(zone);
    shared.set(zone, offsets);
  }
  return offsets;
}
