/**
 * Stored answers of create calls in PostgreSQL, by (scope, Idempotency-Key), kept until they expire. A line is
 * CLAIMED while its first request runs and DONE once the answer is stored. A claim is one transaction holding the
 * key's advisory lock, and takes the key with one INSERT … ON CONFLICT, so of two claimants on any instances
 * exactly one holds the key.
 */
import type { IdempotencyClaim, IdempotencyClaimOutcome, IdempotencyStore, IdempotentAnswer } from '../types.js';
import type { PostgresExecutor } from './executor.js';
import { json } from './rows.js';

interface KeyRow {
  request_hash: string;
  status_code: number;
  /** jsonb, parsed. */
  response_json: unknown;
  state: 'CLAIMED' | 'DONE';
}

export class PostgresIdempotencyStore implements IdempotencyStore {
  constructor(private readonly x: PostgresExecutor) {}

  async get(scope: string, key: string, now: string): Promise<IdempotentAnswer | null> {
    const r = await this.x.one<KeyRow>(
      `SELECT request_hash, status_code, response_json FROM idempotency_keys
       WHERE scope = $1 AND key = $2 AND expires_at > $3 AND state = 'DONE'`,
      [scope, key, now],
    );
    return r ? { requestHash: r.request_hash, statusCode: r.status_code, response: r.response_json } : null;
  }

  async put(scope: string, key: string, a: IdempotentAnswer, at: string, expiresAt: string): Promise<void> {
    // As SQLite's INSERT OR REPLACE: an expired line (or a claim) with the same key may still be there.
    await this.x.query(
      `INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response_json, created_date, expires_at, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'DONE')
       ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, status_code = excluded.status_code,
         response_json = excluded.response_json, created_date = excluded.created_date, expires_at = excluded.expires_at,
         state = 'DONE', claim_id = NULL, claimed_until = NULL`,
      [scope, key, a.requestHash, a.statusCode, json(a.response), at, expiresAt],
    );
  }

  async purgeExpired(now: string): Promise<number> {
    return (await this.x.query('DELETE FROM idempotency_keys WHERE expires_at <= $1 RETURNING 1', [now])).length;
  }

  claim(scope: string, key: string, c: IdempotencyClaim): Promise<IdempotencyClaimOutcome> {
    return this.x.transaction(async () => {
      await this.x.lock(`idempotency:${JSON.stringify([scope, key])}`);
      // A line no longer holds the key once its answer expired or its claim's lease is over (its process died):
      // then the new claim replaces it, as SQLite's delete-then-insert does.
      const taken = await this.x.query(
        `INSERT INTO idempotency_keys AS k (scope, key, request_hash, status_code, response_json, created_date, expires_at, state, claim_id, claimed_until)
         VALUES ($1, $2, $3, 0, 'null', $4, $5, 'CLAIMED', $6, $7)
         ON CONFLICT (scope, key) DO UPDATE SET request_hash = excluded.request_hash, status_code = 0, response_json = 'null',
           created_date = excluded.created_date, expires_at = excluded.expires_at, state = 'CLAIMED',
           claim_id = excluded.claim_id, claimed_until = excluded.claimed_until
         WHERE k.expires_at <= $4 OR (k.state = 'CLAIMED' AND k.claimed_until <= $4)
         RETURNING 1`,
        [scope, key, c.requestHash, c.at, c.expiresAt, c.claimId, c.claimedUntil],
      );
      if (taken.length > 0) return { kind: 'claimed' };
      const row = await this.x.one<KeyRow>(
        'SELECT request_hash, status_code, response_json, state FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      if (!row) throw new Error('idempotency key vanished while its lock was held');
      if (row.state === 'CLAIMED') return { kind: 'busy', requestHash: row.request_hash };
      return { kind: 'done', answer: { requestHash: row.request_hash, statusCode: row.status_code, response: row.response_json } };
    });
  }

  async complete(scope: string, key: string, claimId: string, statusCode: number, response: unknown): Promise<void> {
    await this.x.query(
      `UPDATE idempotency_keys SET state = 'DONE', status_code = $1, response_json = $2, claimed_until = NULL
       WHERE scope = $3 AND key = $4 AND claim_id = $5 AND state = 'CLAIMED'`,
      [statusCode, json(response), scope, key, claimId],
    );
  }

  async release(scope: string, key: string, claimId: string): Promise<void> {
    await this.x.query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND claim_id = $3 AND state = 'CLAIMED'", [
      scope,
      key,
      claimId,
    ]);
  }
}
