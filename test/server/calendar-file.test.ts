/**
 * The calendar file module (server/notifications/calendar/), read back with ical.js: UID, SEQUENCE, METHOD, and
 * DTSTART/DTEND with TZID that convert through the file's own VTIMEZONE to the booking's UTC times, in winter, in
 * summer and on DST-change days in Europe/London and America/New_York.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Booking } from '../../src/model/booking.js';
import { bookingCalendar, calendarAttachment, calendarMethodFor, type CalendarContext } from '../../server/notifications/calendar/index.js';
import { parseCalendar } from './calendar-parse.js';

function booking(startDate: string, endDate: string, extra: Partial<Booking> = {}): Booking {
  return {
    id: '5f0c8a4e-1111-4a2b-9c3d-123456789abc',
    bookedEntity: {},
    contactDetails: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    status: 'CONFIRMED',
    paymentStatus: 'UNDEFINED',
    startDate,
    endDate,
    createdDate: '2026-01-01T09:00:00.000Z',
    updatedDate: '2026-01-02T09:00:00.000Z',
    revision: '2',
    ...extra,
  };
}

function context(timeZone: string, extra: Partial<CalendarContext> = {}): CalendarContext {
  return {
    serviceName: 'Haircut',
    business: { name: 'Studio Nord', timeZone, email: 'owner@studio.example' },
    location: '1 High St, London',
    staffName: 'Sam',
    reschedules: 0,
    ...extra,
  };
}

const cases: { name: string; zone: string; start: string; end: string; localStart: string }[] = [
  {
    name: 'London in winter',
    zone: 'Europe/London',
    start: '2026-01-15T10:00:00.000Z',
    end: '2026-01-15T11:00:00.000Z',
    localStart: '10:00',
  },
  {
    name: 'London in summer',
    zone: 'Europe/London',
    start: '2026-07-15T09:00:00.000Z',
    end: '2026-07-15T10:00:00.000Z',
    localStart: '10:00',
  },
  {
    name: 'London on the spring change day',
    zone: 'Europe/London',
    start: '2026-03-29T09:00:00.000Z',
    end: '2026-03-29T10:30:00.000Z',
    localStart: '10:00',
  },
  {
    name: 'London on the autumn change day',
    zone: 'Europe/London',
    start: '2026-10-25T10:00:00.000Z',
    end: '2026-10-25T11:00:00.000Z',
    localStart: '10:00',
  },
  {
    name: 'New York in winter',
    zone: 'America/New_York',
    start: '2026-12-01T15:00:00.000Z',
    end: '2026-12-01T16:00:00.000Z',
    localStart: '10:00',
  },
  {
    name: 'New York in summer',
    zone: 'America/New_York',
    start: '2026-07-01T14:00:00.000Z',
    end: '2026-07-01T15:00:00.000Z',
    localStart: '10:00',
  },
  {
    name: 'New York on the spring change day',
    zone: 'America/New_York',
    start: '2026-03-08T14:00:00.000Z',
    end: '2026-03-08T15:00:00.000Z',
    localStart: '10:00',
  },
  {
    name: 'New York across the spring change',
    zone: 'America/New_York',
    start: '2026-03-08T06:30:00.000Z',
    end: '2026-03-08T07:30:00.000Z',
    localStart: '01:30',
  },
  {
    name: 'New York on the fall change day',
    zone: 'America/New_York',
    start: '2026-11-01T15:00:00.000Z',
    end: '2026-11-01T16:00:00.000Z',
    localStart: '10:00',
  },
];

describe('calendar file', () => {
  for (const c of cases) {
    it(`${c.name}: DTSTART with TZID reads back through the VTIMEZONE as the booking's UTC times`, () => {
      const parsed = parseCalendar(bookingCalendar(booking(c.start, c.end), context(c.zone)));
      assert.equal(parsed.startTzid, c.zone);
      assert.equal(parsed.vtimezones, 1);
      assert.equal(parsed.startUtc, c.start);
      assert.equal(parsed.endUtc, c.end);
      assert.equal(parsed.method, 'REQUEST');
      assert.equal(parsed.status, 'CONFIRMED');
      assert.equal(parsed.uid, '5f0c8a4e-1111-4a2b-9c3d-123456789abc@bookings.local');
      assert.equal(parsed.sequence, 0);
      const text = bookingCalendar(booking(c.start, c.end), context(c.zone));
      assert.match(text, new RegExp(`DTSTART;TZID=${c.zone}:\\d{8}T${c.localStart.replace(':', '')}00\r\n`));
    });
  }

  it('writes a time in the repeated hour of a fall-back change in UTC (parsers differ on which 01:30 it is)', () => {
    // 01:30 EDT to 01:30 EST: the same wall time twice.
    const b = booking('2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z');
    const text = bookingCalendar(b, context('America/New_York'));
    assert.match(text, /DTSTART:20261101T053000Z\r\n/);
    assert.match(text, /DTEND:20261101T063000Z\r\n/);
    const parsed = parseCalendar(text);
    assert.equal(parsed.startUtc, b.startDate);
    assert.equal(parsed.endUtc, b.endDate);
  });

  it('keeps the UID and raises SEQUENCE with each reschedule and with the cancellation', () => {
    const b = booking('2026-12-01T15:00:00.000Z', '2026-12-01T16:00:00.000Z');
    const first = parseCalendar(bookingCalendar(b, context('America/New_York')));
    const moved = parseCalendar(bookingCalendar(b, context('America/New_York', { reschedules: 2 })));
    const canceled = parseCalendar(bookingCalendar({ ...b, status: 'CANCELED' }, context('America/New_York', { reschedules: 2 })));
    assert.equal(moved.uid, first.uid);
    assert.equal(canceled.uid, first.uid);
    assert.deepEqual([first.sequence, moved.sequence, canceled.sequence], [0, 2, 3]);
    assert.equal(canceled.method, 'CANCEL');
    assert.equal(canceled.status, 'CANCELLED');
  });

  it('marks a booking the business has not confirmed TENTATIVE, and a declined one as a cancellation', () => {
    const b = booking('2026-12-01T15:00:00.000Z', '2026-12-01T16:00:00.000Z', { status: 'PENDING' });
    assert.equal(parseCalendar(bookingCalendar(b, context('UTC'))).status, 'TENTATIVE');
    assert.equal(calendarMethodFor({ ...b, status: 'DECLINED' }), 'CANCEL');
    assert.equal(calendarMethodFor({ ...b, status: 'CREATED' }), 'REQUEST');
  });

  it('writes summary, location, description and organizer, escaped and folded, and reads them back unchanged', () => {
    const name = 'Cut; wash, and\\dry — a long service name with ünïcödé that needs folding at seventy-five octets';
    const b = booking('2026-07-01T14:00:00.000Z', '2026-07-01T15:00:00.000Z');
    const parsed = parseCalendar(
      bookingCalendar(
        b,
        context('Asia/Tokyo', { serviceName: name, location: 'Room 1, 2nd floor; back', manageUrl: 'https://x.example/manage?token=t' }),
      ),
    );
    assert.equal(parsed.summary, name);
    assert.equal(parsed.location, 'Room 1, 2nd floor; back');
    assert.match(parsed.description, /Studio Nord/);
    assert.match(parsed.description, /With: Sam/);
    assert.match(parsed.description, /https:\/\/x\.example\/manage\?token=t/);
    assert.equal(parsed.organizer, 'mailto:owner@studio.example');
    assert.equal(parsed.startUtc, b.startDate);
  });

  it('folds at 75 octets without splitting a character, and escapes TEXT as RFC 5545 says', () => {
    const name = `${'é'.repeat(60)} 🧘 ${'🧘'.repeat(30)}`;
    const b = booking('2026-07-01T14:00:00.000Z', '2026-07-01T15:00:00.000Z');
    const text = bookingCalendar(b, context('UTC', { serviceName: name, location: 'a,b;c\\d\ne' }));
    // parseCalendar checks every line is at most 75 octets; a split surrogate pair would show as a lone half.
    for (const line of text.split('\r\n')) assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(line));
    assert.match(text.replace(/\r\n /g, ''), /\r\nLOCATION:a\\,b\\;c\\\\d\\ne\r\n/);
    const parsed = parseCalendar(text);
    assert.equal(parsed.summary, name);
    assert.equal(parsed.location, 'a,b;c\\d\ne');
  });

  it('gives the email slice an attachment with the method in its content type', () => {
    const b = booking('2026-12-01T15:00:00.000Z', '2026-12-01T16:00:00.000Z');
    const invite = calendarAttachment(b, context('America/New_York'));
    assert.equal(invite.contentType, 'text/calendar; method=REQUEST; charset=utf-8');
    assert.equal(invite.filename, 'invite.ics');
    assert.equal(parseCalendar(invite.content).method, 'REQUEST');
    const cancel = calendarAttachment(b, context('America/New_York'), 'CANCEL');
    assert.equal(cancel.contentType, 'text/calendar; method=CANCEL; charset=utf-8');
    assert.equal(parseCalendar(cancel.content).method, 'CANCEL');
  });
});
