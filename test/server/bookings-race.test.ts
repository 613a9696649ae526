/**
 * Capacity under races (contract section 6): many visitors create and get confirmed-or-declined at once, and the
 * bookings that block a session never exceed its capacity except those flagged doubleBooked.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import { OWNER_KEY, NOW, startBookingServer, visitorToken, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';
import { createSlotResolver } from '../../server/domain/availability/resolver.js';

const VISITORS = 40;

describe('capacity races', () => {
  let server: TestServer;
  let tokens: string[];
  before(async () => {
    ({ server } = await startBookingServer());
    tokens = await Promise.all(Array.from({ length: VISITORS }, () => visitorToken(server)));
  });
  after(() => server.close());

  /** Participants of blocking bookings in the session, sampled while the race runs. */
  const watchOccupancy = (eventId: string) => {
    let max = 0;
    let running = true;
    const loop = (async () => {
      while (running) {
        const rows = await server.storage.occupancy.listOccupying({
          statuses: ['CONFIRMED', 'PENDING'],
          fromUtc: '2026-01-01T00:00:00Z',
          toUtc: '2028-01-01T00:00:00Z',
          eventIds: [eventId],
        });
        const plain = rows.length; // each booking here is for one participant
        max = Math.max(max, plain);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    return async () => {
      running = false;
      await loop;
      return max;
    };
  };

  const remaining = async (serviceName: string, eventId: string) => {
    const service = await server.storage.catalogue.getService((await serviceNamed(server, serviceName)).id);
    assert.ok(service);
    const resolver = createSlotResolver(server.storage);
    const slot = await resolver.resolve(service, { slot: { serviceId: service.id, scheduleId: service.schedule.id, eventId } }, NOW);
    return resolver.remainingCapacity(service, slot);
  };

  it('40 visitors race for the last 3 spots of Community Yoga: exactly 3 CONFIRMED, the rest DECLINED or refused with 428', async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    const eventId = await eventIdAt(server, yoga, '2026-12-05T10:00:00');
    assert.equal(await remaining('Community Yoga', eventId), 3);
    const stop = watchOccupancy(eventId);
    const outcomes = await Promise.all(
      tokens.map(async (token) => {
        const created = await server.call('POST', '/bookings/v2/bookings', {
          token,
          body: classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }),
        });
        if (created.status !== 200) return { create: created.status, code: created.body.details?.applicationError?.code as string };
        const decided = await server.call('POST', `/bookings/v2/confirmation/${created.body.booking.id}:confirmOrDecline`, {
          token: OWNER_KEY,
          body: {},
        });
        assert.equal(decided.status, 200, JSON.stringify(decided.body));
        return { create: 200, status: decided.body.booking.status as string, id: created.body.booking.id as string };
      }),
    );
    const maxBlocking = await stop();
    assert.equal(outcomes.length, VISITORS);
    const confirmed = outcomes.filter((o) => o.status === 'CONFIRMED');
    const declined = outcomes.filter((o) => o.status === 'DECLINED');
    const refused = outcomes.filter((o) => o.create === 428);
    assert.equal(confirmed.length, 3, JSON.stringify(outcomes));
    assert.equal(confirmed.length + declined.length + refused.length, VISITORS, JSON.stringify(outcomes));
    assert.ok(refused.every((o) => o.code === 'SLOT_NOT_AVAILABLE'));
    assert.ok(maxBlocking <= 3, `at one point ${maxBlocking} bookings blocked a session of 3`);
    assert.equal(await remaining('Community Yoga', eventId), 0);
    // Nothing lost: every created booking is stored, and no blocking booking is double booked.
    const stored = await server.storage.bookings.listForEvent(eventId, ['CONFIRMED', 'DECLINED', 'CREATED', 'PENDING']);
    assert.equal(stored.length, confirmed.length + declined.length);
    assert.ok(stored.every((s) => s.booking.status !== 'CREATED' && !s.booking.doubleBooked));
  });

  it('the same race on a paid class with PAID checkouts keeps every booking and flags exactly the overflow', async () => {
    const vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    const eventId = await eventIdAt(server, vinyasa, '2026-12-04T18:00:00');
    // Everyone gets a CREATED booking first (CREATED holds no spot), then all 40 paid checkouts land at once.
    const created = await Promise.all(
      tokens.map(async (token) => {
        const r = await server.call('POST', '/bookings/v2/bookings', {
          token,
          body: classBooking(vinyasa, eventId, { selectedPaymentOption: 'ONLINE' }),
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        assert.equal(r.body.booking.status, 'CREATED');
        return r.body.booking.id as string;
      }),
    );
    const decided = await Promise.all(
      created.map(async (id) => {
        const r = await server.call('POST', `/bookings/v2/confirmation/${id}:confirmOrDecline`, {
          token: OWNER_KEY,
          body: { paymentStatus: 'PAID' },
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return r.body.booking as { id: string; status: string; paymentStatus: string; doubleBooked?: boolean };
      }),
    );
    assert.ok(decided.every((b) => b.status === 'CONFIRMED' && b.paymentStatus === 'PAID'));
    const flagged = decided.filter((b) => b.doubleBooked === true);
    assert.equal(flagged.length, VISITORS - 12);
    const notifications = (await server.call('GET', '/bookings/v2/notifications', { token: OWNER_KEY })).body.notifications as {
      bookingId: string;
      type: string;
    }[];
    const forThisClass = notifications.filter((n) => created.includes(n.bookingId));
    assert.equal(forThisClass.length, flagged.length);
    assert.deepEqual(new Set(forThisClass.map((n) => n.bookingId)), new Set(flagged.map((b) => b.id)));
    assert.equal(await remaining('Vinyasa Flow', eventId), 0);
  });
});
