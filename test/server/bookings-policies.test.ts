/** Booking policies as the clock moves: the cancellation window and the early and late booking limits. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import {
  OWNER_KEY,
  startBookingServer,
  visitorToken,
  serviceNamed,
  eventIdAt,
  classBooking,
  type DemoService,
} from './bookings-fixtures.js';

describe('bookings: policies as time passes', () => {
  let server: TestServer;
  let clock: { now: Date };
  let yoga: DemoService;
  const create = (token: string, body: unknown) => server.call('POST', '/bookings/v2/bookings', { token, body });
  const yogaBooking = (eventId: string) => classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' });
  before(async () => {
    ({ server, clock } = await startBookingServer());
    yoga = await serviceNamed(server, 'Community Yoga');
  });
  after(() => server.close());

  it('lets a customer cancel only until the policy latest cancellation time; the owner may still cancel', async () => {
    const eventId = await eventIdAt(server, yoga, '2026-12-05T10:00:00');
    const tokens = (await server.call('POST', '/oauth2/token', { body: { grantType: 'anonymous' } })).body;
    const booking = (await create(tokens.access_token, yogaBooking(eventId))).body.booking;
    clock.now = new Date(Date.parse(booking.startDate) - 6 * 3_600_000); // the policy ends customer cancels 12 hours before
    // Days later the access token has expired: the visitor renews it with its refresh token.
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${booking.id}`, { token: tokens.access_token })).status, 401);
    const renewed = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'refresh_token', refresh_token: tokens.refresh_token },
    });
    assert.equal(renewed.status, 200, JSON.stringify(renewed.body));
    const alice = renewed.body.access_token as string;
    const late = await server.call('POST', `/bookings/v2/bookings/${booking.id}/cancel`, { token: alice, body: { revision: '1' } });
    assert.equal(late.status, 428);
    assert.equal(late.body.details.applicationError.code, 'BOOKING_POLICY_VIOLATION');
    assert.match(late.body.message, /720 minutes/);
    const list = await server.call('POST', '/bookings-reader/v2/extended-bookings/query', {
      token: alice,
      body: { query: { filter: { id: booking.id } } },
    });
    assert.deepEqual(list.body.extendedBookings[0].allowedActions, { cancel: false, reschedule: false });
    const ignore = await server.call('POST', `/bookings/v2/bookings/${booking.id}/cancel`, {
      token: alice,
      body: { revision: '1', flowControlSettings: { ignoreCancellationPolicy: true } },
    });
    assert.equal(ignore.status, 403);
    const owner = await server.call('POST', `/bookings/v2/bookings/${booking.id}/cancel`, { token: OWNER_KEY, body: { revision: '1' } });
    assert.equal(owner.status, 200);
    assert.equal(owner.body.booking.status, 'CANCELED');
  });

  it('refuses a slot the booking policy closes with 428 BOOKING_POLICY_VIOLATION', async () => {
    const eventId = await eventIdAt(server, yoga, '2026-12-12T10:00:00');
    clock.now = new Date('2026-12-12T14:30:00Z'); // 30 minutes before; the policy closes bookings 60 minutes before
    const { status, body } = await create(await visitorToken(server), yogaBooking(eventId));
    assert.equal(status, 428);
    assert.equal(body.details.applicationError.code, 'BOOKING_POLICY_VIOLATION');
    assert.equal(body.details.applicationError.data.tooLateToBook, true);
  });
});
