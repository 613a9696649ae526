/**
 * Durability under kill -9 (issue 12): the server is killed with SIGKILL while creates pour in. Every booking it
 * acknowledged (a 200) is there after a restart on the same file, the file passes SQLite's integrity check, and
 * nothing is stored that was not asked for.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { spawnListening } from './spawn-listening.js';

const SERVER = fileURLToPath(new URL('./durability-server.ts', import.meta.url));
const KEY = 'durability-test-owner-key-0123456789';

const start = (db: string) => spawnListening(['--import', 'tsx', SERVER, db], { BOOKINGS_OWNER_KEY: KEY });

const post = (url: string, path: string, body: unknown) =>
  fetch(url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

it('every acknowledged booking survives kill -9, and the file stays sound', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kill-9-'));
  const db = join(dir, 'bookings.sqlite');
  let server = await start(db);
  try {
    const services = (await (await post(server.url, '/bookings/v2/services/query', {})).json()) as {
      services: { id: string; name: string }[];
    };
    const yoga = services.services.find((s) => s.name === 'Community Yoga');
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

    // Creates from 20 loops until the server dies; each remembers what was acknowledged.
    const acknowledged: string[] = [];
    const asked = new Set<string>();
    let sent = 0;
    let firstFailure = '';
    const loops = Array.from({ length: 20 }, async () => {
      for (;;) {
        const email = `survivor${sent++}@example.com`;
        asked.add(email);
        try {
          const r = await post(server.url, '/bookings/v2/bookings', {
            booking: {
              bookedEntity: { slot: { serviceId: yoga.id, eventId } },
              contactDetails: { firstName: 'Kill', lastName: 'Nine', email },
              totalParticipants: 1,
            },
            // Room for everyone: this test is about durability, not capacity.
            flowControlSettings: { skipAvailabilityValidation: true },
          });
          if (r.status !== 200) throw new Error(`create: ${r.status} ${await r.text()}`);
          acknowledged.push(((await r.json()) as { booking: { id: string } }).booking.id);
        } catch (error) {
          firstFailure ||= String(error);
          return; // the server is gone (or refused: then the wait below fails with the reason)
        }
      }
    });
    while (acknowledged.length < 200) {
      if (firstFailure) assert.fail(`a create failed before the kill: ${firstFailure}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    server.child.kill('SIGKILL');
    await Promise.all(loops);
    await new Promise((r) => (server.child.exitCode !== null || server.child.signalCode ? r(null) : server.child.once('exit', r)));

    const file = new Database(db, { readonly: true });
    try {
      assert.equal((file.pragma('integrity_check') as { integrity_check: string }[])[0]?.integrity_check, 'ok');
    } finally {
      file.close();
    }
    server = await start(db);
    for (const id of acknowledged) {
      const r = await fetch(`${server.url}/bookings/v2/bookings/${id}`, { headers: { authorization: `Bearer ${KEY}` } });
      assert.equal(r.status, 200, `acknowledged booking ${id} is gone after kill -9`);
    }
    const stored = new Database(db, { readonly: true });
    try {
      const rows = stored.prepare('SELECT booking_json FROM bookings').all() as { booking_json: string }[];
      const emails = rows.map((r) => (JSON.parse(r.booking_json) as { contactDetails: { email: string } }).contactDetails.email);
      assert.ok(emails.length >= acknowledged.length);
      assert.ok(
        emails.every((e) => asked.has(e)),
        'no booking that nobody asked for',
      );
    } finally {
      stored.close();
    }
  } finally {
    server.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
