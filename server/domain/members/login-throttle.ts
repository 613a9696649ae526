/**
 * Slows password guessing without letting a stranger lock a member out: after `maxPerEmail` failed logins for
 * one email FROM ONE ADDRESS, or `maxPerAddress` failures from one address over all emails, within `windowMs`,
 * further attempts from that address are refused with 429 and Retry-After until the window passes. Failures
 * never block another address, so the member's own right password still works from home. (A guesser spread
 * over many addresses meets the per-address rate limits and the password rules instead; docs/security.md.)
 *
 * Failures count in the storage's counters (storage/counter-types.ts): on PostgreSQL every instance counts in
 * the same rows, so failures spread over several instances lock out as soon as they would on one. Each key
 * counts in a fixed window opened by its first failure, so a lockout lasts until that window ends.
 */
import { DomainError } from '../errors.js';
import type { CounterStore } from '../../storage/counter-types.js';
import { MemoryCounterStore } from '../../storage/memory-counters.js';

export interface ThrottleOptions {
  maxPerEmail?: number;
  maxPerAddress?: number;
  windowMs?: number;
  clock?: () => number;
  /** Where failures count (default: this process's memory, for a throttle on its own). */
  counters?: CounterStore;
}

export interface LoginAttempt {
  email: string;
  address: string;
}

// The address first: it holds no space, so the key is unambiguous (and no NUL, which PostgreSQL text refuses).
const emailKey = (email: string, address: string) => `login:email:${address} ${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `login:ip:${address}`;

export class LoginThrottle {
  private readonly counters: CounterStore;
  private readonly maxPerEmail: number;
  private readonly maxPerAddress: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: ThrottleOptions = {}) {
    this.counters = options.counters ?? new MemoryCounterStore();
    this.maxPerEmail = options.maxPerEmail ?? 5;
    this.maxPerAddress = options.maxPerAddress ?? 30;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.now = options.clock ?? Date.now;
  }

  /** Throws 429 when the email or the address is locked out. */
  async check(attempt: LoginAttempt): Promise<void> {
    const now = this.now();
    for (const [key, max] of [
      [emailKey(attempt.email, attempt.address), this.maxPerEmail],
      [addressKey(attempt.address), this.maxPerAddress],
    ] as const) {
      const open = await this.counters.read(key, now);
      if (open.count >= max) {
        const retryAfter = Math.max(1, Math.ceil((open.resetAt - now) / 1000));
        throw new DomainError(
          'TOO_MANY_LOGIN_ATTEMPTS',
          `Too many failed sign-ins from here. Wait ${Math.ceil(retryAfter / 60)} minute(s) and try again, or reset your password with the studio.`,
          { retryAfterSeconds: retryAfter },
        );
      }
    }
  }

  async fail(attempt: LoginAttempt): Promise<void> {
    const now = this.now();
    await this.counters.hit(emailKey(attempt.email, attempt.address), this.windowMs, now);
    await this.counters.hit(addressKey(attempt.address), this.windowMs, now);
  }

  /** A good login clears the email's count here (not the address's: others there may still be guessing). */
  async succeed(attempt: LoginAttempt): Promise<void> {
    await this.counters.clear(emailKey(attempt.email, attempt.address));
  }
}
