/**
 * Applies the numbered migrations at start, under a session-level advisory lock: instances that start together
 * take turns, and each migration runs once, in its own transaction, recorded in `schema_migrations` as on SQLite.
 */
import type pg from 'pg';
import type { Migration } from '../sqlite/migrations/migration.js';

/** The advisory lock's key: fixed, so every instance of this server asks for the same one. */
export const MIGRATION_LOCK_KEY = 0x626b6e67; // "bkng"

export class SchemaTooNewError extends Error {
  constructor(versions: number[]) {
    super(
      `The database has migrations this server does not know (${versions.join(', ')}): it was upgraded by a newer ` +
        'version of booking-server. Run that version, or restore a backup taken before the upgrade.',
    );
  }
}

/** Applies what is missing; returns the versions it ran (none when another instance ran them first). */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[]): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await applyMissing(client, migrations);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

async function applyMissing(client: pg.PoolClient, migrations: readonly Migration[]): Promise<number[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.version));
  const unknown = [...applied].filter((v) => !migrations.some((m) => m.version === v));
  if (unknown.length > 0) throw new SchemaTooNewError(unknown.sort((a, b) => a - b));
  const ran: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    await client.query('BEGIN');
    try {
      await client.query(m.sql); // several statements, no parameters: the simple query protocol runs them all
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
    ran.push(m.version);
  }
  return ran;
}
