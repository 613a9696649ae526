/**
 * Slows password guessing: after `maxFailures` failed logins for one email (any address) or from one client
 * address within `windowMs`, further attempts are refused with 429 and Retry-After until the window passes.
 * Kept in memory: each server instance throttles on its own (documented in docs/members.md).
 */
import { ApiError } from '../errors.js';

export interface ThrottleOptions {
  maxFailures?: number;
  windowMs?: number;
  clock?: () => number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly max: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: ThrottleOptions = {}) {
    this.max = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.now = options.clock ?? Date.now;
  }

  /** Throws 429 when any of the keys is locked out. */
  check(keys: string[]): void {
    const now = this.now();
    for (const key of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= this.max) {
        const retryAfter = Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
        throw new ApiError(
          429,
          'TOO_MANY_LOGIN_ATTEMPTS',
          `Too many failed sign-ins. Wait ${Math.ceil(retryAfter / 60)} minute(s) and try again, or reset your password with the studio.`,
          { retryAfterSeconds: retryAfter },
          { 'retry-after': String(retryAfter) },
        );
      }
    }
  }

  fail(keys: string[]): void {
    const now = this.now();
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) this.prune(now);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) if (times.every((t) => now - t >= this.windowMs)) this.failures.delete(key);
  }
}
