/**
 * `booking-server` with DATABASE_URL (contract sections 10 and 14): a real process on a fresh PostgreSQL
 * database migrates and seeds it, serves the demo, and a second process on the same database finds it seeded
 * and serves the same catalogue; an address it cannot reach is refused with a message, not a stack trace.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { spawnListening, type Listening } from './spawn-listening.js';
import { freshDatabase, type TestDatabase } from './postgres-fixtures.js';

const BIN = fileURLToPath(new URL('../../bin/booking-server.mjs', import.meta.url));
const ENV = { BOOKINGS_OWNER_KEY: 'cli-test-owner-key-0123456789' };

const serviceNames = async (url: string): Promise<string[]> => {
  const r = await fetch(`${url}/bookings/v2/services/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return ((await r.json()) as { services: { name: string }[] }).services.map((s) => s.name).sort();
};

const stop = (running: Listening): Promise<void> =>
  new Promise((done) => {
    running.child.once('exit', () => done());
    running.child.kill('SIGTERM');
  });

describe('booking-server on PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  after(async () => {
    for (const db of databases) await db.drop();
  });

  it('migrates and seeds a fresh database, and a second instance on it serves the same catalogue', async () => {
    const db = await freshDatabase();
    databases.push(db);
    const env = { ...ENV, DATABASE_URL: db.url };
    const first = await spawnListening([BIN, '--port', '0', '--host', '127.0.0.1', '--seed', 'demo'], env);
    try {
      assert.match(first.stderr(), /seeded the demo business/);
      const second = await spawnListening([BIN, '--port', '0', '--host', '127.0.0.1', '--seed', 'demo'], env);
      try {
        assert.match(second.stderr(), /already has a business; not seeding/);
        const names = await serviceNames(first.url);
        assert.equal(names.length, 5);
        assert.deepEqual(await serviceNames(second.url), names);
      } finally {
        await stop(second);
      }
    } finally {
      await stop(first);
    }
  });

  it('refuses a database it cannot reach with exit code 2 and a message', async () => {
    const child = spawn(process.execPath, [BIN, '--port', '0'], {
      env: { ...process.env, ...ENV, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 2);
    assert.match(err, /Could not open the PostgreSQL database in DATABASE_URL: .*Check the address/);
  });
});
