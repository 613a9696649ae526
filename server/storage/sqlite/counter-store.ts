/**
 * Counters (storage/counter-types.ts) in SQLite's `rate_counters`: each hit one INSERT … ON CONFLICT DO UPDATE
 * … RETURNING, which opens, continues or restarts the key's window in one statement. SQLite's storage counts in
 * memory unless asked for this one (docs/storage.md: one process, and a write per counted request costs).
 */
import { COUNTER_PURGE_INTERVAL_MS, type CounterStore, type CounterWindow } from '../counter-types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface WindowRow {
  count: number;
  reset_at: number;
}

const HIT = `INSERT INTO rate_counters (key, count, reset_at) VALUES (@key, 1, @now + @windowMs)
  ON CONFLICT (key) DO UPDATE SET
    count = CASE WHEN reset_at <= @now THEN 1 ELSE count + 1 END,
    reset_at = CASE WHEN reset_at <= @now THEN excluded.reset_at ELSE reset_at END
  RETURNING count, reset_at`;

export class SqliteCounterStore implements CounterStore {
  private lastPurge = 0;

  constructor(private readonly x: SqliteExecutor) {}

  async hit(key: string, windowMs: number, now: number): Promise<CounterWindow> {
    if (now - this.lastPurge >= COUNTER_PURGE_INTERVAL_MS) await this.purgeExpired(now);
    return this.x.exec((db) => {
      const r = prepared(db, HIT).get({ key, now, windowMs }) as WindowRow;
      return { count: r.count, resetAt: r.reset_at };
    });
  }

  read(key: string, now: number): Promise<CounterWindow> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT count, reset_at FROM rate_counters WHERE key = ? AND reset_at > ?').get(key, now) as
        WindowRow | undefined;
      return r ? { count: r.count, resetAt: r.reset_at } : { count: 0, resetAt: now };
    });
  }

  async clear(key: string): Promise<void> {
    await this.x.exec((db) => prepared(db, 'DELETE FROM rate_counters WHERE key = ?').run(key));
  }

  purgeExpired(now: number): Promise<number> {
    this.lastPurge = now;
    return this.x.exec((db) => prepared(db, 'DELETE FROM rate_counters WHERE reset_at <= ?').run(now).changes);
  }
}
