/**
 * What the kill -9 tests share (durability-kill, outbox-kill, webhooks-kill): owner calls to a server process, a
 * Community Yoga session with room for everyone, clients that book until the process dies, the kill itself, and
 * a wait until the restarted server's outbox has delivered everything.
 */
import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import type { Listening } from './spawn-listening.js';

export interface OwnerCalls {
  post(path: string, body: unknown): Promise<Response>;
}

export function ownerCalls(url: string, key: string): OwnerCalls {
  return {
    post: (path, body) =>
      fetch(url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

/** The demo's Community Yoga and one of its sessions in the next 30 days. */
export async function communityYogaSession(calls: OwnerCalls): Promise<{ serviceId: string; eventId: string }> {
  const { services } = (await (await calls.post('/bookings/v2/services/query', {})).json()) as { services: { id: string; name: string }[] };
  const yoga = services.find((s) => s.name === 'Community Yoga');
  assert.ok(yoga);
  const from = new Date();
  const slots = (await (
    await calls.post('/service-availability/v2/time-slots/event', {
      serviceIds: [yoga.id],
      fromLocalDate: from.toISOString().slice(0, 19),
      toLocalDate: new Date(from.getTime() + 30 * 86_400_000).toISOString().slice(0, 19),
    })
  ).json()) as { timeSlots: { eventInfo?: { eventId: string } }[] };
  const eventId = slots.timeSlots[0]?.eventInfo?.eventId;
  assert.ok(eventId, 'a Community Yoga session in the next 30 days');
  return { serviceId: yoga.id, eventId };
}

/** A booking request for that session, with room for everyone: these tests are about durability, not capacity. */
export const sessionBooking = (session: { serviceId: string; eventId: string }, email: string) => ({
  booking: {
    bookedEntity: { slot: { serviceId: session.serviceId, eventId: session.eventId } },
    contactDetails: { firstName: 'Kill', lastName: 'Nine', email },
    totalParticipants: 1,
  },
  flowControlSettings: { skipAvailabilityValidation: true },
});

/** Creates a booking for the session and confirms it, recording each acknowledged step. */
export async function createAndConfirm(
  calls: OwnerCalls,
  session: { serviceId: string; eventId: string },
  email: string,
  acknowledged: { created: string[]; confirmed: string[] },
): Promise<void> {
  const r = await calls.post('/bookings/v2/bookings', sessionBooking(session, email));
  if (r.status !== 200) throw new Error(`create: ${r.status} ${await r.text()}`);
  const { booking } = (await r.json()) as { booking: { id: string; revision: string } };
  acknowledged.created.push(booking.id);
  const c = await calls.post(`/bookings/v2/bookings/${booking.id}/confirm`, { revision: booking.revision });
  if (c.status !== 200) throw new Error(`confirm: ${c.status} ${await c.text()}`);
  acknowledged.confirmed.push(booking.id);
}

/**
 * Runs `clients` loops of `step` until the server dies, kills it with SIGKILL once `until()` holds, and waits for
 * every loop and the process to end. A step that throws before the kill fails the test with its reason.
 */
export async function runUntilKilled(server: Listening, clients: number, step: () => Promise<void>, until: () => boolean): Promise<void> {
  let firstFailure = '';
  const loops = Array.from({ length: clients }, async () => {
    for (;;) {
      try {
        await step();
      } catch (error) {
        firstFailure ||= String(error);
        return; // the server is gone (or refused: then the wait below fails with the reason)
      }
    }
  });
  while (!until()) {
    if (firstFailure) assert.fail(`a call failed before the kill: ${firstFailure}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  server.child.kill('SIGKILL');
  await Promise.all(loops);
  await new Promise((r) => (server.child.exitCode !== null || server.child.signalCode ? r(null) : server.child.once('exit', r)));
}

/** Waits until the outbox in `file` has no open delivery and no undispatched event. */
export async function outboxDrained(file: Database.Database, timeoutMs = 60_000): Promise<void> {
  const open = () =>
    (
      file
        .prepare(
          `SELECT (SELECT count(*) FROM outbox_deliveries WHERE status <> 'DONE')
              + (SELECT count(*) FROM outbox_events WHERE dispatched_at IS NULL) AS n`,
        )
        .get() as { n: number }
    ).n;
  for (const until = Date.now() + timeoutMs; open() > 0;) {
    assert.ok(Date.now() < until, `${open()} deliveries still open ${timeoutMs / 1000} s after the restart`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
