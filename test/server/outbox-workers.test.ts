/**
 * Several workers on one outbox (contract section 14): on PostgreSQL two instances (two pools, two workers) claim
 * the same due deliveries at once and each delivery is delivered exactly once (`FOR UPDATE SKIP LOCKED`); on
 * SQLite two workers in the one process do the same through the lease. Also: a lapsed lease is claimed again
 * (the first worker died), and the holder of a lapsed lease can no longer complete it.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_BACKEND } from './helpers.js';
import { freshDatabase } from './postgres-fixtures.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { createPostgresStorage } from '../../server/storage/postgres/index.js';
import type { Storage } from '../../server/storage/types.js';
import { Outbox } from '../../server/domain/outbox/outbox.js';
import { RecordingChannel } from '../../server/domain/outbox/recording-channel.js';

/** Two storages on one database: two instances on PostgreSQL, the one process twice over on SQLite. */
async function twoInstances(): Promise<{ a: Storage; b: Storage; close(): Promise<void> }> {
  if (TEST_BACKEND === 'postgres') {
    const db = await freshDatabase();
    const a = await createPostgresStorage(db.url);
    const b = await createPostgresStorage(db.url);
    return { a, b, close: async () => (await a.close(), await b.close(), await db.drop()) };
  }
  const a = createSqliteStorage(join(mkdtempSync(join(tmpdir(), 'outbox-')), 'bookings.sqlite'));
  return { a, b: a, close: () => a.close() };
}

const EVENTS = 200;

it('two workers on one database deliver each delivery exactly once', async () => {
  const { a, b, close } = await twoInstances();
  try {
    await a.transaction(() =>
      a.outbox.append(
        Array.from({ length: EVENTS }, (_, i) => ({
          id: randomUUID(),
          eventType: 'wix.bookings.v2.booking_created' as const,
          entityFqdn: 'wix.bookings.v2.booking',
          entityId: `booking-${i % 20}`,
          payload: { i },
          eventTime: new Date().toISOString(),
          createdAt: Date.now(),
        })),
      ),
    );
    const seen = new Map<string, number>();
    const outboxes = [new Outbox(a.outbox, { enabled: false, batch: 7 }), new Outbox(b.outbox, { enabled: false, batch: 7 })];
    const channels = outboxes.map(
      (o) =>
        new RecordingChannel(o, {
          onDelivered: async ({ delivery }) => {
            seen.set(delivery.id, (seen.get(delivery.id) ?? 0) + 1);
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
          },
        }),
    );
    // Both dispatch and claim at once, round after round, until nothing is left.
    const drain = async (o: Outbox) => {
      let idle = 0;
      while (idle < 3) idle = (await o.worker.runOnce()) > 0 ? 0 : idle + 1;
    };
    await Promise.all(outboxes.map(drain));
    const deliveries = await a.outbox.listDeliveries({ limit: 10_000 });
    assert.equal(deliveries.length, EVENTS, 'one delivery per event and channel, however many dispatched');
    assert.ok(deliveries.every((d) => d.status === 'DONE' && d.attempts === 1));
    assert.equal(seen.size, EVENTS);
    assert.ok(
      [...seen.values()].every((n) => n === 1),
      'each delivered once',
    );
    if (TEST_BACKEND === 'postgres') {
      const [x, y] = channels.map((c) => c.delivered.length);
      assert.ok((x ?? 0) > 0 && (y ?? 0) > 0, `both instances delivered (${x} and ${y})`);
    }
    // Sequences rose per entity, 1..10 each.
    const events = await a.outbox.listEvents({ entityId: 'booking-3' });
    assert.deepEqual(
      events.map((e) => e.entityEventSequence),
      Array.from({ length: EVENTS / 20 }, (_, i) => i + 1),
    );
  } finally {
    await close();
  }
});

it('a lapsed lease is claimed again, and its first holder can no longer complete it', async () => {
  const { a, b, close } = await twoInstances();
  try {
    const id = randomUUID();
    const now = Date.now();
    await a.outbox.append([
      {
        id,
        eventType: 'wix.ecom.v1.order_created',
        entityFqdn: 'wix.ecom.v1.order',
        entityId: 'o1',
        payload: {},
        eventTime: '',
        createdAt: now,
      },
    ]);
    await a.outbox.addDeliveries([{ eventId: id, channels: ['test:all'] }], now);
    const [first] = await a.outbox.claimDue(now, 10, 1_000, 'w1');
    assert.ok(first);
    assert.deepEqual(await b.outbox.claimDue(now + 999, 10, 1_000, 'w2'), [], 'held');
    const [again] = await b.outbox.claimDue(now + 1_000, 10, 1_000, 'w2');
    assert.equal(again?.delivery.id, first.delivery.id);
    assert.equal(again?.delivery.attempts, 2);
    assert.equal(again?.event.id, id);
    assert.equal(await a.outbox.complete(first.delivery.id, 'w1', now + 1_001), false);
    assert.equal(await b.outbox.complete(first.delivery.id, 'w2', now + 1_002, '200 OK'), true);
    const [done] = await a.outbox.listDeliveries({ eventId: id });
    assert.equal(done?.status, 'DONE');
    assert.equal(done?.doneAt, now + 1_002);
  } finally {
    await close();
  }
});
