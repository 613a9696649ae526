/** Who may see and change a booking: ownership, the extended-bookings reader, anonymous tokens, confirm-or-decline. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import {
  NOW,
  OWNER_KEY,
  startBookingServer,
  visitorToken,
  serviceNamed,
  eventIdAt,
  classBooking,
  type DemoService,
} from './bookings-fixtures.js';
import { TokenService } from '../../server/domain/identity/tokens.js';

describe('bookings: access', () => {
  let server: TestServer;
  let yoga: DemoService;
  let alice: string;
  let bob: string;
  let week = 0;
  /** A Community Yoga session of its own for each case (capacity 3). */
  const freshYogaSession = () =>
    eventIdAt(server, yoga, `${new Date(Date.UTC(2026, 11, 5 + 7 * week++)).toISOString().slice(0, 10)}T10:00:00`);
  const create = (token: string, body: unknown) => server.call('POST', '/bookings/v2/bookings', { token, body });
  const yogaBooking = (eventId: string) => classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' });

  before(async () => {
    ({ server } = await startBookingServer());
    yoga = await serviceNamed(server, 'Community Yoga');
    alice = await visitorToken(server);
    bob = await visitorToken(server);
  });
  after(() => server.close());

  it('lets only the owner or the visitor who booked see a booking; anyone else gets 404 or 401', async () => {
    const eventId = await freshYogaSession();
    const { body } = await create(alice, yogaBooking(eventId));
    const id = body.booking.id;
    const member = await server.storage.members.getByEmail('member@example.com');
    const memberToken = (await new TokenService(server.storage, () => NOW).issue({ kind: 'member', id: member?.id ?? '' })).access_token;

    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}`, { token: alice })).status, 200);
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY })).status, 200);
    assert.equal((await server.call('GET', `/_api/bookings-service/v2/bookings/${id}`, { token: alice })).status, 200);
    for (const token of [bob, memberToken]) {
      const get = await server.call('GET', `/bookings/v2/bookings/${id}`, { token });
      assert.equal(get.status, 404);
      assert.equal(get.body.details.applicationError.code, 'BOOKING_NOT_FOUND');
      const cancel = await server.call('POST', `/bookings/v2/bookings/${id}/cancel`, { token, body: { revision: '1' } });
      assert.equal(cancel.status, 404);
      assert.equal((await server.call('GET', `/v1/anonymous-bookings/${id}/token`, { token })).status, 404);
    }
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}`)).status, 401);
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}`, { token: 'made-up-token' })).status, 401);
    assert.equal((await server.call('POST', `/bookings/v2/bookings/${id}/cancel`, { body: { revision: '1' } })).status, 401);
    assert.equal((await create('', yogaBooking(eventId))).status, 401);

    const confirm = await server.call('POST', `/bookings/v2/bookings/${id}/confirm`, { token: alice, body: { revision: '1' } });
    assert.equal(confirm.status, 403);
    const cod = await server.call('POST', `/bookings/v2/confirmation/${id}:confirmOrDecline`, { token: alice, body: {} });
    assert.equal(cod.status, 403);
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}/history`, { token: alice })).status, 403);
    const after = await server.call('GET', `/bookings/v2/bookings/${id}`, { token: alice });
    assert.equal(after.body.booking.revision, '1');
    assert.equal(after.body.booking.status, 'CREATED');
  });

  it('queries extended bookings: a visitor sees its own with allowedActions, the owner sees all, filters on Wix fields', async () => {
    const eventId = await freshYogaSession();
    const mine = (await create(bob, yogaBooking(eventId))).body.booking;
    const query = (token: string, q: unknown) =>
      server.call('POST', '/bookings-reader/v2/extended-bookings/query', { token, body: { query: q } });
    const bobs = await query(bob, {});
    assert.equal(bobs.status, 200);
    assert.ok(
      bobs.body.extendedBookings.every(
        (e: { booking: { createdBy: { anonymousVisitorId: string } } }) =>
          e.booking.createdBy.anonymousVisitorId === mine.createdBy.anonymousVisitorId,
      ),
    );
    const entry = bobs.body.extendedBookings.find((e: { booking: { id: string } }) => e.booking.id === mine.id);
    assert.deepEqual(entry.allowedActions, { cancel: true, reschedule: false }); // CREATED: the lifecycle has no reschedule
    const all = await query(OWNER_KEY, { filter: { 'bookedEntity.slot.eventId': eventId } });
    assert.equal(all.body.pagingMetadata.total, 1);
    const filtered = await query(OWNER_KEY, {
      filter: { status: { $in: ['CREATED'] }, startDate: { $gte: '2026-12-01T00:00:00Z' }, 'bookedEntity.slot.serviceId': yoga.id },
    });
    assert.ok(filtered.body.extendedBookings.length >= 1);
    assert.ok(filtered.body.extendedBookings.every((e: { booking: { status: string } }) => e.booking.status === 'CREATED'));
    const bad = await query(OWNER_KEY, { filter: { nope: 1 } });
    assert.equal(bad.status, 400);
    assert.equal((await server.call('POST', '/bookings-reader/v2/extended-bookings/query', { body: {} })).status, 401);
  });

  it('gives the creator an anonymous token that reads and cancels that booking alone', async () => {
    const eventId = await freshYogaSession();
    const booking = (await create(alice, yogaBooking(eventId))).body.booking;
    const { status, body } = await server.call('GET', `/v1/anonymous-bookings/${booking.id}/token`, { token: alice });
    assert.equal(status, 200);
    const token = body.token as string;
    const view = await server.call('GET', `/v1/anonymous-bookings/${token}`);
    assert.equal(view.status, 200);
    assert.equal(view.body.booking.id, booking.id);
    assert.deepEqual(view.body.allowedAnonymousActions, { cancel: true, reschedule: false });
    assert.equal((await server.call('GET', `/v1/anonymous-bookings/${token.slice(0, -2)}xx`)).status, 404);
    assert.equal((await server.call('GET', `/v1/anonymous-bookings/${booking.id}`)).status, 404);
    const stale = await server.call('POST', `/v1/anonymous-bookings/${token}/cancel`, { body: { revision: '7' } });
    assert.equal(stale.status, 409);
    const cancel = await server.call('POST', `/v1/anonymous-bookings/${token}/cancel`, { body: { revision: '1' } });
    assert.equal(cancel.status, 200);
    assert.equal(cancel.body.booking.status, 'CANCELED');
    const history = await server.call('GET', `/bookings/v2/bookings/${booking.id}/history`, { token: OWNER_KEY });
    assert.equal(history.body.history[1].actor.kind, 'anonymous');
  });

  it('serves confirm-or-decline at the Wix path with a literal or encoded colon, and nothing else there', async () => {
    const eventId = await freshYogaSession();
    const a = (await create(alice, yogaBooking(eventId))).body.booking;
    const b = (await create(alice, yogaBooking(eventId))).body.booking;
    const literal = await server.call('POST', `/bookings/v2/confirmation/${a.id}:confirmOrDecline`, { token: OWNER_KEY, body: {} });
    assert.equal(literal.status, 200);
    assert.equal(literal.body.booking.status, 'CONFIRMED');
    const encoded = await server.call('POST', `/bookings/v2/confirmation/${b.id}%3AconfirmOrDecline`, { token: OWNER_KEY, body: {} });
    assert.equal(encoded.status, 200);
    assert.equal(encoded.body.booking.status, 'CONFIRMED');
    const prefixed = await server.call('POST', `/_api/bookings-service/v2/confirmation/${b.id}:confirmOrDecline`, {
      token: OWNER_KEY,
      body: {},
    });
    assert.equal(prefixed.status, 409); // reached the route: a CONFIRMED booking cannot be confirmed-or-declined again
    for (const path of [
      `/bookings/v2/confirmation/${a.id}`,
      `/bookings/v2/confirmation/${a.id}:confirm`,
      `/bookings/v2/confirmation/${a.id}:confirmOrDeclineX`,
    ]) {
      assert.equal((await server.call('POST', path, { token: OWNER_KEY, body: {} })).status, 404, path);
    }
    const unknown = await server.call('POST', '/bookings/v2/confirmation/0b9f2d86-0000-4000-8000-000000000000:confirmOrDecline', {
      token: OWNER_KEY,
      body: {},
    });
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.details.applicationError.code, 'BOOKING_NOT_FOUND');
  });
});
