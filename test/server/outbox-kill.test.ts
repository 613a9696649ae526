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

const SERVER = fileURLToPath(new URL('./outbox-kill-server.ts', import.meta.url));
const KEY = 'outbox-kill-test-owner-key-0123456789';
const BOOKINGS = 150;

const post = (url: string, path: string, body: unknown) =>
  fetch(url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

it('kill -9 during bookings: every acknowledged change has its events, delivered after restart; none invented', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'outbox-kill-'));
  const [db, log] = [join(dir, 'bookings.sqlite'), join(dir, 'delivered.log')];
  const start = () => spawnListening(['--import', 'tsx', SERVER, db, log], { BOOKINGS_OWNER_KEY: KEY });
  let server = await start();
  try {
    const { services } = (await (await post(server.url, '/bookings/v2/services/query', {})).json()) as {
      services: { id: string; name: string }[];
    };
    const yoga = services.find((s) => s.name === 'Community Yoga');
    assert.ok(yoga);
    const from = new Date();
    const slots = (await (
      await post(server.url, '/service-availability/v2/time-slots/event', {
        serviceIds: [yoga.id],
        fromLocalDate: from.toISOString().slice(0, 19),
        toLocalDate: new Date(from.getTime() + 30 * 86_400_000).toISOString().slice(0, 19),
      })
    ).json()) as { timeSlots: { eventInfo?: { eventId: string } }[] };
    const eventId = slots.timeSlots[0]?.eventInfo?.eventId;
    assert.ok(eventId, 'a Community Yoga session in the next 30 days');

    // 10 loops create and confirm until the server dies; each remembers what was acknowledged.
    const created: string[] = [];
    const confirmed: string[] = [];
    let firstFailure = '';
    let n = 0;
    const loops = Array.from({ length: 10 }, async () => {
      for (;;) {
        try {
          const r = await post(server.url, '/bookings/v2/bookings', {
            booking: {
              bookedEntity: { slot: { serviceId: yoga.id, eventId } },
              contactDetails: { firstName: 'Kill', lastName: 'Nine', email: `outbox${n++}@example.com` },
              totalParticipants: 1,
            },
            flowControlSettings: { skipAvailabilityValidation: true },
          });
          if (r.status !== 200) throw new Error(`create: ${r.status} ${await r.text()}`);
          const { booking } = (await r.json()) as { booking: { id: string; revision: string } };
          created.push(booking.id);
          const c = await post(server.url, `/bookings/v2/bookings/${booking.id}/confirm`, { revision: booking.revision });
          if (c.status !== 200) throw new Error(`confirm: ${c.status} ${await c.text()}`);
          confirmed.push(booking.id);
        } catch (error) {
          firstFailure ||= String(error);
          return;
        }
      }
    });
    while (created.length < BOOKINGS) {
      if (firstFailure) assert.fail(`a call failed before the kill: ${firstFailure}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    server.child.kill('SIGKILL');
    await Promise.all(loops);
    await new Promise((r) => (server.child.exitCode !== null || server.child.signalCode ? r(null) : server.child.once('exit', r)));

    server = await start();
    const file = new Database(db, { readonly: true });
    try {
      const open = () =>
        (
          file
            .prepare(
              `SELECT (SELECT count(*) FROM outbox_deliveries WHERE status <> 'DONE')
                  + (SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL) AS n`,
            )
            .get() as { n: number }
        ).n;
      for (const until = Date.now() + 30_000; open() > 0;) {
        assert.ok(Date.now() < until, `${open()} deliveries still open 30 s after the restart`);
        await new Promise((r) => setTimeout(r, 50));
      }
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
