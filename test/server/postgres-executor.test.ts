/**
 * The PostgreSQL executor and migration runner (server/storage/postgres) on a real server: migrations applied
 * once by instances that start together, transactions that land whole or not at all, a nested transaction
 * joining its outer one, advisory locks that make a count-then-insert decision exact under 60 racing
 * transactions on two pools, and a transaction run again after a serialization failure.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresExecutor } from '../../server/storage/postgres/executor.js';
import { migrate, SchemaTooNewError } from '../../server/storage/postgres/migrate.js';
import { migrations } from '../../server/storage/postgres/migrations/index.js';
import { freshDatabase, type TestDatabase } from './postgres-fixtures.js';

describe('PostgreSQL executor and migrations', () => {
  let db: TestDatabase;
  let a: PostgresExecutor;
  let b: PostgresExecutor; // a second instance's pool on the same database

  before(async () => {
    db = await freshDatabase();
    a = new PostgresExecutor({ connectionString: db.url });
    b = new PostgresExecutor({ connectionString: db.url });
  });
  after(async () => {
    await a.close();
    await b.close();
    await db.drop();
  });

  it('applies every migration once when two instances start together', async () => {
    const [ranA, ranB] = await Promise.all([migrate(a.pool, migrations), migrate(b.pool, migrations)]);
    assert.deepEqual(
      [...ranA, ...ranB].sort((x, y) => x - y),
      migrations.map((m) => m.version),
    );
    assert.ok(ranA.length === 0 || ranB.length === 0, 'one instance ran them all, the other waited and found them done');
    const rows = await a.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(
      rows.map((r) => r.version),
      migrations.map((m) => m.version),
    );
    assert.deepEqual(await migrate(a.pool, migrations), [], 'a restart applies nothing');
  });

  it('refuses to run on a database migrated by a newer version', async () => {
    await assert.rejects(migrate(a.pool, migrations.slice(0, -1)), SchemaTooNewError);
  });

  it('lands a transaction whole or not at all; a nested one joins its outer one', async () => {
    await a.query('CREATE TABLE t_notes (id serial PRIMARY KEY, body text NOT NULL)');
    await assert.rejects(
      a.transaction(async () => {
        await a.query('INSERT INTO t_notes (body) VALUES ($1)', ['first']);
        await a.transaction(() => a.query('INSERT INTO t_notes (body) VALUES ($1)', ['nested']));
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    assert.deepEqual(await a.query('SELECT body FROM t_notes'), []);
    await a.transaction(async () => {
      await a.query('INSERT INTO t_notes (body) VALUES ($1)', ['kept']);
      assert.equal(a.inTransaction, true);
    });
    assert.deepEqual(await a.query('SELECT body FROM t_notes'), [{ body: 'kept' }]);
  });

  it('makes a count-then-insert decision exact across two instances with lock()', async () => {
    await a.query('CREATE TABLE t_spots (id serial PRIMARY KEY, session text NOT NULL)');
    const take = (x: PostgresExecutor) =>
      x.transaction(async () => {
        await x.lock('session:yoga');
        const [{ n }] = (await x.query<{ n: string }>('SELECT count(*) AS n FROM t_spots WHERE session = $1', ['yoga'])) as [{ n: string }];
        if (Number(n) >= 3) return false;
        await new Promise((resolve) => setImmediate(resolve)); // widen the window a race would need
        await x.query('INSERT INTO t_spots (session) VALUES ($1)', ['yoga']);
        return true;
      });
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => take(i % 2 ? a : b)));
    assert.equal(outcomes.filter(Boolean).length, 3);
    assert.deepEqual(await a.query('SELECT count(*)::int AS n FROM t_spots'), [{ n: 3 }]);
  });

  it('refuses lock() outside a transaction', async () => {
    await assert.rejects(a.lock('k'), /outside a transaction/);
  });

  it('runs a transaction again after a serialization failure, and not after other errors', async () => {
    let attempts = 0;
    const retriesBefore = a.stats.retries;
    const value = await a.transaction(async () => {
      attempts++;
      if (attempts === 1) throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      return 'second time';
    });
    assert.equal(value, 'second time');
    assert.equal(attempts, 2);
    assert.equal(a.stats.retries, retriesBefore + 1);
    let plain = 0;
    await assert.rejects(
      a.transaction(async () => {
        plain++;
        throw new Error('bad input');
      }),
      /bad input/,
    );
    assert.equal(plain, 1);
  });
});
