/**
 * Counters with a time window, shared by every instance on one database (contract section 14): the login
 * throttle (server/domain/members/login-throttle.ts) and the door limits (server/http/rate-limits.ts) count here.
 *
 * Each key counts in a fixed window, as @fastify/rate-limit's own store does: the first hit opens a window of
 * `windowMs`, hits inside it add one, and the first hit at or after `resetAt` opens a new window at 1. Times are
 * epoch milliseconds, passed in by the caller (its clock), never read by the store.
 */
export interface CounterWindow {
  /** Hits in the open window; 0 when none is open. */
  count: number;
  /** When the open window ends (epoch ms); `now` when none is open. */
  resetAt: number;
}

export interface CounterStore {
  /** Counts one hit on `key` and returns the window after it; exact under concurrent hits from any instance. */
  hit(key: string, windowMs: number, now: number): Promise<CounterWindow>;
  /** The window as it stands, counting nothing. */
  read(key: string, now: number): Promise<CounterWindow>;
  /** Forgets `key` (a good login clears its email's count). */
  clear(key: string): Promise<void>;
  /** Deletes the windows that ended at or before `now`; returns how many. */
  purgeExpired(now: number): Promise<number>;
}

/** How often a store drops ended windows on its own, as a side effect of a hit. */
export const COUNTER_PURGE_INTERVAL_MS = 10 * 60 * 1000;
