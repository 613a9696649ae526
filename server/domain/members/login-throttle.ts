/**
 * Slows password guessing without letting a stranger lock a member out: after `maxPerEmail` failed logins for
 * one email FROM ONE ADDRESS, or `maxPerAddress` failures from one address over all emails, within `windowMs`,
 * further attempts from that address are refused with 429 and Retry-After until the window passes. Failures
 * never block another address, so the member's own right password still works from home. (A guesser spread
 * over many addresses meets the per-address rate limits and the password rules instead; docs/security.md.)
 * Kept in memory: each server instance throttles on its own.
 */
import { DomainError } from '../errors.js';

export interface ThrottleOptions {
  maxPerEmail?: number;
  maxPerAddress?: number;
  windowMs?: number;
  clock?: () => number;
}

const emailKey = (email: string, address: string) => `email:${email.trim().toLowerCase()}\u0000${address}`;
const addressKey = (address: string) => `ip:${address}`;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly maxPerEmail: number;
  private readonly maxPerAddress: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: ThrottleOptions = {}) {
    this.maxPerEmail = options.maxPerEmail ?? 5;
    this.maxPerAddress = options.maxPerAddress ?? 30;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.now = options.clock ?? Date.now;
  }

  /** Throws 429 when the email or the address is locked out. */
  check(attempt: { email: string; address: string }): void {
    const now = this.now();
    for (const [key, max] of [
      [emailKey(attempt.email, attempt.address), this.maxPerEmail],
      [addressKey(attempt.address), this.maxPerAddress],
    ] as const) {
      const recent = this.recent(key, now);
      if (recent.length >= max) {
        const retryAfter = Math.max(1, Math.ceil(((recent[0] ?? now) + this.windowMs - now) / 1000));
        throw new DomainError(
          'TOO_MANY_LOGIN_ATTEMPTS',
          `Too many failed sign-ins from here. Wait ${Math.ceil(retryAfter / 60)} minute(s) and try again, or reset your password with the studio.`,
          { retryAfterSeconds: retryAfter },
        );
      }
    }
  }

  fail(attempt: { email: string; address: string }): void {
    const now = this.now();
    for (const key of [emailKey(attempt.email, attempt.address), addressKey(attempt.address)])
      this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 10_000) this.prune(now);
  }

  /** A good login clears the email's count here (not the address's: others there may still be guessing). */
  succeed(attempt: { email: string; address: string }): void {
    this.failures.delete(emailKey(attempt.email, attempt.address));
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [key, times] of this.failures) if (times.every((t) => now - t >= this.windowMs)) this.failures.delete(key);
  }
}
