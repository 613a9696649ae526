/**
 * `Idempotency-Key` on create calls (contract section 1): the same key and body give the first answer and
 * create nothing new; the same key with another body is 409. Claimed inside the create's transaction, so
 * parallel retries queue behind the first and then read its answer.
 */
import { createHash } from 'node:crypto';
import type { Storage } from '../../storage/types.js';
import { ApiError, ValidationError } from '../errors.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const requestHash = (body: unknown): string => createHash('sha256').update(canonical(body)).digest('hex');

export function checkKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw ValidationError.field('headers.idempotency-key', 'must be 1 to 200 visible ASCII characters');
  return key;
}

export interface Replay<T> {
  replayed: true;
  statusCode: number;
  body: T;
}

/** Call inside the transaction: the stored answer for (scope, key), a 409 on another body, or null to go on. */
export async function lookup<T>(storage: Storage, scope: string, key: string, hash: string, now: Date): Promise<Replay<T> | null> {
  const stored = await storage.idempotency.get(scope, key, now.toISOString());
  if (!stored) return null;
  if (stored.requestHash !== hash) {
    throw new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body; use a new key for a new request.', { idempotencyKey: key });
  }
  return { replayed: true, statusCode: stored.statusCode, body: stored.response as T };
}

export async function remember(storage: Storage, scope: string, key: string, hash: string, statusCode: number, body: unknown, now: Date): Promise<void> {
  await storage.idempotency.put(scope, key, { requestHash: hash, statusCode, response: body }, now.toISOString(), new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString());
}
