/** The SQLite end of a copy: a source read in one snapshot, or a target migrated by the server's own runner. */
import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { openDatabase } from '../sqlite/database.js';
import { CopyError, reason } from './errors.js';
import { NOT_COPIED, planFromSqlite, type TablePlan } from './plan.js';
import { quote, type CopySource, type CopyTarget, type Row } from './sides.js';

function userTables(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[])
    .map((t) => t.name)
    .filter((n) => !NOT_COPIED.has(n));
}

function recordedVersions(db: Database.Database): number[] {
  const has = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  if (!has) return [];
  return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
}

function withRows(db: Database.Database, tables: readonly string[]): string[] {
  const present = (t: string) => (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${quote(t)}) AS present`).get() as { present: number }).present;
  return tables.filter((t) => present(t) === 1);
}

function openReadOnly(file: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // a file that is not a database fails here
    return db;
  } catch (error) {
    throw new CopyError(`Could not open the SQLite file ${file}: ${reason(error)}.`);
  }
}

export class SqliteSource implements CopySource {
  private constructor(
    readonly where: string,
    private readonly db: Database.Database,
  ) {}

  static open(file: string): SqliteSource {
    if (!existsSync(file)) throw new CopyError(`There is no SQLite file at ${file}: check the path given to --from.`);
    return new SqliteSource(file, openReadOnly(file));
  }

  plan(): TablePlan[] {
    return planFromSqlite(this.db);
  }

  async versions(): Promise<number[]> {
    return recordedVersions(this.db);
  }

  async snapshot(): Promise<void> {
    this.db.exec('BEGIN');
    this.db.prepare('SELECT count(*) FROM sqlite_master').get(); // the read snapshot starts with the first read
  }

  async *read(table: TablePlan, size: number): AsyncIterable<Row[]> {
    const columns = table.columns.map(quote).join(', ');
    const order = table.arrival ? 'rowid' : table.primaryKey.map(quote).join(', ') || '1';
    const select = table.arrival ? `rowid AS "rowid", ${columns}` : columns;
    let batch: Row[] = [];
    for (const row of this.db.prepare(`SELECT ${select} FROM ${quote(table.name)} ORDER BY ${order}`).iterate() as Iterable<Row>) {
      batch.push(row);
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }

  async close(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}

export class SqliteTarget implements CopyTarget {
  private readonly inserts = new Map<string, Database.Statement>();

  private constructor(
    readonly where: string,
    readonly db: Database.Database,
    private readonly createdHere: boolean,
  ) {}

  /**
   * Refuses a file that holds any row (or is not a SQLite database) before touching it, then opens it through the
   * server's migrations (a new file is made readable by its owner only, as the server makes it).
   */
  static open(file: string, knownVersions: readonly number[]): SqliteTarget {
    const there = existsSync(file);
    const existed = there && statSync(file).size > 0;
    if (existed) {
      const db = openReadOnly(file);
      try {
        const unknown = recordedVersions(db).filter((v) => !knownVersions.includes(v));
        if (unknown.length > 0) {
          throw new CopyError(`${file} was migrated by a newer booking-server (migrations ${unknown.join(', ')}); copy into a new file.`);
        }
        refuseRows(`The target ${file}`, withRows(db, userTables(db)));
      } finally {
        db.close();
      }
    }
    try {
      return new SqliteTarget(file, openDatabase(file), !there);
    } catch (error) {
      throw new CopyError(`Could not create the SQLite file ${file}: ${reason(error)}.`);
    }
  }

  plan(): TablePlan[] {
    return planFromSqlite(this.db);
  }

  async begin(): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
  }

  async tablesWithRows(tables: readonly string[]): Promise<string[]> {
    return withRows(this.db, tables);
  }

  async clear(table: TablePlan): Promise<void> {
    this.db.prepare(`DELETE FROM ${quote(table.name)}`).run();
  }

  async insert(table: TablePlan, rows: readonly Row[]): Promise<void> {
    const first = rows[0];
    if (!first) return;
    const columns = table.arrival && 'rowid' in first && !table.columns.includes('rowid') ? ['rowid', ...table.columns] : table.columns;
    const key = `${table.name}:${columns.length}`;
    let statement = this.inserts.get(key);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      this.inserts.set(key, statement);
    }
    for (const row of rows) statement.run(columns.map((c) => row[c] ?? null));
  }

  async commit(): Promise<void> {
    this.db.exec('COMMIT');
  }

  async rollback(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  /** Closes the file; one this copy made and did not fill (a failed copy) is removed again. */
  async close(keep = true): Promise<void> {
    this.db.close();
    if (!keep && this.createdHere) for (const f of [this.where, `${this.where}-wal`, `${this.where}-shm`]) rmSync(f, { force: true });
  }
}

export function refuseRows(where: string, tables: readonly string[]): void {
  if (tables.length === 0) return;
  throw new CopyError(
    `${where} is not empty (rows in ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''}): copy refuses to mix ` +
      'two businesses or overwrite one. Copy into a new, empty database or file. Nothing was changed.',
  );
}
