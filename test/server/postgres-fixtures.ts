/**
 * PostgreSQL for server tests: the server named by BOOKINGS_TEST_PG_URL when it is set (scripts/test.mjs sets it
 * from DATABASE_URL or a throwaway server of its own; the tests create and drop databases on it), else a
 * throwaway one this test file starts (scripts/postgres.mjs) and stops in `after`.
 * Each `freshDatabase()` is a new empty database, so tests never see each other's rows.
 */
import { after } from 'node:test';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/postgres.mjs';
import { PostgresExecutor } from '../../server/storage/postgres/executor.js';
import { migrate } from '../../server/storage/postgres/migrate.js';
import { migrations } from '../../server/storage/postgres/migrations/index.js';

let started: Promise<ThrowawayPostgres> | undefined;
// Registered here, at the file's top level, so it runs once the whole file is done (not after the first hook).
after(async () => (await started)?.stop());

async function serverUrl(): Promise<string> {
  const given = process.env['BOOKINGS_TEST_PG_URL'];
  if (given) return given;
  started ??= startThrowawayPostgres();
  return (await started).url;
}

async function asAdmin(url: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new empty database; `drop()` removes it (closing what still connects to it). */
export async function freshDatabase(): Promise<TestDatabase> {
  const server = await serverUrl();
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  await asAdmin(server, `CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => asAdmin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A fresh database with every migration applied, and an executor on it; `close()` ends both. */
export async function migratedDatabase(): Promise<{ x: PostgresExecutor; url: string; close(): Promise<void> }> {
  const db = await freshDatabase();
  const x = new PostgresExecutor({ connectionString: db.url });
  await migrate(x.pool, migrations);
  return {
    x,
    url: db.url,
    async close() {
      await x.close();
      await db.drop();
    },
  };
}
