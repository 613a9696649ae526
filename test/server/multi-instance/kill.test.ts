/**
 * kill -9 of one instance of two sharing one PostgreSQL (issue 14; the SQLite run is durability-kill.test.ts):
 * 1,000 bookings are sent across both instances, a mix of capacity decisions (owner creates confirmed at once,
 * visitor creates confirmed-or-declined on the other instance, owner creates past capacity), and one instance is
 * killed with SIGKILL halfway through. Every acknowledged booking is there afterwards with the status
 * it was acknowledged with, the other instance kept serving (every request to it answers, none with a 5xx), and
 * the section 6 invariant holds: the bookings blocking a session never exceed its capacity except doubleBooked ones.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { createPostgresStorage } from '../../../server/storage/postgres/index.js';
import { spawnListening, type Listening } from '../spawn-listening.js';
import { freshDatabase } from '../postgres-fixtures.js';

const SERVER = fileURLToPath(new URL('./instance-server.ts', import.meta.url));
const KEY = 'multi-instance-kill-owner-key-0123456789';
const BOOKINGS = 1_000;
const CLIENTS = 20;

interface Answer {
  status: number;
  body: {
    booking?: { id: string; status: string };
    access_token?: string;
    details?: { applicationError?: { code?: string } };
    timeSlots?: { totalCapacity: number; eventInfo?: { eventId: string } }[];
    services?: { id: string; name: string }[];
  };
}

const call = async (url: string, path: string, body?: unknown, token = KEY): Promise<Answer> => {
  const r = await fetch(url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: r.status, body: (await r.json()) as Answer['body'] };
};

const exited = (l: Listening) => new Promise((r) => (l.child.exitCode !== null || l.child.signalCode ? r(null) : l.child.once('exit', r)));

it('kill -9 of one instance during 1,000 bookings across both: nothing acknowledged is lost, the other keeps serving, capacity holds', async () => {
  const db = await freshDatabase();
  const env = { DATABASE_URL: db.url, BOOKINGS_OWNER_KEY: KEY };
  const victim = await spawnListening(['--import', 'tsx', SERVER, 'seed'], env);
  const survivor = await spawnListening(['--import', 'tsx', SERVER], env);
  const observer = await createPostgresStorage(db.url, { poolSize: 2 });
  try {
    // The sessions of the next two weeks of two demo classes, each with its capacity.
    const services = (await call(survivor.url, '/bookings/v2/services/query', {})).body.services ?? [];
    const classes = services.filter((s) => s.name === 'Community Yoga' || s.name === 'Vinyasa Flow');
    assert.equal(classes.length, 2);
    const from = new Date();
    const slots = await call(survivor.url, '/service-availability/v2/time-slots/event', {
      serviceIds: classes.map((s) => s.id),
      fromLocalDate: from.toISOString().slice(0, 19),
      toLocalDate: new Date(from.getTime() + 14 * 86_400_000).toISOString().slice(0, 19),
      cursorPaging: { limit: 1000 },
    });
    const sessions = (slots.body.timeSlots ?? []).flatMap((s) =>
      s.eventInfo ? [{ eventId: s.eventInfo.eventId, capacity: s.totalCapacity, serviceId: '' }] : [],
    );
    // Which service each session is of: ask per service (the answer above mixes both).
    for (const service of classes) {
      const own = await call(survivor.url, '/service-availability/v2/time-slots/event', {
        serviceIds: [service.id],
        fromLocalDate: from.toISOString().slice(0, 19),
        toLocalDate: new Date(from.getTime() + 14 * 86_400_000).toISOString().slice(0, 19),
        cursorPaging: { limit: 1000 },
      });
      const ids = new Set((own.body.timeSlots ?? []).map((s) => s.eventInfo?.eventId));
      for (const s of sessions) if (ids.has(s.eventId)) s.serviceId = service.id;
    }
    const used = sessions.slice(0, 8);
    assert.ok(used.length >= 4 && used.every((s) => s.serviceId), `sessions: ${JSON.stringify(sessions)}`);

    const urls = { victim: victim.url, survivor: survivor.url };
    let killed = false;
    /** Every request: which instance, whether the victim was already killed, and its status or error. */
    const requests: { to: 'victim' | 'survivor'; afterKill: boolean; status?: number; code?: string; error?: string; path: string }[] = [];
    const send = async (to: 'victim' | 'survivor', path: string, body: unknown, token?: string): Promise<Answer | undefined> => {
      const afterKill = killed;
      try {
        const answer = await call(urls[to], path, body, token);
        requests.push({ to, afterKill, status: answer.status, code: answer.body.details?.applicationError?.code, path });
        return answer;
      } catch (error) {
        requests.push({ to, afterKill, error: String(error), path });
        return undefined;
      }
    };
    /** Acknowledged bookings: id → the status the last acknowledged answer gave it. */
    const acknowledged = new Map<string, string>();
    const asked = new Set<string>();
    let next = 0;
    const operation = async (i: number) => {
      const [mine, other] = i % 2 === 0 ? (['victim', 'survivor'] as const) : (['survivor', 'victim'] as const);
      const session = used[i % used.length];
      assert.ok(session);
      const email = `killed${i}@example.com`;
      asked.add(email);
      const booking = {
        bookedEntity: { slot: { serviceId: session.serviceId, eventId: session.eventId } },
        contactDetails: { firstName: 'Kill', lastName: 'Nine', email },
        totalParticipants: 1,
        selectedPaymentOption: 'OFFLINE',
      };
      const kind = i % 3;
      if (kind === 1) {
        // A visitor books on one instance; the owner confirms or declines it on the other.
        const token = (await send(mine, '/oauth2/token', { clientId: 'kill', grantType: 'anonymous' }, ''))?.body.access_token;
        if (!token) return;
        const created = await send(mine, '/bookings/v2/bookings', { booking }, token);
        const id = created?.status === 200 ? created.body.booking?.id : undefined;
        if (!id) return;
        const status = created?.body.booking?.status ?? '';
        acknowledged.set(id, status);
        if (status === 'WAITING_LIST') return; // a full session with waitlist room: nothing to decide (section 6)
        const decided = await send(other, `/bookings/v2/confirmation/${id}:confirmOrDecline`, {});
        if (decided?.status === 200 && decided.body.booking) acknowledged.set(id, decided.body.booking.status);
        return;
      }
      // The owner books at once: within capacity (kind 0), or past it, flagged doubleBooked (kind 2).
      const flowControlSettings = { skipBusinessConfirmation: true, ...(kind === 2 ? { skipAvailabilityValidation: true } : {}) };
      const created = await send(mine, '/bookings/v2/bookings', { booking, flowControlSettings });
      if (created?.status === 200 && created.body.booking) acknowledged.set(created.body.booking.id, created.body.booking.status);
    };
    const loops = Array.from({ length: CLIENTS }, async () => {
      while (next < BOOKINGS) await operation(next++);
    });
    while (next < BOOKINGS / 2) await new Promise((r) => setTimeout(r, 5));
    victim.child.kill('SIGKILL');
    killed = true;
    const sentAtKill = next;
    await Promise.all(loops);
    await exited(victim);

    // Every request answered 200 or 428 (full), except those to the victim that died with it; none was a 5xx.
    const bad = requests.filter((r) => (r.status !== undefined ? r.status !== 200 && r.status !== 428 : r.to !== 'victim'));
    assert.deepEqual(bad.slice(0, 5), [], `${bad.length} bad answers`);
    const afterKill = requests.filter((r) => r.to === 'survivor' && r.afterKill);
    assert.ok(afterKill.length >= 100, `only ${afterKill.length} requests reached the survivor after the kill`);
    assert.ok(
      requests.some((r) => r.to === 'victim' && r.afterKill && r.error),
      'requests to the killed instance failed',
    );
    assert.ok(acknowledged.size >= 200, `only ${acknowledged.size} bookings acknowledged`);

    // Every acknowledged booking is there, through the survivor, with the status it was acknowledged with.
    const ids = [...acknowledged];
    for (let i = 0; i < ids.length; i += 50) {
      const found = await Promise.all(ids.slice(i, i + 50).map(([id]) => call(survivor.url, `/bookings/v2/bookings/${id}`)));
      found.forEach((r, j) => {
        const [id, status] = ids[i + j] ?? [];
        assert.equal(r.status, 200, `acknowledged booking ${id} is gone after kill -9`);
        assert.equal(r.body.booking?.status, status, `booking ${id}`);
      });
    }
    // Nothing stored that nobody asked for.
    const stored = (await observer.bookings.list()).filter((b) => b.booking.contactDetails?.email?.startsWith('killed'));
    assert.ok(stored.length >= acknowledged.size);
    assert.ok(stored.every((b) => asked.has(b.booking.contactDetails?.email ?? '')));
    // Section 6: per session, the blocking bookings not flagged doubleBooked never exceed its capacity.
    for (const s of used) {
      const blocking = await observer.bookings.listForEvent(s.eventId, ['CONFIRMED', 'PENDING']);
      const plain = blocking.filter((b) => !b.booking.doubleBooked).length;
      assert.ok(plain <= s.capacity, `${plain} plain blocking bookings in a session of ${s.capacity}`);
      assert.ok(blocking.length > 0);
    }
    console.log(
      `sent ${next} bookings (${sentAtKill} before the kill); ${acknowledged.size} acknowledged; ${afterKill.length} requests to the survivor after the kill, all answered`,
    );
  } finally {
    victim.child.kill('SIGKILL');
    survivor.child.kill('SIGKILL');
    await Promise.all([exited(victim), exited(survivor)]);
    await observer.close();
    await db.drop();
  }
});
