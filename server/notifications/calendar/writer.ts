/**
 * RFC 5545 text through `ical-generator` (the issue asks for a maintained library): it escapes TEXT values,
 * folds lines at 75 octets without splitting a character and ends them with CRLF. What the library cannot do
 * the way we need it, we do around it:
 *
 * - VTIMEZONE: our own generator (vtimezone.ts, Temporal and the runtime's zone database) through the
 *   library's `timezone.generator` hook, covering a year before the first event to a year after the last.
 * - The repeated hour of a fall-back change: a wall time there names two instants, and readers disagree on which
 *   one `TZID=` means (RFC 5545 section 3.3.5 says the first, ical.js takes the second). Such an event is
 *   written in UTC (`…Z`), which every reader agrees on. The library has one zone per event, so both its
 *   DTSTART and DTEND go to UTC then; every other event carries `TZID=<zone>` and local times.
 * - The calendar's own zone name stays unset: with one, the library writes every event without a TZID in
 *   floating local time, which would undo the UTC rule above. The generator is still called for each zone an
 *   event uses, so every TZID has its VTIMEZONE (a file whose only times are UTC needs and has none).
 */
import ical, {
  escape,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalEventTransparency,
} from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { vtimezone } from './vtimezone.js';

const PRODID = '//Bookings API//Calendar files//EN';

export interface EventPerson {
  name?: string;
  email: string;
}

/** One VEVENT, in plain values. */
export interface EventSpec {
  uid: string;
  sequence: number;
  /** DTSTAMP, CREATED and LAST-MODIFIED: RFC 3339 UTC texts. */
  stamp: string;
  created: string;
  lastModified: string;
  start: Temporal.Instant;
  end: Temporal.Instant;
  summary: string;
  location?: string;
  description: string;
  url?: string;
  organizer?: EventPerson;
  attendee?: EventPerson & { partstat: 'ACCEPTED' | 'TENTATIVE' | 'DECLINED' };
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  transparent: boolean;
}

export interface CalendarSpec {
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
  /** The business's IANA zone: events carry `TZID=` this zone and a VTIMEZONE is written for it. */
  zone: string;
  /** A subscribed calendar's name (NAME and X-WR-CALNAME). */
  name?: string;
  /** How often a subscriber should fetch again (REFRESH-INTERVAL and X-PUBLISHED-TTL), in seconds. */
  refreshSeconds?: number;
  events: readonly EventSpec[];
}

/**
 * A parameter value (CN): RFC 5545 has no escape inside a quoted parameter, and the library writes a double quote
 * as `\"`, which readers take as the end of the value; control characters are not allowed at all. Both become spaces.
 */
export function paramText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- RFC 5545 forbids control characters in parameter values
      .replace(/[\u0000-\u001f\u007f"]/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/** True when a wall time of `instant` in `zone` names two instants (the repeated hour of a fall-back change). */
function ambiguous(instant: Temporal.Instant, zone: string): boolean {
  const wall = instant.toZonedDateTimeISO(zone).toPlainDateTime();
  const earlier = wall.toZonedDateTime(zone, { disambiguation: 'earlier' }).toInstant();
  return !earlier.equals(wall.toZonedDateTime(zone, { disambiguation: 'later' }).toInstant());
}

const utc = (text: string) => Temporal.Instant.from(text);

/** The calendar text: CRLF lines, folded, with one VTIMEZONE for the zone the events use. */
export function writeCalendar(spec: CalendarSpec): string {
  const local = spec.events.filter((e) => !ambiguous(e.start, spec.zone) && !ambiguous(e.end, spec.zone));
  const first = local.reduce<Temporal.Instant | null>((a, e) => (a && Temporal.Instant.compare(a, e.start) <= 0 ? a : e.start), null);
  const last = local.reduce<Temporal.Instant | null>((a, e) => (a && Temporal.Instant.compare(a, e.end) >= 0 ? a : e.end), null);
  const calendar = ical({
    prodId: PRODID,
    scale: 'GREGORIAN',
    method: ICalCalendarMethod[spec.method],
    timezone: {
      name: null,
      generator: (zone) => (first && last ? vtimezone(zone, first, last).join('\r\n') : null),
    },
  });
  // The library writes NAME and X-WR-CALNAME unescaped (ical-generator 10.2.0, pinned exactly).
  if (spec.name) calendar.name(escape(spec.name, false));
  if (spec.refreshSeconds) calendar.ttl(spec.refreshSeconds);
  for (const e of spec.events) {
    const event = calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      stamp: utc(e.stamp),
      created: utc(e.created),
      lastModified: utc(e.lastModified),
      start: e.start,
      end: e.end,
      timezone: local.includes(e) ? spec.zone : null,
      summary: e.summary,
      description: e.description,
      status: ICalEventStatus[e.status],
      transparency: e.transparent ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    });
    if (e.location) event.location(e.location);
    if (e.url) event.url(e.url);
    // The library requires a name for the organizer; the email stands in when there is none.
    if (e.organizer) event.organizer({ name: paramText(e.organizer.name ?? e.organizer.email), email: e.organizer.email });
    if (e.attendee) {
      const name = e.attendee.name ? paramText(e.attendee.name) : '';
      event.createAttendee({
        email: e.attendee.email,
        ...(name ? { name } : {}),
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus[e.attendee.partstat],
        rsvp: false,
      });
    }
  }
  // The library ends the last line without CRLF; RFC 5545 ends every content line with one.
  return `${calendar.toString()}\r\n`;
}
