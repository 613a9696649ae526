/**
 * The outbox worker makes a round's deliveries in one storage call (one transaction, one commit), not one per
 * event: on a busy server every booking's events were a commit of their own on the request connection.
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
import type { OutboxStore } from '../../server/storage/outbox-types.js';
import { Outbox } from '../../server/domain/outbox/outbox.js';
import { RecordingChannel } from '../../server/domain/outbox/recording-channel.js';

it("dispatches a round's events in one call, and every event gets its deliveries", async () => {
  const db = TEST_BACKEND === 'postgres' ? await freshDatabase() : undefined;
  const storage = db
    ? await createPostgresStorage(db.url)
    : createSqliteStorage(join(mkdtempSync(join(tmpdir(), 'outbox-dispatch-')), 'bookings.sqlite'));
  try {
    const events = Array.from({ length: 12 }, (_, i) => ({
      id: randomUUID(),
      eventType: 'wix.bookings.v2.booking_created' as const,
      entityFqdn: 'wix.bookings.v2.booking',
      entityId: `booking-${i}`,
      payload: { i },
      eventTime: new Date().toISOString(),
      createdAt: Date.now(),
    }));
    await storage.transaction(() => storage.outbox.append(events));
    const calls: number[] = [];
    const counting = new Proxy(storage.outbox, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (key === 'addDeliveries') {
          const add = target.addDeliveries.bind(target);
          return ((batch, at) => (calls.push(batch.length), add(batch, at))) satisfies OutboxStore['addDeliveries'];
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const outbox = new Outbox(counting, { enabled: false, batch: 20 });
    const channel = new RecordingChannel(outbox);
    await outbox.worker.runOnce();
    assert.deepEqual(calls, [12], 'one call for the round');
    assert.deepEqual(await storage.outbox.undispatched(20), []);
    await outbox.worker.runOnce();
    assert.equal(channel.delivered.length, 12);
  } finally {
    await storage.close();
    await db?.drop();
  }
});
