/**
 * The counter store in one process's memory: what SQLite's storage uses (docs/storage.md says why, with the
 * measurement), and the reference the database stores are compared with in test/server/counter-stores.test.ts.
 */
import { COUNTER_PURGE_INTERVAL_MS, type CounterStore, type CounterWindow } from './counter-types.js';

/** Keys kept at most (as @fastify/rate-limit's own store bounds its LRU): a flood of addresses costs no more. */
const MAX_KEYS = 100_000;

export class MemoryCounterStore implements CounterStore {
  private readonly windows = new Map<string, CounterWindow>();
  private lastPurge = 0;

  async hit(key: string, windowMs: number, now: number): Promise<CounterWindow> {
    if (now - this.lastPurge >= COUNTER_PURGE_INTERVAL_MS) await this.purgeExpired(now);
    const open = this.windows.get(key);
    const next = open && open.resetAt > now ? { count: open.count + 1, resetAt: open.resetAt } : { count: 1, resetAt: now + windowMs };
    // Delete, then set: the Map's order stays least recently hit first, so the cap drops the stalest key.
    this.windows.delete(key);
    if (this.windows.size >= MAX_KEYS) {
      const stalest = this.windows.keys().next();
      if (!stalest.done) this.windows.delete(stalest.value);
    }
    this.windows.set(key, next);
    return { ...next };
  }

  async read(key: string, now: number): Promise<CounterWindow> {
    const open = this.windows.get(key);
    return open && open.resetAt > now ? { ...open } : { count: 0, resetAt: now };
  }

  async clear(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async purgeExpired(now: number): Promise<number> {
    this.lastPurge = now;
    let purged = 0;
    for (const [key, w] of this.windows)
      if (w.resetAt <= now) {
        this.windows.delete(key);
        purged++;
      }
    return purged;
  }
}
