/**
 * A `VTIMEZONE` for an IANA zone, computed with Temporal from the zone database the runtime has, so it is right
 * for whatever rules the zone had in the year of the event (no hand-kept RRULEs that go stale when a country
 * changes its rules). It lists the observance in force a year before the event and then every transition up to a
 * year after it, each as its own STANDARD or DAYLIGHT component with an explicit DTSTART (the local wall time
 * just before the change, as RFC 5545 section 3.6.5 says), TZOFFSETFROM, TZOFFSETTO and TZNAME. A zone without
 * transitions (UTC, Asia/Tokyo) gets one STANDARD component.
 */
import { Temporal } from 'temporal-polyfill';

const WINDOW = Temporal.Duration.from({ hours: 366 * 24 });
/** Enough for any zone over two years (a few have four changes a year); a guard against a runaway loop. */
const MAX_TRANSITIONS = 16;

/** `+0100`, `-0500`, `+0530`; seconds only when the offset has them (`+001915` for old LMT offsets). */
export function formatOffset(offsetNanoseconds: number): string {
  const totalSeconds = Math.round(offsetNanoseconds / 1e9);
  const sign = totalSeconds < 0 ? '-' : '+';
  const abs = Math.abs(totalSeconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  const base = `${sign}${pad(Math.floor(abs / 3600))}${pad(Math.floor((abs % 3600) / 60))}`;
  return abs % 60 === 0 ? base : `${base}${pad(abs % 60)}`;
}

/** `20261201T100000`: a local date-time as RFC 5545 writes it (no zone letter). */
export function formatLocal(dateTime: Temporal.PlainDateTime): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${pad(dateTime.year, 4)}${pad(dateTime.month)}${pad(dateTime.day)}` +
    `T${pad(dateTime.hour)}${pad(dateTime.minute)}${pad(dateTime.second)}`
  );
}

/** The zone's short name at an instant (`BST`, `EDT`), or nothing when the runtime knows only `GMT+1`. */
function shortName(zone: string, instant: Temporal.Instant): string | undefined {
  // en-US knows the American abbreviations, en-GB the British and Irish ones (BST, IST).
  for (const locale of ['en-US', 'en-GB']) {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(
      new Date(instant.epochMilliseconds),
    );
    const name = parts.find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+-]/.test(name)) return name;
  }
  return undefined;
}

interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** Local wall time at which it starts, read in the offset before it. */
  start: Temporal.PlainDateTime;
  from: number;
  to: number;
  name: string | undefined;
}

function component(o: Observance): string[] {
  return [
    `BEGIN:${o.kind}`,
    `DTSTART:${formatLocal(o.start)}`,
    `TZOFFSETFROM:${formatOffset(o.from)}`,
    `TZOFFSETTO:${formatOffset(o.to)}`,
    // Abbreviations from Intl (`BST`, `EDT`): letters, digits and signs, nothing a TEXT value must escape.
    ...(o.name ? [`TZNAME:${o.name}`] : []),
    `END:${o.kind}`,
  ];
}

/** The transitions of `zone` between `from` and `until`, as observances (the first one already in force). */
function observances(zone: string, from: Temporal.Instant, until: Temporal.Instant): Observance[] {
  let cursor = from.toZonedDateTimeISO(zone);
  const changes: { at: Temporal.ZonedDateTime; before: number }[] = [];
  for (let i = 0; i < MAX_TRANSITIONS; i++) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || Temporal.Instant.compare(next.toInstant(), until) > 0) break;
    changes.push({ at: next, before: cursor.offsetNanoseconds });
    cursor = next;
  }
  const first = from.toZonedDateTimeISO(zone);
  // DAYLIGHT is the higher of the two offsets around a change; a zone that never changes is STANDARD.
  const firstIsDaylight = changes.length > 0 && changes[0]!.at.offsetNanoseconds < first.offsetNanoseconds;
  const list: Observance[] = [
    {
      kind: firstIsDaylight ? 'DAYLIGHT' : 'STANDARD',
      start: first.toPlainDateTime().round({ smallestUnit: 'second', roundingMode: 'floor' }),
      from: first.offsetNanoseconds,
      to: first.offsetNanoseconds,
      name: shortName(zone, from),
    },
  ];
  for (const change of changes) {
    const to = change.at.offsetNanoseconds;
    list.push({
      kind: to > change.before ? 'DAYLIGHT' : 'STANDARD',
      // The wall clock just before the change, in the old offset (e.g. 01:00 for London's spring change).
      start: change.at.toInstant().add({ nanoseconds: change.before }).toZonedDateTimeISO('UTC').toPlainDateTime(),
      from: change.before,
      to,
      name: shortName(zone, change.at.toInstant()),
    });
  }
  return list;
}

/**
 * The VTIMEZONE lines for `zone`, covering a year before `start` to a year after `end` (one event's, or a feed's
 * first start and last end). ical-generator folds and ends them (writer.ts hands them to its timezone hook).
 */
export function vtimezone(zone: string, start: Temporal.Instant, end: Temporal.Instant): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observances(zone, start.subtract(WINDOW), end.add(WINDOW)).flatMap(component),
    'END:VTIMEZONE',
  ];
}
