/**
 * LISTEN/NOTIFY between instances (server/storage/postgres/listener.ts): a setup write committed on one
 * instance moves the other's setup version, a rolled-back one does not, an instance ignores its own
 * notifications, and a dropped listening connection comes back by itself and says so.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresExecutor, SETUP_CHANNEL } from '../../server/storage/postgres/executor.js';
import { PgListener } from '../../server/storage/postgres/listener.js';
import { postgresPeers } from '../../server/storage/postgres/peers.js';
import { migratedDatabase } from './postgres-fixtures.js';

/** Resolves when `check` holds, polling; rejects after `ms`. */
async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('PostgreSQL notifications between instances', () => {
  let db: Awaited<ReturnType<typeof migratedDatabase>>;
  let a: PostgresExecutor;
  let b: PostgresExecutor;
  let listenA: PgListener;
  let listenB: PgListener;
  const heardByA: string[] = [];

  before(async () => {
    db = await migratedDatabase();
    a = db.x;
    b = new PostgresExecutor({ connectionString: db.url });
    listenA = new PgListener(db.url, a.instanceId);
    listenB = new PgListener(db.url, b.instanceId);
    listenA.on(SETUP_CHANNEL, (body) => heardByA.push(body));
    listenB.on(SETUP_CHANNEL, () => b.setupChangedElsewhere());
    await Promise.all([listenA.ready, listenB.ready]);
  });
  after(async () => {
    await listenA.close();
    await listenB.close();
    await b.close();
    await db.close();
  });

  it('moves the other instance’s setup version once a setup write commits, and not before', async () => {
    const before = b.setupVersion;
    let seenInside = -1;
    await a.writeSetup(async () => {
      await a.query(`INSERT INTO business (id, name, time_zone, currency, locale) VALUES ('b1', 'Harbor', 'UTC', 'EUR', 'en')`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      seenInside = b.setupVersion;
    });
    assert.equal(seenInside, before, 'nothing is told before the commit');
    await eventually(() => b.setupVersion > before);
    assert.equal(heardByA.length, 0, 'an instance ignores its own notifications');
  });

  it('tells nothing about a setup write that rolls back', async () => {
    const before = b.setupVersion;
    await assert.rejects(
      a.writeSetup(async () => {
        await a.query(`UPDATE business SET name = 'Renamed'`);
        throw new Error('refused');
      }),
      /refused/,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(b.setupVersion, before);
    assert.deepEqual(await a.query('SELECT name FROM business'), [{ name: 'Harbor' }]);
  });

  it('comes back after its connection is cut, and says so', async () => {
    let reconnected = 0;
    listenB.onReconnect(() => reconnected++);
    await a.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`);
    await eventually(() => reconnected > 0);
    const before = b.setupVersion;
    await a.writeSetup(() => a.query(`UPDATE business SET name = 'Harbor Yoga'`));
    await eventually(() => b.setupVersion > before);
  });
});

describe('PostgreSQL peers', () => {
  it('hands a booking id announced by one instance to the other, and not back to itself', async () => {
    const db = await migratedDatabase();
    const b = new PostgresExecutor({ connectionString: db.url });
    const listenA = new PgListener(db.url, db.x.instanceId);
    const listenB = new PgListener(db.url, b.instanceId);
    try {
      const peersA = postgresPeers(db.x, listenA);
      const peersB = postgresPeers(b, listenB);
      const heardA: string[] = [];
      const heardB: string[] = [];
      peersA.on('booking', (id) => heardA.push(id));
      peersB.on('booking', (id) => heardB.push(id));
      await Promise.all([listenA.ready, listenB.ready]);
      await peersA.announce('booking', 'b-1');
      await peersB.announce('booking', 'b-2');
      await eventually(() => heardA.length === 1 && heardB.length === 1);
      assert.deepEqual({ heardA, heardB }, { heardA: ['b-2'], heardB: ['b-1'] });
    } finally {
      await listenA.close();
      await listenB.close();
      await b.close();
      await db.close();
    }
  });
});
