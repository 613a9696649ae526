/**
 * Opens the SQLite database, applies migrations, and serialises access. better-sqlite3 is synchronous and we
 * use one connection, so an async transaction must not let another request's statements run inside it: every
 * call goes through `exec`, which waits for the running transaction (if any) unless it is part of it.
 */
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations/index.js';

export type Db = Database.Database;

export class SqliteExecutor {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inTransaction = new AsyncLocalStorage<true>();

  /** Rises with every write to the business's setup (see Storage.setupVersion). */
  private setup = 0;

  constructor(readonly db: Db) {}

  get setupVersion(): number {
    return this.setup;
  }

  /**
   * `exec` for a write to the setup (business, catalogue, policies, staff, schedules, plans): caches built from
   * the setup key on the version, so this write makes them stale. A write that is rolled back later only costs
   * a rebuild.
   */
  writeSetup<T>(work: (db: Db) => T): Promise<T> {
    return this.exec((db) => {
      try {
        return work(db);
      } finally {
        this.setup++;
        if (this.inTransaction.getStore()) this.setupWrittenInTransaction = true;
      }
    });
  }

  /** Set by a setup write inside the open transaction: its rollback must move the version again. */
  private setupWrittenInTransaction = false;

  /** Run synchronous database work once no foreign transaction is open. */
  exec<T>(work: (db: Db) => T): Promise<T> {
    if (this.inTransaction.getStore()) return Promise.resolve().then(() => work(this.db));
    return this.enqueue(async () => work(this.db));
  }

  /** BEGIN IMMEDIATE … COMMIT around async work; ROLLBACK when it throws. Nested calls join the outer one. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) return work();
    return this.enqueue(() =>
      this.inTransaction.run(true, async () => {
        this.db.exec('BEGIN IMMEDIATE');
        this.setupWrittenInTransaction = false;
        try {
          const result = await work();
          this.db.exec('COMMIT');
          return result;
        } catch (error) {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
          // A read cached after the write saw rows that no longer exist.
          if (this.setupWrittenInTransaction) this.setup++;
          throw error;
        }
      }),
    );
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    // Keep the chain alive whatever this task does; its caller sees the real outcome.
    this.tail = run.catch(() => undefined);
    return run;
  }
}

export function openDatabase(file: string): Db {
  if (file !== ':memory:') createPrivately(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  if (file !== ':memory:') for (const side of [`${file}-wal`, `${file}-shm`]) restrictTo(side, 0o600);
  return db;
}

/**
 * The database holds customers' details and token hashes: a folder we create is the owner's alone (0700) and a
 * new file is readable by its owner only (0600), whatever the umask. Existing ones are left as the owner set
 * them; `booking-server doctor` warns when they are readable by others.
 */
function createPrivately(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
  }
  if (!existsSync(file)) {
    closeSync(openSync(file, 'a', 0o600));
    chmodSync(file, 0o600);
  }
}

/** SQLite makes the -wal and -shm files itself; they carry the same rows as the database. */
function restrictTo(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // Not there (yet), or not ours to change: `booking-server doctor` reports what others can read.
  }
}

export function migrate(db: Db): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const ran: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    ran.push(m.version);
  }
  return ran;
}

/** JSON column helpers: the database never holds `undefined`. */
export const toJson = (value: unknown): string => JSON.stringify(value ?? null);
export function fromJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined) return fallback;
  return JSON.parse(text) as T;
}
export const bool = (value: number | null | undefined): boolean => value === 1;
export const int = (value: boolean | undefined): number => (value ? 1 : 0);
