/**
 * Webhooks under kill -9 (issue 15): with an endpoint registered, the server is killed during 150 bookings
 * (created and confirmed by 10 clients at once). After a restart on the same file, a real receiver in this process
 * has every acknowledged booking's events, each signed so `standardwebhooks` verifies it, at least once by event
 * id; and no event for a change that did not commit. The receiver fails every third event's first attempt, so
 * retries cross the kill too.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Webhook } from 'standardwebhooks';
import { spawnListening } from './spawn-listening.js';
import { communityYogaSession, createAndConfirm, outboxDrained, ownerCalls, runUntilKilled } from './kill-nine.js';

const SERVER = fileURLToPath(new URL('./webhooks-kill-server.ts', import.meta.url));
const KEY = 'webhooks-kill-test-owner-key-0123456789';
const BOOKINGS = 150;

interface Received {
  id: string;
  eventType: string;
  entityId: string;
}

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
  });

it('kill -9 during bookings with a webhook: every acknowledged change arrives signed, none that did not commit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'webhooks-kill-'));
  const db = join(dir, 'bookings.sqlite');
  let secret = '';
  const received = new Map<string, Received>();
  const badSignatures: string[] = [];
  const attempts = new Map<string, number>();
  let seen = 0;
  const receiver = createServer((request, response) => {
    void bodyOf(request).then((text) => {
      const id = String(request.headers['webhook-id']);
      try {
        const envelope = new Webhook(secret).verify(text, request.headers as Record<string, string>) as Received;
        assert.equal(envelope.id, id);
        const tries = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, tries);
        if (tries === 1 && seen++ % 3 === 0) return response.writeHead(503).end('try again');
        received.set(id, { id, eventType: envelope.eventType, entityId: envelope.entityId });
        response.writeHead(204).end();
      } catch (error) {
        badSignatures.push(`${id}: ${String(error)}`);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

  const start = () => spawnListening(['--import', 'tsx', SERVER, db], { BOOKINGS_OWNER_KEY: KEY });
  let server = await start();
  try {
    const calls = ownerCalls(server.url, KEY);
    const endpoint = await calls.post('/webhooks/v1/endpoints', {
      url: receiverUrl,
      events: ['wix.bookings.v2.booking_created', 'wix.bookings.v2.booking_confirmed'],
      allowPrivate: true,
    });
    assert.equal(endpoint.status, 200, await endpoint.clone().text());
    secret = ((await endpoint.json()) as { secret: string }).secret;
    const session = await communityYogaSession(calls);

    const created: string[] = [];
    const confirmed: string[] = [];
    let n = 0;
    await runUntilKilled(
      server,
      10,
      () => createAndConfirm(calls, session, `hook${n++}@example.com`, { created, confirmed }),
      () => created.length >= BOOKINGS,
    );

    server = await start();
    const file = new Database(db, { readonly: true });
    try {
      await outboxDrained(file);
      assert.deepEqual(badSignatures, [], 'every delivery verifies');
      const got = [...received.values()];
      const has = (id: string, type: string) => got.some((e) => e.entityId === id && e.eventType === `wix.bookings.v2.booking_${type}`);
      for (const id of created) assert.ok(has(id, 'created'), `acknowledged booking ${id} arrived as created`);
      for (const id of confirmed) assert.ok(has(id, 'confirmed'), `acknowledged confirm of ${id} arrived`);

      // None invented: each arrival is an event of the outbox, about a booking that was stored, in the state it names.
      const events = new Map(
        (
          file.prepare('SELECT id, event_type, entity_id FROM outbox_events').all() as {
            id: string;
            event_type: string;
            entity_id: string;
          }[]
        ).map((e) => [e.id, e]),
      );
      const stored = new Map(
        (file.prepare('SELECT id, status FROM bookings').all() as { id: string; status: string }[]).map((r) => [r.id, r.status]),
      );
      for (const e of got) {
        const event = events.get(e.id);
        assert.ok(event, `arrived event ${e.id} is in the outbox`);
        assert.equal(event.entity_id, e.entityId);
        assert.ok(stored.has(e.entityId), `arrived event ${e.id} is about a stored booking`);
        if (e.eventType.endsWith('_confirmed')) assert.equal(stored.get(e.entityId), 'CONFIRMED');
      }
      assert.equal(got.filter((e) => e.eventType.endsWith('_created')).length, stored.size, 'one created per stored booking');
      assert.ok(
        [...attempts.values()].some((t) => t > 1),
        'some events were retried',
      );
    } finally {
      file.close();
    }
  } finally {
    server.child.kill('SIGKILL');
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
