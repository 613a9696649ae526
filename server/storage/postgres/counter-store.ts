/**
 * Counters (storage/counter-types.ts) in PostgreSQL's `rate_counters`, shared by every instance on the database.
 * A hit is one INSERT … ON CONFLICT DO UPDATE … RETURNING outside any transaction: it opens, continues or
 * restarts the key's window atomically (concurrent hits on one key queue on its row), so N hits from any number
 * of instances see the counts 1..N once each. It takes no advisory lock: counting never waits for bookings.
 */
import { COUNTER_PURGE_INTERVAL_MS, type CounterStore, type CounterWindow } from '../counter-types.js';
import type { PostgresExecutor } from './executor.js';

interface WindowRow {
  count: number;
  /** bigint: `pg` hands it over as text. */
  reset_at: string;
}

const toWindow = (r: WindowRow): CounterWindow => ({ count: r.count, resetAt: Number(r.reset_at) });

export class PostgresCounterStore implements CounterStore {
  private lastPurge = 0;

  constructor(private readonly x: PostgresExecutor) {}

  async hit(key: string, windowMs: number, now: number): Promise<CounterWindow> {
    if (now - this.lastPurge >= COUNTER_PURGE_INTERVAL_MS) await this.purgeExpired(now);
    const r = await this.x.one<WindowRow>(
      `INSERT INTO rate_counters AS c (key, count, reset_at) VALUES ($1, 1, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN c.reset_at <= $2::bigint THEN 1 ELSE c.count + 1 END,
         reset_at = CASE WHEN c.reset_at <= $2::bigint THEN excluded.reset_at ELSE c.reset_at END
       RETURNING count, reset_at`,
      [key, Math.trunc(now), Math.trunc(windowMs)],
    );
    if (!r) throw new Error('rate counter upsert returned no row');
    return toWindow(r);
  }

  async read(key: string, now: number): Promise<CounterWindow> {
    const r = await this.x.one<WindowRow>('SELECT count, reset_at FROM rate_counters WHERE key = $1 AND reset_at > $2::bigint', [
      key,
      Math.trunc(now),
    ]);
    return r ? toWindow(r) : { count: 0, resetAt: now };
  }

  async clear(key: string): Promise<void> {
    await this.x.query('DELETE FROM rate_counters WHERE key = $1', [key]);
  }

  async purgeExpired(now: number): Promise<number> {
    this.lastPurge = now;
    return (await this.x.query('DELETE FROM rate_counters WHERE reset_at <= $1::bigint RETURNING 1', [Math.trunc(now)])).length;
  }
}
