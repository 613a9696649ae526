/**
 * Bookings created and confirmed per second over HTTP, 50 concurrent clients, against a real server on a real
 * SQLite file (loopback only). Each operation is the checkout path: POST a booking, then the owner's
 * confirm-or-decline, whose capacity count and write share one BEGIN IMMEDIATE transaction. A node:http
 * hello-world server driven by the same client in the same run gives the floor to read the figure against.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Temporal } from 'temporal-polyfill';
import { buildServer } from '../server/app.js';
import { createSqliteStorage } from '../server/storage/sqlite/index.js';
import { seedDemo } from '../server/seed/demo.js';
import { encodeEventId } from '../server/domain/availability/event-id.js';

const CLIENTS = 50;
const HELLO_REQUESTS = 10_000;
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 3_000);
const TIME_LIMIT_MS = 20_000;
const OWNER = 'bench-owner-key-at-least-24-chars';
const NOW = new Date('2026-12-01T15:00:00.000Z');

/** Run `op` from CLIENTS concurrent loops until `total` ops or the time limit; latencies in ms. */
async function drive(
  total: number,
  op: (client: number, i: number) => Promise<void>,
): Promise<{ done: number; ms: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      while (next < total && performance.now() - started < TIME_LIMIT_MS) {
        const i = next++;
        const t = performance.now();
        await op(client, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { done: latencies.length, ms: performance.now() - started, latencies };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function helloWorld(): Promise<number> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"hello":"world"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const run = await drive(HELLO_REQUESTS, async () => {
    const r = await fetch(url);
    await r.text();
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return (run.done / run.ms) * 1000;
}

async function bookings() {
  const dir = mkdtempSync(join(tmpdir(), 'bookings-bench-'));
  const storage = createSqliteStorage(join(dir, 'bench.sqlite'));
  await seedDemo(storage, Temporal.Instant.fromEpochMilliseconds(NOW.getTime()));
  const yoga = (await storage.catalogue.listServices()).find((s) => s.name === 'Community Yoga');
  const rule = yoga ? (await storage.schedules.listRules({ serviceId: yoga.id }))[0] : undefined;
  if (!yoga || !rule) throw new Error('demo seed has no Community Yoga');
  // Room for everyone, so every booking ends CONFIRMED: the figure is the full create + confirm path.
  await storage.schedules.updateRule({ ...rule, capacity: 1000, revision: String(Number(rule.revision) + 1) }, rule.revision);
  const saturdays = Array.from({ length: 52 }, (_, w) => {
    const day = new Date(Date.UTC(2026, 11, 5 + 7 * w)).toISOString().slice(0, 10);
    return encodeEventId({ ruleId: rule.id, localStart: `${day}T10:00:00` });
  });

  const app = await buildServer({ storage, ownerKey: OWNER, clock: () => NOW, rateLimits: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const post = async (path: string, token: string, body: unknown) => {
    const r = await fetch(url + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await r.json()) as { booking?: { id: string; status: string }; access_token?: string };
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  };
  // A visitor holds at most 3 unpaid bookings per session (the unpaid-bookings limit): a fresh visitor every 3 rounds.
  const perVisitor = 3 * saturdays.length;
  const tokens = await Promise.all(
    Array.from(
      { length: Math.ceil(BOOKINGS / perVisitor) + 1 },
      async () => (await post('/oauth2/token', '', { grantType: 'anonymous' })).access_token ?? '',
    ),
  );
  let confirmed = 0;
  const run = await drive(BOOKINGS, async (client, i) => {
    const created = await post('/bookings/v2/bookings', tokens[Math.floor(i / perVisitor)] ?? '', {
      booking: {
        bookedEntity: { slot: { serviceId: yoga.id, eventId: saturdays[i % saturdays.length] } },
        contactDetails: { firstName: 'Bench', email: `bench${i}@example.com` },
        totalParticipants: 1,
        selectedPaymentOption: 'OFFLINE',
      },
    });
    const decided = await post(`/bookings/v2/confirmation/${created.booking?.id}:confirmOrDecline`, OWNER, {});
    if (decided.booking?.status === 'CONFIRMED') confirmed++;
  });
  await app.close();
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
  return { ...run, confirmed };
}

export default async function bench(): Promise<{ title: string; markdown: string }> {
  const floor = await helloWorld();
  const b = await bookings();
  const perSecond = (b.done / b.ms) * 1000;
  const requestsPerSecond = perSecond * 2;
  const markdown = `
${CLIENTS} concurrent HTTP clients (fetch, keep-alive) on loopback. One operation = \`POST /bookings/v2/bookings\`
(visitor) then \`POST /bookings/v2/confirmation/{id}:confirmOrDecline\` (owner) on "Community Yoga" sessions with
room for all, on a real SQLite file (WAL). Rerun: \`npm run bench\`.

| measure | value |
|---|---|
| node:http hello-world (floor), requests/s | ${floor.toFixed(0)} |
| bookings created and confirmed, per second | **${perSecond.toFixed(0)}** |
| API requests/s in that run (2 per booking) | ${requestsPerSecond.toFixed(0)} (${((requestsPerSecond / floor) * 100).toFixed(1)} % of the floor) |
| bookings done / confirmed | ${b.done} / ${b.confirmed} in ${(b.ms / 1000).toFixed(1)} s |
| latency of create + confirm, p50 / p95 / p99 | ${percentile(b.latencies, 50).toFixed(1)} / ${percentile(b.latencies, 95).toFixed(1)} / ${percentile(b.latencies, 99).toFixed(1)} ms |

Every capacity decision is serialised (one SQLite writer, \`BEGIN IMMEDIATE\` with an in-process queue), so this
is the rate at which the server can make exact capacity decisions, not a read-throughput figure.
`;
  return { title: 'Bookings: create + confirm over HTTP', markdown };
}

// Run alone: `node --import tsx bench/bookings.bench.ts`.
if (import.meta.url === `file://${process.argv[1]}`) console.log((await bench()).markdown);
