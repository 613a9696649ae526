/**
 * The calendar file routes through the real API, on either backend: the booking's visitor and the owner get the
 * file, another visitor 404, the anonymous-token route works; a reschedule keeps the UID and raises SEQUENCE, a
 * cancellation answers METHOD:CANCEL. Every file is read back with ical.js.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, type TestServer } from './helpers.js';
import { appointmentBooking, OWNER_KEY, serviceNamed, startBookingServer, visitorToken, type DemoService } from './bookings-fixtures.js';
import { DEMO_TIME_ZONE } from '../../server/seed/demo.js';
import { parseCalendar, type ParsedCalendar } from './calendar-parse.js';
import { redactUrl } from '../../server/http/logging.js';

describe('calendar file routes', () => {
  let server: TestServer;
  let training: DemoService;
  let alice: string;
  let bob: string;

  before(async () => {
    ({ server } = await startBookingServer());
    training = await serviceNamed(server, 'Personal Training');
    alice = await visitorToken(server);
    bob = await visitorToken(server);
  });
  after(() => server.close());

  const path = (id: string) => `/bookings/v2/bookings/${id}/calendar.ics`;

  async function calendar(url: string, token?: string): Promise<ParsedCalendar> {
    const r = await server.call('GET', url, token ? { token } : {});
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(r.headers.get('content-disposition'), 'attachment; filename="booking.ics"');
    return parseCalendar(r.body as string);
  }

  async function book(start: string, end: string) {
    const r = await server.call('POST', '/bookings/v2/bookings', { token: alice, body: appointmentBooking(training, start, end) });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking;
  }

  it("answers the booking's visitor and the owner, 404 to another visitor and 401 without a token", async () => {
    const booking = await book('2026-12-02T10:00:00', '2026-12-02T11:00:00');
    const mine = await calendar(path(booking.id), alice);
    assert.equal(mine.method, 'REQUEST');
    assert.equal(mine.uid, `${booking.id}@bookings.local`);
    assert.equal(mine.sequence, 0);
    assert.equal(mine.summary, training.name);
    assert.equal(mine.startTzid, DEMO_TIME_ZONE);
    assert.equal(mine.startUtc, booking.startDate);
    assert.equal(mine.endUtc, booking.endDate);
    assert.deepEqual(await calendar(path(booking.id), OWNER_KEY), mine);

    const other = await server.call('GET', path(booking.id), { token: bob });
    assert.equal(other.status, 404);
    assert.deepEqual(errorShape(other.body), { kind: 'application', code: 'BOOKING_NOT_FOUND' });
    const unknown = await server.call('GET', path('00000000-0000-4000-8000-000000000000'), { token: alice });
    assert.equal(unknown.status, 404);
    assert.equal((await server.call('GET', path(booking.id))).status, 401);
  });

  it('answers an anonymous booking token with the same event and a manage link, and 404 for a bad token', async () => {
    const booking = await book('2026-12-04T10:00:00', '2026-12-04T11:00:00');
    const { body } = await server.call('GET', `/v1/anonymous-bookings/${booking.id}/token`, { token: alice });
    const byToken = await calendar(`/v1/anonymous-bookings/${body.token}/calendar.ics`);
    assert.equal(byToken.uid, `${booking.id}@bookings.local`);
    assert.equal(byToken.startUtc, booking.startDate);
    assert.match(byToken.description, /\/manage\?token=/);

    assert.equal(redactUrl(`/v1/anonymous-bookings/${body.token}/calendar.ics`), '/v1/anonymous-bookings/[redacted]/calendar.ics');

    const bad = await server.call('GET', `/v1/anonymous-bookings/${'x'.repeat(43)}/calendar.ics`);
    assert.equal(bad.status, 404);
    assert.deepEqual(errorShape(bad.body), { kind: 'application', code: 'INVALID_TOKEN' });
  });

  it('keeps the UID and raises SEQUENCE after a reschedule; a cancellation answers METHOD:CANCEL', async () => {
    const created = await book('2026-12-07T10:00:00', '2026-12-07T11:00:00');
    const confirmed = await server.call('POST', `/bookings/v2/bookings/${created.id}/confirm`, {
      token: OWNER_KEY,
      body: { revision: created.revision },
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    const first = await calendar(path(created.id), alice);
    assert.equal(first.status, 'CONFIRMED');

    const slot = {
      serviceId: training.id,
      scheduleId: training.scheduleId,
      startDate: '2026-12-08T14:00:00',
      endDate: '2026-12-08T15:00:00',
      timezone: 'America/New_York',
    };
    const moved = await server.call('POST', `/bookings/v2/bookings/${created.id}/reschedule`, {
      token: alice,
      body: { slot, revision: confirmed.body.booking.revision },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const second = await calendar(path(created.id), alice);
    assert.equal(second.uid, first.uid);
    assert.ok(second.sequence > first.sequence, `${second.sequence} > ${first.sequence}`);
    assert.equal(second.startUtc, moved.body.booking.startDate);
    assert.notEqual(second.startUtc, first.startUtc);

    const canceled = await server.call('POST', `/bookings/v2/bookings/${created.id}/cancel`, {
      token: alice,
      body: { revision: moved.body.booking.revision },
    });
    assert.equal(canceled.status, 200, JSON.stringify(canceled.body));
    const third = await calendar(path(created.id), OWNER_KEY);
    assert.equal(third.method, 'CANCEL');
    assert.equal(third.status, 'CANCELLED');
    assert.equal(third.uid, first.uid);
    assert.ok(third.sequence > second.sequence);
    assert.equal(third.startUtc, second.startUtc);
  });
});
