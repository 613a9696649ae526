/** The live status stream (Server-Sent Events) of contract section 5, read with fetch and a stream reader. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import { openStream } from './sse-reader.js';
import { OWNER_KEY, startBookingServer, visitorToken, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';

describe('live booking status (SSE)', () => {
  let server: TestServer;
  let visitor: string;
  let book: () => Promise<{ id: string; revision: string }>;
  before(async () => {
    ({ server } = await startBookingServer());
    visitor = await visitorToken(server);
    const yoga = await serviceNamed(server, 'Community Yoga');
    const eventId = await eventIdAt(server, yoga, '2026-12-19T10:00:00');
    book = async () =>
      (
        await server.call('POST', '/bookings/v2/bookings', {
          token: visitor,
          body: classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }),
        })
      ).body.booking;
  });
  after(() => server.close());

  it('delivers CONFIRMED within a second of the owner confirming', async () => {
    const booking = await book();
    const stream = await openStream(`${server.url}/bookings/v2/bookings/${booking.id}/events?access_token=${visitor}`);
    try {
      assert.equal(stream.response.status, 200);
      assert.match(stream.response.headers.get('content-type') ?? '', /^text\/event-stream/);
      const first = await stream.next();
      assert.equal(first.event, 'booking');
      assert.equal(first.data.status, 'CREATED');
      const started = performance.now();
      const confirm = server.call('POST', `/bookings/v2/bookings/${booking.id}/confirm`, {
        token: OWNER_KEY,
        body: { revision: booking.revision },
      });
      const event = await stream.next(10_000);
      const delay = performance.now() - started;
      assert.equal((await confirm).status, 200);
      assert.equal(event.event, 'booking');
      assert.equal(event.data.id, booking.id);
      assert.equal(event.data.status, 'CONFIRMED');
      assert.equal(event.data.revision, '2');
      assert.ok(delay < 1000, `the CONFIRMED event took ${delay.toFixed(0)} ms`);
    } finally {
      stream.close();
    }
  });

  it("accepts the Authorization header too, and streams an anonymous token's booking", async () => {
    const booking = await book();
    const { body } = await server.call('GET', `/v1/anonymous-bookings/${booking.id}/token`, { token: visitor });
    const byHeader = await openStream(`${server.url}/bookings/v2/bookings/${booking.id}/events`, { authorization: `Bearer ${visitor}` });
    const anonymous = await openStream(`${server.url}/v1/anonymous-bookings/${body.token}/events`);
    try {
      assert.equal((await byHeader.next()).data.status, 'CREATED');
      assert.equal((await anonymous.next()).data.status, 'CREATED');
      const cancel = await server.call('POST', `/v1/anonymous-bookings/${body.token}/cancel`, { body: { revision: '1' } });
      assert.equal(cancel.status, 200);
      assert.equal((await byHeader.next()).data.status, 'CANCELED');
      assert.equal((await anonymous.next()).data.status, 'CANCELED');
    } finally {
      byHeader.close();
      anonymous.close();
    }
  });

  it('refuses a stream without a token (401) or to another visitor (404)', async () => {
    const booking = await book();
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${booking.id}/events`)).status, 401);
    const other = await visitorToken(server);
    const r = await server.call('GET', `/bookings/v2/bookings/${booking.id}/events?access_token=${other}`);
    assert.equal(r.status, 404);
    assert.equal(r.body.details.applicationError.code, 'BOOKING_NOT_FOUND');
  });
});
