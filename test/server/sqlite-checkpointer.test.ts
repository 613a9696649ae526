/**
 * WAL checkpoints off the event loop (server/storage/sqlite/checkpointer.ts), on real SQLite files: once busy, a
 * worker thread copies the WAL into the database file and the request connection stops doing it; a worker that
 * cannot run leaves the request connection checkpointing as before; stopping closes the worker's connection, so
 * the last close folds the WAL away. Waits poll a state, with a deadline, never a fixed sleep.
 */
import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, SqliteExecutor, type Db } from '../../server/storage/sqlite/database.js';
import { WalCheckpointer, type CheckpointerOptions } from '../../server/storage/sqlite/checkpointer.js';

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const autocheckpoint = (db: Db) => db.pragma('wal_autocheckpoint', { simple: true }) as number;

describe('the WAL checkpointer', () => {
  let dir: string;
  let file: string;
  let db: Db;
  let x: SqliteExecutor;
  let checkpoints: WalCheckpointer;

  const open = (options: CheckpointerOptions) => {
    db = openDatabase(file);
    db.exec('CREATE TABLE scratch (body TEXT NOT NULL)');
    x = new SqliteExecutor(db);
    checkpoints = new WalCheckpointer(db, file, options);
    x.onCommit = () => checkpoints.committed();
  };
  /** `n` group-committed transactions, each writing about 4 KB (a page or so of WAL). */
  const write = (n: number) =>
    Promise.all(
      Array.from({ length: n }, () =>
        x.transaction(() => x.exec((d) => d.prepare('INSERT INTO scratch (body) VALUES (?)').run('x'.repeat(4000)))),
      ),
    );
  const commitsOneByOne = async (n: number) => {
    for (let i = 0; i < n; i++) await write(1);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'checkpointer-'));
    file = join(dir, 'bookings.sqlite');
  });
  afterEach(async () => {
    await checkpoints.stop();
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts a worker once busy; from then on the worker, not the request connection, fills the database file', async () => {
    open({ afterCommits: 5, everyMs: 10 });
    await commitsOneByOne(4);
    assert.equal(checkpoints.offloaded, false, 'quiet databases never start a thread');
    assert.equal(autocheckpoint(db), 1000);
    await commitsOneByOne(1);
    assert.equal(checkpoints.offloaded, true);
    await until('the worker has its connection and the request connection stops checkpointing', () => autocheckpoint(db) === 0);
    const before = statSync(file).size;
    await write(400); // far under SQLite's own 1,000-page trigger once, and it is off anyway
    await until('the worker copied the WAL into the database file', () => statSync(file).size > before + 400 * 4000);
    assert.equal(autocheckpoint(db), 0);
  });

  it('leaves the request connection checkpointing when the worker cannot run', async () => {
    open({ afterCommits: 1, everyMs: 10, driver: join(dir, 'no-such-driver.js') });
    await commitsOneByOne(1);
    assert.equal(checkpoints.offloaded, true, 'the worker was started');
    await until('the worker failed and was let go', () => !checkpoints.offloaded);
    assert.equal(autocheckpoint(db), 1000);
    await commitsOneByOne(3);
    assert.equal(checkpoints.offloaded, false, 'it does not try again and again');
  });

  it('stops its worker and connection first, so closing the database folds the WAL away', async () => {
    open({ afterCommits: 1, everyMs: 10 });
    await commitsOneByOne(2);
    await until('the worker runs', () => autocheckpoint(db) === 0);
    await write(50);
    await checkpoints.stop();
    assert.equal(checkpoints.offloaded, false);
    db.close();
    assert.equal(existsSync(`${file}-wal`), false, 'the last connection to close removes the WAL');
  });
});
