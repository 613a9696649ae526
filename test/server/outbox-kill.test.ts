/**
 * The outbox under kill -9 (contract section 13): the server is killed while bookings are created, confirmed and
 * delivered. After a restart on the same file every acknowledged booking's events are in the outbox and get
 * delivered (at least once, by event id), and there is no event for a change that did not commit.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { spawnListening } from './spawn-listening.js';
import { communityYogaSession, createAndConfirm, outboxDrained, ownerCalls, runUntilKilled } from './kill-nine.js';

const SERVER = fileURLToPath(new URL('./outbox-kill-server.ts', import.meta.url));
const KEY = 'outbox-kill-test-owner-key-0123456789';
const BOOKINGS = 150;

it('kill -9 during bookings: every acknowledged change has its events, delivered after restart; none invented', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-kill-'));
  const [db, log] = [join(dir, 'bookings.sqlite'), join(dir, 'delivered.log')];
  const start = () => spawnListening(['--import', 'tsx', SERVER, db, log], { BOOKINGS_OWNER_KEY: KEY });
  let server = await start();
  try {
    const calls = ownerCalls(server.url, KEY);
    const session = await communityYogaSession(calls);
    // 10 clients create and confirm until the server dies; each remembers what was acknowledged.
    const created: string[] = [];
    const confirmed: string[] = [];
    let n = 0;
    await runUntilKilled(
      server,
      10,
      () => createAndConfirm(calls, session, `outbox${n++}@example.com`, { created, confirmed }),
      () => created.length >= BOOKINGS,
    );

    server = await start();
    const file = new Database(db, { readonly: true });
    try {
      await outboxDrained(file, 30_000);
      const events = file.prepare('SELECT id, event_type, entity_id, entity_event_sequence FROM outbox_events').all() as {
        id: string;
        event_type: string;
        entity_id: string;
        entity_event_sequence: number;
      }[];
      const of = (id: string, type: string) => events.some((e) => e.entity_id === id && e.event_type === `wix.bookings.v2.booking_${type}`);
      for (const id of created) assert.ok(of(id, 'created'), `acknowledged booking ${id} has its created event`);
      for (const id of confirmed) assert.ok(of(id, 'confirmed'), `acknowledged confirm of ${id} has its event`);
      // None invented: each event is a change that committed (a created per stored booking, a confirmed per confirmed one).
      const rows = file.prepare('SELECT id, status FROM bookings').all() as { id: string; status: string }[];
      const stored = new Map(rows.map((r) => [r.id, r.status]));
      assert.equal(events.filter((e) => e.event_type.endsWith('_created')).length, stored.size);
      assert.equal(events.filter((e) => e.event_type.endsWith('_confirmed')).length, rows.filter((r) => r.status === 'CONFIRMED').length);
      assert.ok(events.every((e) => stored.has(e.entity_id)));
      // Delivered: every event id is in the log (at least once), and the log holds no other id.
      const logged = new Set(existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []);
      const ids = new Set(events.map((e) => e.id));
      assert.ok(
        events.every((e) => logged.has(e.id)),
        'every event delivered',
      );
      assert.ok(
        [...logged].every((id) => ids.has(id)),
        'no delivery of an event that is not in the outbox',
      );
    } finally {
      file.close();
    }
  } finally {
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
