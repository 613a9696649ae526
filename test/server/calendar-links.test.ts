/** The widget's "Add to calendar" links (src/calendar/calendar-links.ts): UTC from local time and zone, DST, URLs. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Booking } from '../../src/model/booking.js';
import { calendarEventOf, googleCalendarUrl, outlookCalendarUrl, utcOf } from '../../src/calendar/calendar-links.js';

const iso = (d: Date) => d.toISOString();

describe('calendar links', () => {
  it('turns a local time and zone into UTC, across DST changes, as Temporal "compatible" does', () => {
    assert.equal(iso(utcOf('2026-12-08T19:00:00', 'America/New_York')), '2026-12-09T00:00:00.000Z', 'winter, UTC-5');
    assert.equal(iso(utcOf('2026-07-07T19:00', 'America/New_York')), '2026-07-07T23:00:00.000Z', 'summer, UTC-4');
    assert.equal(iso(utcOf('2026-03-08T02:30:00', 'America/New_York')), '2026-03-08T07:30:00.000Z', 'skipped hour: 03:30 EDT');
    assert.equal(iso(utcOf('2026-11-01T01:30:00', 'America/New_York')), '2026-11-01T05:30:00.000Z', 'repeated hour: the earlier');
    assert.equal(iso(utcOf('2026-03-29T09:00:00', 'Europe/Berlin')), '2026-03-29T07:00:00.000Z', 'after the change, UTC+2');
    assert.equal(iso(utcOf('2026-10-04T10:00:00', 'Australia/Sydney')), '2026-10-03T23:00:00.000Z', 'southern spring, UTC+11');
    assert.equal(iso(utcOf('2026-01-01T05:45:00', 'Asia/Kathmandu')), '2026-01-01T00:00:00.000Z', 'a 5:45 offset');
    assert.throws(() => utcOf('next Tuesday', 'UTC'), RangeError);
  });

  it('builds the Google Calendar and Outlook links with UTC times and encoded text', () => {
    const event = {
      title: 'Strength Foundations & more',
      start: new Date('2026-12-09T00:00:00Z'),
      end: new Date('2026-12-09T01:00:00Z'),
      details: 'Line one\nBooking reference: abc',
      location: '12 Harbor St, Portland',
    };
    const google = new URL(googleCalendarUrl(event));
    assert.equal(google.origin + google.pathname, 'https://calendar.google.com/calendar/render');
    assert.equal(google.searchParams.get('action'), 'TEMPLATE');
    assert.equal(google.searchParams.get('text'), 'Strength Foundations & more');
    assert.equal(google.searchParams.get('dates'), '20261209T000000Z/20261209T010000Z');
    assert.equal(google.searchParams.get('details'), 'Line one\nBooking reference: abc');
    assert.equal(google.searchParams.get('location'), '12 Harbor St, Portland');
    const outlook = new URL(outlookCalendarUrl({ ...event, location: undefined }));
    assert.equal(outlook.origin + outlook.pathname, 'https://outlook.live.com/calendar/0/deeplink/compose');
    assert.equal(outlook.searchParams.get('subject'), 'Strength Foundations & more');
    assert.equal(outlook.searchParams.get('startdt'), '2026-12-09T00:00:00Z');
    assert.equal(outlook.searchParams.get('enddt'), '2026-12-09T01:00:00Z');
    assert.equal(outlook.searchParams.get('body'), 'Line one\nBooking reference: abc');
    assert.equal(outlook.searchParams.has('location'), false, 'no empty parameters');
  });

  it("takes a slot's local times in its zone, and a course's first session", () => {
    const base = { id: 'b1', status: 'CONFIRMED', revision: '1' } as Booking;
    const extra = { title: 'T', details: 'D' };
    const slot = {
      ...base,
      bookedEntity: {
        slot: {
          serviceId: 's',
          scheduleId: 'x',
          startDate: '2026-11-01T01:30:00',
          endDate: '2026-11-01T02:30:00',
          timezone: 'America/New_York',
        },
      },
    } as Booking;
    const e = calendarEventOf(slot, extra);
    assert.equal(e && iso(e.start), '2026-11-01T05:30:00.000Z');
    assert.equal(e && iso(e.end), '2026-11-01T07:30:00.000Z', 'the hour repeats: two hours of UTC');
    const course = { ...base, bookedEntity: { schedule: { scheduleId: 'c' } } } as Booking;
    assert.equal(calendarEventOf(course, extra), undefined, 'a course without its sessions has no event');
    const sessions = [
      { localStartDate: '2026-12-08T19:00:00', localEndDate: '2026-12-08T20:00:00' },
      { localStartDate: '2026-12-15T19:00:00', localEndDate: '2026-12-15T20:00:00' },
    ];
    const first = calendarEventOf(course, { ...extra, course: { timeZone: 'America/New_York', sessions } });
    assert.deepEqual(first && [iso(first.start), iso(first.end)], ['2026-12-09T00:00:00.000Z', '2026-12-09T01:00:00.000Z']);
    const timeless = { ...base, bookedEntity: {} } as Booking;
    assert.equal(calendarEventOf(timeless, extra), undefined);
  });
});
