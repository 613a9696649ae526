/**
 * `booking-server copy`: every row of every table from one database to another, SQLite → PostgreSQL or back
 * (contract section 14). The source must be at this server's schema version; the target is refused unless it is
 * empty, then migrated by the server's own runner, so both hold the same schema. Tables go in dependency order
 * (plan.ts), in batches, in one transaction on the target: a failed copy leaves the target as it was.
 */
import { migrations as sqliteMigrations } from '../sqlite/migrations/index.js';
import { CopyError, isPostgresUrl, redact } from './errors.js';
import type { TablePlan } from './plan.js';
import { PostgresSource, PostgresTarget } from './postgres-side.js';
import { versionProblem, type CopySource, type CopyTarget } from './sides.js';
import { SqliteSource, SqliteTarget, refuseRows } from './sqlite-side.js';

/** Rows per read and per insert statement. */
const BATCH = 1000;

export interface CopySummary {
  from: string;
  to: string;
  schemaVersion: number;
  tables: { name: string; rows: number }[];
  rows: number;
  ms: number;
}

const KNOWN = sqliteMigrations.map((m) => m.version);

export async function copyDatabase(from: string, to: string): Promise<CopySummary> {
  const started = performance.now();
  if (isPostgresUrl(from) === isPostgresUrl(to)) {
    throw new CopyError(
      'copy moves a business between SQLite and PostgreSQL: one of --from and --to must be a postgres:// address and the other a SQLite file.',
    );
  }
  const source = isPostgresUrl(from) ? await PostgresSource.open(from) : SqliteSource.open(from);
  try {
    const problem = versionProblem(await source.versions(), KNOWN);
    if (problem) throw new CopyError(`The source ${source.where} is not at this booking-server's schema version: ${problem}.`);
    const target = isPostgresUrl(to)
      ? await PostgresTarget.open(to, KNOWN, (tables) => refuseRows(`The target ${redact(to)}`, tables))
      : SqliteTarget.open(to, KNOWN);
    let copied = false;
    try {
      const plan = source instanceof SqliteSource ? source.plan() : (target as SqliteTarget).plan();
      const tables = await copyAll(source, target, plan);
      copied = true;
      const rows = tables.reduce((sum, t) => sum + t.rows, 0);
      return { from: source.where, to: target.where, schemaVersion: Math.max(...KNOWN), tables, rows, ms: performance.now() - started };
    } finally {
      await (target instanceof SqliteTarget ? target.close(copied) : target.close());
    }
  } finally {
    await source.close();
  }
}

async function copyAll(source: CopySource, target: CopyTarget, plan: readonly TablePlan[]): Promise<{ name: string; rows: number }[]> {
  await source.snapshot();
  await target.begin();
  try {
    refuseRows(`The target ${target.where}`, await target.tablesWithRows(plan.map((t) => t.name)));
    const counts: { name: string; rows: number }[] = [];
    for (const table of plan) {
      if (table.derived) await target.clear(table);
      let rows = 0;
      for await (const batch of source.read(table, BATCH)) {
        await target.insert(table, batch);
        rows += batch.length;
      }
      counts.push({ name: table.name, rows });
    }
    await target.commit(plan);
    return counts;
  } catch (error) {
    await target.rollback();
    throw error;
  }
}
