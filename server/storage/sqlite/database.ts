/** Opens the SQLite database and applies migrations; access goes through the executor (executor.ts). */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrations } from './migrations/index.js';

export type Db = Database.Database;
export { SqliteExecutor } from './executor.js';

export function openDatabase(file: string): Db {
  if (file !== ':memory:') createPrivately(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite's own default page cache (2 MiB), not better-sqlite3's 16 MiB: the OS caches the file anyway, and the
  // hot reads use the small count tables and indexes (a full bench's RSS, BENCHMARKS.md, is under 200 MB).
  db.pragma('cache_size = -2000');
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
