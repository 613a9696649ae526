/**
 * The counter stores behind the login throttle and the door limits (storage/counter-types.ts): memory, SQLite's
 * table and PostgreSQL's give the same answers to the same calls; PostgreSQL's counts exactly under concurrent
 * hits from two instances (two executors, two pools) on one database.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CounterStore } from '../../server/storage/counter-types.js';
import { MemoryCounterStore } from '../../server/storage/memory-counters.js';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/index.js';
import { PostgresCounterStore } from '../../server/storage/postgres/counter-store.js';
import { PostgresExecutor } from '../../server/storage/postgres/executor.js';
import { migratedDatabase } from './postgres-fixtures.js';

const T0 = Date.UTC(2026, 0, 1);

describe('counter stores: memory, SQLite and PostgreSQL alike', () => {
  let sqlite: SqliteStorage;
  let pg: Awaited<ReturnType<typeof migratedDatabase>>;
  let stores: [string, CounterStore][];

  before(async () => {
    sqlite = createSqliteStorage(':memory:', { counters: 'database' });
    pg = await migratedDatabase();
    stores = [
      ['memory', new MemoryCounterStore()],
      ['sqlite', sqlite.counters],
      ['postgres', new PostgresCounterStore(pg.x)],
    ];
  });
  after(async () => {
    await sqlite.close();
    await pg.close();
  });

  /** Runs `call` on every store; all answers must equal the memory store's. */
  async function same<T>(call: (s: CounterStore) => Promise<T>): Promise<T> {
    const answers: T[] = [];
    for (const [, store] of stores) answers.push(await call(store));
    stores.forEach(([name], i) => assert.deepEqual(answers[i], answers[0], name));
    return answers[0] as T;
  }

  it('the SQLite storage counts in memory unless asked for its table', async () => {
    const plain = createSqliteStorage(':memory:');
    assert.ok(plain.counters instanceof MemoryCounterStore);
    await plain.close();
    assert.ok(!(sqlite.counters instanceof MemoryCounterStore));
  });

  it('hit opens a window, counts in it, and opens a new one at resetAt; read counts nothing', async () => {
    assert.deepEqual(await same((s) => s.read('a', T0)), { count: 0, resetAt: T0 });
    assert.deepEqual(await same((s) => s.hit('a', 60_000, T0)), { count: 1, resetAt: T0 + 60_000 });
    assert.deepEqual(await same((s) => s.hit('a', 60_000, T0 + 10)), { count: 2, resetAt: T0 + 60_000 });
    assert.deepEqual(await same((s) => s.hit('a', 1_000, T0 + 59_999)), { count: 3, resetAt: T0 + 60_000 }, 'window kept');
    assert.deepEqual(await same((s) => s.read('a', T0 + 59_999)), { count: 3, resetAt: T0 + 60_000 });
    assert.deepEqual(await same((s) => s.read('a', T0 + 60_000)), { count: 0, resetAt: T0 + 60_000 }, 'ended');
    assert.deepEqual(await same((s) => s.hit('a', 30_000, T0 + 60_000)), { count: 1, resetAt: T0 + 90_000 });
    assert.deepEqual(await same((s) => s.hit('b', 5_000, T0 + 60_000)), { count: 1, resetAt: T0 + 65_000 }, 'keys apart');
  });

  it('clear forgets a key; purgeExpired drops the windows that ended', async () => {
    await same((s) => s.hit('c', 1_000, T0));
    await same((s) => s.clear('c'));
    assert.deepEqual(await same((s) => s.read('c', T0)), { count: 0, resetAt: T0 });
    await same((s) => s.clear('never'));
    await same((s) => s.hit('d', 100_000, T0));
    assert.equal(await same((s) => s.purgeExpired(T0 + 65_000)), 1, 'b ended at +65 s');
    assert.equal(await same((s) => s.purgeExpired(T0 + 90_000)), 1, 'a ended at +90 s');
    assert.deepEqual(await same((s) => s.read('d', T0 + 90_000)), { count: 1, resetAt: T0 + 100_000 });
    assert.equal(await same((s) => s.purgeExpired(T0 + 100_000)), 1);
  });

  it('keys hold any text but NUL: emails, addresses, hashed tokens', async () => {
    const key = 'login:email:2001:db8::/56 Ünïcödé+tag@example.com';
    assert.equal((await same((s) => s.hit(key, 1_000, T0))).count, 1);
    assert.equal((await same((s) => s.hit(key, 1_000, T0))).count, 2);
  });

  it('PostgreSQL: 50 concurrent hits from two instances see 1..50, each once', async () => {
    const other = new PostgresExecutor({ connectionString: pg.url });
    try {
      const here = new PostgresCounterStore(pg.x);
      const there = new PostgresCounterStore(other);
      const now = Date.now();
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? here : there).hit('race', 60_000, now)));
      assert.deepEqual(
        answers.map((a) => a.count).sort((a, b) => a - b),
        Array.from({ length: 50 }, (_, i) => i + 1),
      );
      assert.ok(answers.every((a) => a.resetAt === now + 60_000));
      assert.deepEqual(await there.read('race', now), { count: 50, resetAt: now + 60_000 });
    } finally {
      await other.close();
    }
  });
});
