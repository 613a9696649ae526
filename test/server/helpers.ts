/**
 * Test harness: a real server on 127.0.0.1 over real storage, called with fetch: a SQLite file in a temp folder,
 * or with BOOKINGS_TEST_STORAGE=postgres a fresh PostgreSQL database (test/server/postgres-fixtures.ts), so the
 * same tests run on both backends (scripts/test.mjs runs them twice).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { buildServer, type ServerOptions } from '../../server/app.js';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/index.js';
import { createPostgresStorage, type PostgresStorage } from '../../server/storage/postgres/index.js';
import { freshDatabase } from './postgres-fixtures.js';
import { seedDemo } from '../../server/seed/demo.js';

export const OWNER_KEY = 'test-owner-key-at-least-24-chars';

/** The backend the server tests run on (scripts/test.mjs sets it for its second pass). */
export const TEST_BACKEND: 'sqlite' | 'postgres' = process.env['BOOKINGS_TEST_STORAGE'] === 'postgres' ? 'postgres' : 'sqlite';

export interface TestServer {
  url: string;
  storage: SqliteStorage | PostgresStorage;
  /** Rows of one statement on the storage's own connection, written with `?` placeholders (both backends). */
  sql<T>(statement: string, ...params: (string | number | null)[]): Promise<T[]>;
  call(
    method: string,
    path: string,
    options?: { body?: unknown; token?: string; headers?: Record<string, string>; raw?: string },
  ): Promise<{
    status: number;
    body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
    headers: Headers;
  }>;
  close(): Promise<void>;
}

export async function startServer(
  options: { seed?: boolean; now?: Temporal.Instant; server?: Partial<ServerOptions> } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'bookings-test-'));
  const pg = TEST_BACKEND === 'postgres' ? await freshDatabase() : undefined;
  const storage = pg ? await createPostgresStorage(pg.url) : createSqliteStorage(join(dir, 'bookings.sqlite'));
  if (options.seed !== false) await seedDemo(storage, options.now);
  const server = await startServerOn(storage, options.server);
  return {
    ...server,
    async close() {
      await server.close();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A real server on storage the caller opened (and seeded); `close()` closes the server and the storage. */
export async function startServerOn(storage: SqliteStorage | PostgresStorage, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  // One client on one address hammering on purpose: the door limits are off unless a test sets them
  // (test/server/doors-*.test.ts do; the CLI and browser suites run with the defaults).
  const app = await buildServer({ storage, ownerKey: OWNER_KEY, rateLimits: false, validateResponses: true, ...options });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || !address) throw new Error('server has no address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    storage,
    sql: (statement, ...params) => rawSql(storage, statement, params),
    async call(method, path, { body, token, headers = {}, raw } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      const h = init.headers as Record<string, string>;
      if (token) h['authorization'] = `Bearer ${token}`;
      if (raw !== undefined) init.body = raw;
      else if (body !== undefined) {
        h['content-type'] ??= 'application/json';
        init.body = JSON.stringify(body);
      }
      const response = await fetch(url + path, init);
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

/** Asserts the contract's error body (section 1) and returns its code or first violated field. */
export function errorShape(body: unknown): { kind: 'application'; code: string } | { kind: 'validation'; fields: string[] } {
  const b = body as {
    message?: unknown;
    details?: {
      applicationError?: { code?: unknown; description?: unknown; data?: unknown };
      validationError?: { fieldViolations?: { field: string; description: string }[] };
    };
  };
  if (typeof b?.message !== 'string' || b.message.length === 0) throw new Error(`no message in error body: ${JSON.stringify(body)}`);
  const app = b.details?.applicationError;
  if (app) {
    if (typeof app.code !== 'string' || typeof app.description !== 'string' || typeof app.data !== 'object') {
      throw new Error(`bad applicationError: ${JSON.stringify(body)}`);
    }
    return { kind: 'application', code: app.code };
  }
  const violations = b.details?.validationError?.fieldViolations;
  if (!Array.isArray(violations) || violations.length === 0) throw new Error(`no details in error body: ${JSON.stringify(body)}`);
  for (const v of violations) {
    if (typeof v.field !== 'string' || typeof v.description !== 'string') throw new Error(`bad violation: ${JSON.stringify(v)}`);
  }
  return { kind: 'validation', fields: violations.map((v) => v.field) };
}

/** Rows of one statement with `?` placeholders on either backend's own connection (tests that set up rows by hand). */
export function rawSql<T>(storage: SqliteStorage | PostgresStorage, statement: string, params: (string | number | null)[]): Promise<T[]> {
  if (storage.kind === 'sqlite') {
    return (storage as SqliteStorage).executor.exec((db) => {
      const prepared = db.prepare(statement);
      return (prepared.reader ? prepared.all(...params) : (prepared.run(...params), [])) as T[];
    });
  }
  let n = 0;
  return (storage as PostgresStorage).executor.query(
    statement.replace(/\?/g, () => `$${++n}`),
    params,
  ) as Promise<T[]>;
}
