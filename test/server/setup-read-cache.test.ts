/**
 * The setup read cache (server/storage/setup-read-cache.ts): reads come from memory, yet every write is seen by
 * the very next read, whoever makes it (an owner through the API, code writing the storage directly), and a
 * rolled-back write leaves nothing behind.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { withSetupReadCache } from '../../server/storage/setup-read-cache.js';
import { seedDemo } from '../../server/seed/demo.js';
import { OWNER_KEY, startServer } from './helpers.js';

async function cachedDemo() {
  const dir = mkdtempSync(join(tmpdir(), 'setup-cache-'));
  const raw = createSqliteStorage(join(dir, 'db.sqlite'));
  await seedDemo(raw);
  const cached = withSetupReadCache(raw);
  const close = async () => (await raw.close(), rmSync(dir, { recursive: true, force: true }));
  return { raw, cached, close };
}

test('a second read of the same service is the same (cached) object, and a direct storage write is seen at once', async () => {
  const { raw, cached, close } = await cachedDemo();
  try {
    const [first] = await cached.catalogue.listServices();
    assert.ok(first);
    assert.equal((await cached.catalogue.listServices())[0], first, 'served from memory');
    const before = await cached.catalogue.getService(first.id);
    assert.ok(before);
    assert.ok(await raw.catalogue.updateService({ ...before, name: 'Renamed directly' }, before.revision));
    assert.equal((await cached.catalogue.getService(first.id))?.name, 'Renamed directly');
    assert.equal((await cached.catalogue.listServices())[0]?.name, 'Renamed directly');
  } finally {
    await close();
  }
});

test('cached values are frozen: a caller that mutates one fails instead of changing the next answer', async () => {
  const { cached, close } = await cachedDemo();
  try {
    const [service] = await cached.catalogue.listServices();
    assert.ok(service);
    assert.throws(() => {
      (service as { name: string }).name = 'mutated';
    }, TypeError);
    assert.notEqual((await cached.catalogue.listServices())[0]?.name, 'mutated');
  } finally {
    await close();
  }
});

test('a setup write rolled back with its transaction is forgotten, even when read inside it', async () => {
  const { cached, close } = await cachedDemo();
  try {
    const [service] = await cached.catalogue.listServices();
    assert.ok(service);
    await assert.rejects(
      cached.transaction(async () => {
        assert.ok(await cached.catalogue.updateService({ ...service, name: 'Never committed' }, service.revision));
        assert.equal((await cached.catalogue.getService(service.id))?.name, 'Never committed');
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal((await cached.catalogue.getService(service.id))?.name, service.name);
  } finally {
    await close();
  }
});

test("an owner's change through the API shows in the next public catalogue read", async () => {
  const server = await startServer();
  try {
    const query = async () =>
      (await server.call('POST', '/bookings/v2/services/query', { body: {} })).body.services as {
        id: string;
        name: string;
        revision: string;
      }[];
    const [first] = await query();
    assert.ok(first);
    const renamed = await server.call('PATCH', `/bookings/v2/services/${first.id}`, {
      token: OWNER_KEY,
      body: { service: { revision: first.revision, name: 'Sunrise Flow' } },
    });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal((await query()).find((s) => s.id === first.id)?.name, 'Sunrise Flow');
  } finally {
    await server.close();
  }
});
