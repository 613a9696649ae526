/**
 * Stored answers of create calls, by (scope, Idempotency-Key), kept until they expire. A line is CLAIMED while
 * its first request runs and DONE once the answer is stored; each claim step is one synchronous statement group,
 * so two requests can never both hold a key.
 */
import type { IdempotencyClaim, IdempotencyClaimOutcome, IdempotencyStore, IdempotentAnswer } from '../types.js';
import { fromJson, toJson, type SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface KeyRow {
  request_hash: string;
  status_code: number;
  response_json: string;
  state: 'CLAIMED' | 'DONE';
}

export class SqliteIdempotencyStore implements IdempotencyStore {
  constructor(private readonly x: SqliteExecutor) {}

  get(scope: string, key: string, now: string): Promise<IdempotentAnswer | null> {
    return this.x.exec((db) => {
      const r = prepared(
        db,
        "SELECT request_hash, status_code, response_json FROM idempotency_keys WHERE scope = ? AND key = ? AND expires_at > ? AND state = 'DONE'",
      ).get(scope, key, now) as { request_hash: string; status_code: number; response_json: string } | undefined;
      return r ? { requestHash: r.request_hash, statusCode: r.status_code, response: fromJson<unknown>(r.response_json, null) } : null;
    });
  }

  put(scope: string, key: string, a: IdempotentAnswer, at: string, expiresAt: string): Promise<void> {
    return this.x.exec((db) => {
      // REPLACE: an expired line with the same key may still be there.
      prepared(
        db,
        `INSERT OR REPLACE INTO idempotency_keys (scope, key, request_hash, status_code, response_json, created_date, expires_at, state)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'DONE')`,
      ).run(scope, key, a.requestHash, a.statusCode, toJson(a.response), at, expiresAt);
    });
  }

  purgeExpired(now: string): Promise<number> {
    return this.x.exec((db) => prepared(db, 'DELETE FROM idempotency_keys WHERE expires_at <= ?').run(now).changes);
  }

  claim(scope: string, key: string, c: IdempotencyClaim): Promise<IdempotencyClaimOutcome> {
    return this.x.exec((db) => {
      // An expired answer, or a claim whose process died (lease over), no longer holds the key.
      prepared(
        db,
        "DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND (expires_at <= ? OR (state = 'CLAIMED' AND claimed_until <= ?))",
      ).run(scope, key, c.at, c.at);
      // INSERT OR IGNORE: of two racing claimants (even in two processes) exactly one inserts.
      const inserted = prepared(
        db,
        `INSERT OR IGNORE INTO idempotency_keys (scope, key, request_hash, status_code, response_json, created_date, expires_at, state, claim_id, claimed_until)
         VALUES (?, ?, ?, 0, 'null', ?, ?, 'CLAIMED', ?, ?)`,
      ).run(scope, key, c.requestHash, c.at, c.expiresAt, c.claimId, c.claimedUntil).changes;
      if (inserted > 0) return { kind: 'claimed' };
      const row = prepared(
        db,
        'SELECT request_hash, status_code, response_json, state FROM idempotency_keys WHERE scope = ? AND key = ?',
      ).get(scope, key) as KeyRow;
      if (row.state === 'CLAIMED') return { kind: 'busy', requestHash: row.request_hash };
      return {
        kind: 'done',
        answer: { requestHash: row.request_hash, statusCode: row.status_code, response: fromJson<unknown>(row.response_json, null) },
      };
    });
  }

  complete(scope: string, key: string, claimId: string, statusCode: number, response: unknown): Promise<void> {
    return this.x.exec((db) => {
      prepared(
        db,
        `UPDATE idempotency_keys SET state = 'DONE', status_code = ?, response_json = ?, claimed_until = NULL
         WHERE scope = ? AND key = ? AND claim_id = ? AND state = 'CLAIMED'`,
      ).run(statusCode, toJson(response), scope, key, claimId);
    });
  }

  release(scope: string, key: string, claimId: string): Promise<void> {
    return this.x.exec((db) => {
      prepared(db, "DELETE FROM idempotency_keys WHERE scope = ? AND key = ? AND claim_id = ? AND state = 'CLAIMED'").run(
        scope,
        key,
        claimId,
      );
    });
  }
}
