/**
 * The outbox through the real API (contract section 13): a booking's life writes created, confirmed,
 * rescheduled and canceled with a rising sequence in the transaction of each change; a change that rolled back
 * (a create refused for capacity, a stale revision) writes nothing; a channel that fails is retried with
 * exponential backoff, always with the same event id, and FAILED after 24 hours. Runs on SQLite and, with
 * BOOKINGS_TEST_STORAGE=postgres, on PostgreSQL.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, type TestServer } from './helpers.js';
import { NOW, OWNER_KEY, visitorToken, serviceNamed, eventIdAt, classBooking, type DemoService } from './bookings-fixtures.js';
import type { Outbox } from '../../server/domain/outbox/outbox.js';
import { RecordingChannel } from '../../server/domain/outbox/recording-channel.js';

interface B {
  id: string;
  status: string;
  revision: string;
}

describe('outbox events through the API', () => {
  let server: TestServer;
  let outbox: Outbox;
  let yoga: DemoService;
  let visitor: string;
  /** The outbox's clock (epoch ms), moved by the retry test. */
  let t = Date.now();
  let week = 0;
  const session = () => eventIdAt(server, yoga, `${new Date(Date.UTC(2026, 11, 5 + 7 * week++)).toISOString().slice(0, 10)}T10:00:00`);

  const create = async (eventId: string, extra: Record<string, unknown> = {}, token = visitor) =>
    server.call('POST', '/bookings/v2/bookings', {
      token,
      body: { ...classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }), ...extra },
    });
  const act = (b: B, action: string, body: Record<string, unknown> = {}, token = OWNER_KEY) =>
    server.call('POST', `/bookings/v2/bookings/${b.id}/${action}`, { token, body: { revision: b.revision, ...body } });
  const ok = async (call: Promise<{ status: number; body: { booking: B } }>): Promise<B> => {
    const r = await call;
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking;
  };
  const eventsOf = async (id: string) => server.storage.outbox.listEvents({ entityId: id });

  before(async () => {
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: {
        clock: () => NOW,
        // No timer: each test runs the worker's rounds itself, on a clock it moves.
        outbox: { enabled: false, clock: () => t, random: () => 0.5, register: (o) => (outbox = o) },
      },
    });
    yoga = await serviceNamed(server, 'Community Yoga');
    visitor = await visitorToken(server);
  });
  after(() => server.close());

  it('create → confirm → reschedule → cancel: created, confirmed, rescheduled, canceled, sequence 1..4', async () => {
    const [from, to] = [await session(), await session()];
    const created = await ok(create(from));
    const confirmed = await ok(act(created, 'confirm'));
    const moved = await ok(act(confirmed, 'reschedule', { slot: { serviceId: yoga.id, eventId: to } }));
    const canceled = await ok(act(moved, 'cancel'));
    const events = await eventsOf(created.id);
    assert.deepEqual(
      events.map((e) => [e.eventType, e.entityEventSequence]),
      [
        ['wix.bookings.v2.booking_created', 1],
        ['wix.bookings.v2.booking_confirmed', 2],
        ['wix.bookings.v2.booking_rescheduled', 3],
        ['wix.bookings.v2.booking_canceled', 4],
      ],
    );
    for (const e of events) {
      assert.equal(e.entityFqdn, 'wix.bookings.v2.booking');
      assert.equal(e.eventTime, NOW.toISOString());
    }
    // Each carries the booking as it was answered after its change.
    assert.deepEqual(
      events.map((e) => [e.payload['status'], e.payload['revision']]),
      [created, confirmed, moved, canceled].map((b) => [b.status, b.revision]),
    );
    assert.equal(new Set(events.map((e) => e.id)).size, 4);
  });

  it('writes nothing for a change that rolled back: a create refused for capacity, a stale revision', async () => {
    const before = (await server.storage.outbox.listEvents()).length;
    const eventId = await session();
    for (let i = 0; i < 3; i++) await ok(create(eventId, { flowControlSettings: { skipBusinessConfirmation: true } }, OWNER_KEY));
    assert.equal((await server.storage.outbox.listEvents()).length, before + 3);
    const full = await create(eventId);
    assert.equal(full.status, 428, JSON.stringify(full.body));
    const b = await ok(create(await session()));
    await ok(act(b, 'confirm'));
    const stale = await act(b, 'cancel'); // b.revision is the one before the confirm
    assert.equal(stale.status, 409, JSON.stringify(stale.body));
    const all = await server.storage.outbox.listEvents();
    assert.equal(all.length, before + 5);
    assert.deepEqual(
      (await eventsOf(b.id)).map((e) => e.eventType),
      ['wix.bookings.v2.booking_created', 'wix.bookings.v2.booking_confirmed'],
    );
  });

  it('a failing channel is retried with backoff and the same event id, then delivered once', async () => {
    await drain();
    const channel = new RecordingChannel(outbox, { prefix: 'flaky', failFirst: 2 });
    try {
      const b = await ok(create(await session()));
      const [event] = await eventsOf(b.id);
      assert.ok(event);
      assert.equal(await outbox.worker.runOnce(), 1);
      const mine = () => server.storage.outbox.listDeliveries({ eventId: event.id, channelPrefix: 'flaky' });
      let [d] = await mine();
      assert.equal(d?.status, 'PENDING');
      assert.equal(d?.attempts, 1);
      // Jitter fixed at 0.5: 75 % of 10 s × 2^(attempts − 1).
      assert.equal(d?.nextAttemptAt, t + 7_500);
      assert.equal(d?.lastAnswer, '503 Service Unavailable');
      t += 7_499;
      await outbox.worker.runOnce();
      assert.equal(channel.attempts.length, 1, 'not due yet');
      t += 1;
      await outbox.worker.runOnce();
      [d] = await mine();
      assert.equal(d?.attempts, 2);
      assert.equal(d?.nextAttemptAt, t + 15_000);
      t += 15_000;
      await outbox.worker.runOnce();
      [d] = await mine();
      assert.equal(d?.status, 'DONE');
      assert.equal(d?.lastAnswer, '200 OK');
      assert.deepEqual(
        channel.attempts.map((a) => a.event.id),
        [event.id, event.id, event.id],
      );
      assert.equal(channel.delivered.length, 1);
      await outbox.worker.runOnce();
      assert.equal(channel.attempts.length, 3, 'done is done');
    } finally {
      channel.close();
    }
  });

  it('gives up 24 hours after the event: FAILED, with the last error kept', async () => {
    await drain();
    const channel = new RecordingChannel(outbox, { prefix: 'down', failFirst: 1_000 });
    try {
      const b = await ok(create(await session()));
      const [event] = await eventsOf(b.id);
      assert.ok(event);
      t = event.createdAt;
      await outbox.worker.runOnce();
      const mine = async () => (await server.storage.outbox.listDeliveries({ eventId: event.id, channelPrefix: 'down' }))[0];
      for (let round = 0; round < 80 && (await mine())?.status === 'PENDING'; round++) {
        t = (await mine())?.nextAttemptAt ?? t;
        await outbox.worker.runOnce();
        const d = await mine();
        if (d?.status === 'PENDING') {
          assert.ok(d.nextAttemptAt - t <= 3_600_000, 'capped at an hour');
          assert.ok(d.nextAttemptAt <= event.createdAt + 24 * 3_600_000);
        }
      }
      const d = await mine();
      assert.equal(d?.status, 'FAILED');
      assert.match(d?.lastError ?? '', /refused attempt/);
      assert.ok(t >= event.createdAt + 24 * 3_600_000);
      // 7.5 s, 15 s … doubling to the 45 min cap (an hour at 75 % jitter), then every 45 min to the 24th hour.
      assert.ok((d?.attempts ?? 0) > 35 && (d?.attempts ?? 0) < 50, `attempts ${d?.attempts}`);
    } finally {
      channel.close();
    }
  });

  /** Deliveries of channels other tests registered, due now: run the worker until none is. */
  async function drain(): Promise<void> {
    while ((await outbox.worker.runOnce()) > 0);
  }
});
