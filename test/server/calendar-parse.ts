/**
 * Reads a calendar file back with a real RFC 5545 parser (ical.js) and checks its framing (CRLF, lines of at most
 * 75 octets), for the calendar tests.
 */
import assert from 'node:assert/strict';
import ICAL from 'ical.js';

export interface ParsedCalendar {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  location: string | null;
  description: string;
  /** The TZID parameter of DTSTART (null when written in UTC). */
  startTzid: string | null;
  /** DTSTART and DTEND converted to UTC through the file's own VTIMEZONE. */
  startUtc: string;
  endUtc: string;
  organizer: string | null;
  vtimezones: number;
}

function checkFraming(text: string): void {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line over 75 octets: ${line}`);
}

function toUtc(time: ICAL.Time, zone: ICAL.Timezone | null): string {
  if (time.zone !== ICAL.Timezone.utcTimezone) {
    assert.ok(zone, 'a local time has a VTIMEZONE to read it with');
    time.zone = zone;
  }
  return new Date(time.toUnixTime() * 1000).toISOString();
}

export function parseCalendar(text: string): ParsedCalendar {
  checkFraming(text);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vtimezones = calendar.getAllSubcomponents('vtimezone');
  const vevents = calendar.getAllSubcomponents('vevent');
  assert.equal(vevents.length, 1, 'one VEVENT');
  const event = vevents[0]!;
  const dtstart = event.getFirstProperty('dtstart');
  const dtend = event.getFirstProperty('dtend');
  assert.ok(dtstart && dtend);
  const tzid = dtstart.getParameter('tzid');
  const startTzid = typeof tzid === 'string' ? tzid : null;
  const zoneComponent = vtimezones.find((z) => z.getFirstPropertyValue('tzid') === startTzid) ?? vtimezones[0];
  const zone = zoneComponent ? new ICAL.Timezone(zoneComponent) : null;
  const text$ = (name: string) => {
    const value = event.getFirstPropertyValue(name);
    return value === null ? null : String(value);
  };
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(text$('uid')),
    sequence: Number(text$('sequence')),
    status: String(text$('status')),
    summary: String(text$('summary')),
    location: text$('location'),
    description: String(text$('description')),
    startTzid,
    startUtc: toUtc(dtstart.getFirstValue() as ICAL.Time, zone),
    endUtc: toUtc(dtend.getFirstValue() as ICAL.Time, zone),
    organizer: text$('organizer'),
    vtimezones: vtimezones.length,
  };
}
