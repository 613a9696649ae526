/**
 * The server side of the speed bench, in its own process (forked by speed.bench.ts with `--import tsx`), so the
 * load loop and the server do not share an event loop and the server's RSS is its own. `argv[2]`:
 *   hello        a plain node:http server that reads a POST body and answers a small JSON (the floor)
 *   api <count>  the bookings API (`buildServer`, door limits off) on a temp SQLite file holding the demo
 *                business and `count` seeded bookings; the seeding runs in a child of its own (`seed <file>
 *                <count>`), so the server's memory is a server's that opened that database, not the seeder's
 *   api-pg <url> seed|join  the API on the PostgreSQL database at `url`: `seed` migrates it and seeds the demo
 *                business (no bookings; Community Yoga roomy), `join` starts another instance on it
 * It listens on 127.0.0.1 only, sends `{ port, workload? }` to its parent, answers `'rss'` with its resident
 * memory, and exits on `'stop'` (or when the parent goes away).
 */
import { fork } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildServer } from '../../server/app.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { createPostgresStorage } from '../../server/storage/postgres/index.js';
import { seedBusiness, seedWorkload, type Workload } from './seed.js';
import { memoryDetail, type MemoryDetail } from './memory.js';
import { applyHeapSettings } from '../../server/heap.js';

export const OWNER_KEY = 'bench-owner-key-at-least-24-chars';

export type ChildMessage =
  { port: number; workload?: Workload } | { rss: number; memory?: MemoryDetail; commits?: { commits: number; transactions: number } };

const send = (message: ChildMessage) => process.send?.(message);
const cleanups: (() => Promise<void> | void)[] = [];
let commitStats: { commits: number; transactions: number } | undefined;

async function stop(code: number): Promise<never> {
  for (const cleanup of cleanups.reverse()) await cleanup();
  process.exit(code);
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  if (mode === 'hello') {
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"hello":"world"}');
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    send({ port: (server.address() as AddressInfo).port });
    return;
  }
  if (mode === 'seed') {
    const seeding = createSqliteStorage(process.argv[3] ?? '');
    const seeded = await seedWorkload(seeding, Number(process.argv[4] ?? 0));
    await seeding.close();
    process.send?.(seeded, () => process.exit(0));
    return;
  }
  if (mode === 'api-pg') {
    applyHeapSettings();
    const storage = await createPostgresStorage(process.argv[3] ?? '');
    cleanups.push(() => storage.close());
    const workload = process.argv[4] === 'seed' ? await seedBusiness(storage) : undefined;
    const app = await buildServer({ storage, ownerKey: OWNER_KEY, rateLimits: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    cleanups.push(() => app.close());
    send({ port: (app.server.address() as AddressInfo).port, ...(workload ? { workload } : {}) });
    return;
  }
  if (mode !== 'api') throw new Error(`unknown mode ${mode ?? '(none)'}`);
  // The heap setting the product's start applies (server/cli.ts), so the RSS row measures the server as it runs.
  applyHeapSettings();
  const count = Number(process.argv[3] ?? 0);
  const dir = mkdtempSync(join(tmpdir(), 'bookings-speed-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'speed.sqlite');
  const workload = await seedApart(file, count);
  const storage = createSqliteStorage(file);
  cleanups.push(() => storage.close());
  storage.executor.stats.commits = storage.executor.stats.transactions = 0;
  commitStats = storage.executor.stats;
  const app = await buildServer({ storage, ownerKey: OWNER_KEY, rateLimits: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => app.close());
  send({ port: (app.server.address() as AddressInfo).port, workload });
}

/** Seed `file` in a child process of this same script and return its workload. */
function seedApart(file: string, count: number): Promise<Workload> {
  return new Promise((resolve, reject) => {
    const child = fork(process.argv[1] ?? '', ['seed', file, String(count)], { execArgv: process.execArgv, stdio: 'inherit' });
    child.once('message', (workload) => resolve(workload as Workload));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`seeding exited with ${code}`))));
  });
}

process.on('message', (message) => {
  if (message === 'rss')
    send({ rss: process.memoryUsage().rss, memory: memoryDetail(), ...(commitStats ? { commits: { ...commitStats } } : {}) });
  if (message === 'stop') void stop(0);
});
process.on('disconnect', () => void (process.argv[2] === 'seed' || stop(0)));
main().catch((error: unknown) => {
  console.error(error);
  void stop(1);
});
