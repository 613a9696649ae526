/**
 * The kill -9 durability scenario (issue 12), shared by durability-kill.test.ts and
 * durability-checkpoint-kill.test.ts: creates pour in from 20 clients until the server (durability-server.ts on
 * a fresh SQLite file) is killed with SIGKILL. Every booking it acknowledged (a 200) is there after a restart on
 * the same file, the file passes SQLite's integrity check, and nothing is stored that was not asked for.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { spawnListening } from './spawn-listening.js';
import { communityYogaSession, ownerCalls, runUntilKilled, sessionBooking } from './kill-nine.js';

const SERVER = fileURLToPath(new URL('./durability-server.ts', import.meta.url));
const KEY = 'durability-test-owner-key-0123456789';

/** `env` goes to the server process (durability-server.ts reads its settings from it). */
export async function acknowledgedSurviveKill(env: Record<string, string> = {}): Promise<void> {
  const start = (db: string) => spawnListening(['--import', 'tsx', SERVER, db], { BOOKINGS_OWNER_KEY: KEY, ...env });
  const dir = mkdtempSync(join(tmpdir(), 'kill-9-'));
  const db = join(dir, 'bookings.sqlite');
  let server = await start(db);
  try {
    const calls = ownerCalls(server.url, KEY);
    const session = await communityYogaSession(calls);
    // Creates from 20 clients until the server dies; each remembers what was acknowledged.
    const acknowledged: string[] = [];
    const asked = new Set<string>();
    let sent = 0;
    await runUntilKilled(
      server,
      20,
      async () => {
        const email = `survivor${sent++}@example.com`;
        asked.add(email);
        const r = await calls.post('/bookings/v2/bookings', sessionBooking(session, email));
        if (r.status !== 200) throw new Error(`create: ${r.status} ${await r.text()}`);
        acknowledged.push(((await r.json()) as { booking: { id: string } }).booking.id);
      },
      () => acknowledged.length >= 200,
    );

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
}
