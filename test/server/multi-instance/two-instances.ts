/**
 * Two API servers on 127.0.0.1 over one fresh PostgreSQL database (contract section 14), each with its own
 * storage (its own pool and listening connection), as two processes would have: the first migrates and seeds
 * the demo business, the second starts on the seeded database. Each is a `TestServer`, so the bookings and
 * money fixtures work on either; `sql` and `storage` reach the shared database.
 */
import { Temporal } from 'temporal-polyfill';
import { buildServer, type ServerOptions } from '../../../server/app.js';
import { createPostgresStorage } from '../../../server/storage/postgres/index.js';
import { seedDemo } from '../../../server/seed/demo.js';
import { freshDatabase } from '../postgres-fixtures.js';
import { OWNER_KEY, rawSql, type TestServer } from '../helpers.js';
import { NOW } from '../bookings-fixtures.js';

export interface Pair {
  a: TestServer;
  b: TestServer;
  both: [TestServer, TestServer];
  close(): Promise<void>;
}

async function instance(url: string, seed: boolean, options: Partial<ServerOptions>): Promise<TestServer> {
  const storage = await createPostgresStorage(url);
  if (seed) await seedDemo(storage, Temporal.Instant.fromEpochMilliseconds(NOW.getTime()));
  const app = await buildServer({ storage, ownerKey: OWNER_KEY, rateLimits: false, validateResponses: true, clock: () => NOW, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('server has no address');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    url: base,
    storage,
    sql: (statement, ...params) => rawSql(storage, statement, params),
    async call(method, path, { body, token, headers = {}, raw } = {}) {
      const h: Record<string, string> = { ...headers };
      if (token) h['authorization'] = `Bearer ${token}`;
      let payload: string | undefined = raw;
      if (payload === undefined && body !== undefined) {
        h['content-type'] ??= 'application/json';
        payload = JSON.stringify(body);
      }
      const response = await fetch(base + path, { method, headers: h, ...(payload === undefined ? {} : { body: payload }) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    async close() {
      await app.close();
      await storage.close();
    },
  };
}

/**
 * Two instances on a new database seeded at NOW, both on the fixed clock. `options(i)` adds server options for
 * instance i (0 or 1), e.g. a payment provider of its own.
 */
export async function startPair(options: (i: 0 | 1) => Partial<ServerOptions> = () => ({})): Promise<Pair> {
  const db = await freshDatabase();
  const a = await instance(db.url, true, options(0));
  const b = await instance(db.url, false, options(1));
  return {
    a,
    b,
    both: [a, b],
    async close() {
      await Promise.all([a.close(), b.close()]);
      await db.drop();
    },
  };
}

/** Status codes counted, e.g. `{ 200: 3, 428: 497 }`, for one assertion over every answer. */
export function tally(statuses: readonly number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}
