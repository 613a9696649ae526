/** What the fuzz suite found, pinned as plain tests so each fix stays fixed even if the fuzzer's seed moves on. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, type TestServer } from './helpers.js';
import { OWNER_KEY, startBookingServer, visitorToken, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';

describe('input: fuzz findings', () => {
  let server: TestServer;
  let bookingId = '';
  before(async () => {
    ({ server } = await startBookingServer());
  });
  after(() => server.close());

  it('deleting a service that has bookings is a 409 that says to hide it, not a 500; the service stays', async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    const booked = await server.call('POST', '/bookings/v2/bookings', {
      token: await visitorToken(server),
      body: classBooking(yoga, await eventIdAt(server, yoga, '2026-12-05T10:00:00'), { selectedPaymentOption: 'OFFLINE' }),
    });
    assert.equal(booked.status, 200);
    bookingId = booked.body.booking.id;
    const removed = await server.call('DELETE', `/bookings/v2/services/${yoga.id}`, { token: OWNER_KEY });
    assert.equal(removed.status, 409, JSON.stringify(removed.body));
    assert.deepEqual(errorShape(removed.body), { kind: 'application', code: 'SERVICE_HAS_BOOKINGS' });
    assert.match(removed.body.message, /hide it instead/);
    assert.equal((await server.call('GET', `/bookings/v2/services/${yoga.id}`)).status, 200);
    // A service nobody booked still goes.
    const climb = await serviceNamed(server, 'Family Climb');
    assert.equal((await server.call('DELETE', `/bookings/v2/services/${climb.id}`, { token: OWNER_KEY })).status, 200);
  });

  it('unknown keys inside a session rule (at any depth) are neither stored nor answered, not a 500', async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    const sessionRule = {
      serviceId: yoga.id,
      start: '2026-12-08T18:00:00',
      durationInMinutes: 60,
      recurrence: { frequency: 'WEEKLY', days: ['TUE'], count: 3, '': null, extra: 'x' },
      capacity: 5,
      junk: true,
    };
    const created = await server.call('POST', '/calendar/v3/session-rules', { token: OWNER_KEY, body: { sessionRule } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.deepEqual(created.body.sessionRule.recurrence, { frequency: 'WEEKLY', days: ['TUE'], count: 3 });
    assert.equal('junk' in created.body.sessionRule, false);
    const read = await server.call('GET', `/calendar/v3/session-rules/${created.body.sessionRule.id}`, { token: OWNER_KEY });
    assert.deepEqual(read.body.sessionRule, created.body.sessionRule);
  });

  it("a new session rule takes the server's id and revision, whatever the request says, not a 500", async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    const sessionRule = { serviceId: yoga.id, start: '2026-12-09T18:00:00', durationInMinutes: 60, id: 'mine', revision: null };
    const created = await server.call('POST', '/calendar/v3/session-rules', { token: OWNER_KEY, body: { sessionRule } });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.notEqual(created.body.sessionRule.id, 'mine');
    assert.equal(created.body.sessionRule.revision, '1');
  });

  it('unknown keys inside working hours are neither stored nor answered, not a 500', async () => {
    const workingHours = [{ day: 'MON', startTime: '09:00', endTime: '17:00', extra: 'x' }];
    const created = await server.call('POST', '/bookings/v1/staff-members', {
      token: OWNER_KEY,
      body: { staffMember: { name: 'Fuzz', workingHours } },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.deepEqual(created.body.staffMember.workingHours, [{ day: 'MON', startTime: '09:00', endTime: '17:00' }]);
  });

  it('a request whose headers pass 16 KiB gets 431 in the contract shape', async () => {
    const r = await server.call('GET', `/healthz?q=${'x'.repeat(20_000)}`);
    assert.equal(r.status, 431);
    assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'REQUEST_HEADERS_TOO_LARGE' });
  });

  it('an OPTIONS without Origin is answered like a preflight, not with a plain-text 400', async () => {
    const r = await server.call('OPTIONS', '/bookings/v2/services/query');
    assert.equal(r.status, 204);
  });

  it('HEAD on an event stream answers its headers at once and holds nothing open', async () => {
    const r = await fetch(`${server.url}/bookings/v2/bookings/${bookingId}/events`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${OWNER_KEY}` },
      signal: AbortSignal.timeout(10_000),
    });
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /text\/event-stream/);
  });
});
