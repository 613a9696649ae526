/**
 * `Idempotency-Key` on every create call (contract section 1): bookings, checkouts, create-order, plan orders and
 * member registration all go through `Idempotency.run`. The same key and body give the first answer (same status
 * and body, `replayed: true`) and create nothing new; the same key with another body is 409
 * IDEMPOTENCY_KEY_REUSED. Keys are scoped by the caller and the route (`scope`).
 *
 * The key is claimed before the work runs, in its own write: of parallel requests with one key exactly one does
 * the work; the others wait for its stored answer (polling) and replay it, or after `waitMs` answer 409
 * IDEMPOTENCY_REQUEST_IN_PROGRESS with Retry-After. A failed request is not remembered: its claim is dropped, so a
 * retry (or a waiting duplicate) runs again. A claim whose process died is taken over after `leaseMs`.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Storage } from '../../storage/types.js';
import { DomainError, ValidationError } from '../errors.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const requestHash = (body: unknown): string => createHash('sha256').update(canonical(body)).digest('hex');

export function checkKey(key: string | string[] | undefined): string | undefined {
  const value = Array.isArray(key) ? key[0] : key;
  if (value === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(value))
    throw ValidationError.field('headers.idempotency-key', 'must be 1 to 200 visible ASCII characters');
  return value;
}

export interface IdempotentCall {
  /** Route and caller, e.g. `checkouts:visitor:<id>`: keys of different routes or callers never meet. */
  scope: string;
  /** The raw `Idempotency-Key` header; none means the call is simply run. */
  key: string | string[] | undefined;
  /** What makes two requests "the same": hashed, never stored as is. */
  request: unknown;
}

export interface IdempotentAnswer<T> {
  statusCode: number;
  body: T;
  replayed: boolean;
}

/** Stores the answer inside the work's own transaction, so the entity and its answer commit together. */
export type Remember<T> = (body: T) => Promise<void>;

export interface IdempotencyOptions {
  /** How long a duplicate waits for the first request's answer before 409 IN_PROGRESS. */
  waitMs?: number;
  /** How long a claim holds without an answer before another request may take it over. */
  leaseMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Idempotency {
  private lastPurge = 0;
  private readonly waitMs: number;
  private readonly leaseMs: number;

  constructor(
    private readonly storage: Storage,
    private readonly clock: () => Date,
    options: IdempotencyOptions = {},
  ) {
    this.waitMs = options.waitMs ?? 20_000;
    this.leaseMs = options.leaseMs ?? 120_000;
  }

  async run<T>(call: IdempotentCall, work: (remember: Remember<T>) => Promise<T>, statusCode = 200): Promise<IdempotentAnswer<T>> {
    const key = checkKey(call.key);
    if (!key) return { statusCode, body: await work(async () => undefined), replayed: false };
    const hash = requestHash(call.request);
    await this.purgeHourly();
    const deadline = Date.now() + this.waitMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      const now = this.clock();
      const claimId = randomUUID();
      const outcome = await this.storage.idempotency.claim(call.scope, key, {
        claimId,
        requestHash: hash,
        at: now.toISOString(),
        claimedUntil: new Date(now.getTime() + this.leaseMs).toISOString(),
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
      });
      if (outcome.kind !== 'claimed') {
        const storedHash = outcome.kind === 'done' ? outcome.answer.requestHash : outcome.requestHash;
        if (storedHash !== hash) throw keyReused(key);
        if (outcome.kind === 'done') return { statusCode: outcome.answer.statusCode, body: outcome.answer.response as T, replayed: true };
        if (Date.now() > deadline) throw inProgress(key);
        await sleep(pause);
        continue;
      }
      const remember: Remember<T> = (body) => this.storage.idempotency.complete(call.scope, key, claimId, statusCode, body);
      let body: T;
      try {
        body = await work(remember);
      } catch (error) {
        await this.storage.idempotency.release(call.scope, key, claimId);
        throw error;
      }
      await remember(body); // no-op when the work already stored it in its transaction
      return { statusCode, body, replayed: false };
    }
  }

  /** Keys outlive their 24 hours until the next hourly purge; claims ignore expired lines anyway. */
  private async purgeHourly(): Promise<void> {
    const now = this.clock().getTime();
    if (now - this.lastPurge < 3_600_000) return;
    this.lastPurge = now;
    await this.storage.idempotency.purgeExpired(new Date(now).toISOString());
  }
}

const keyReused = (key: string) =>
  new DomainError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used with a different request body; use a new key for a new request.',
    { idempotencyKey: key },
  );

const inProgress = (key: string) =>
  new DomainError(
    'IDEMPOTENCY_REQUEST_IN_PROGRESS',
    'The first request with this Idempotency-Key is still running; retry shortly to get its answer.',
    { idempotencyKey: key, retryAfterSeconds: 1 },
  );
