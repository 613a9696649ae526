/** Stored answers of create calls, by (caller scope, Idempotency-Key), kept until they expire. */
import type { IdempotencyStore, IdempotentAnswer } from '../types.js';
import { fromJson, toJson, type SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqliteIdempotencyStore implements IdempotencyStore {
  constructor(private readonly x: SqliteExecutor) {}

  get(scope: string, key: string, now: string): Promise<IdempotentAnswer | null> {
    return this.x.exec((db) => {
      const r = db
        .prepare('SELECT request_hash, status_code, response_json FROM idempotency_keys WHERE scope = ? AND key = ? AND expires_at > ?')
        .get(scope, key, now) as { request_hash: string; status_code: number; response_json: string } | undefined;
      return r ? { requestHash: r.request_hash, statusCode: r.status_code, response: fromJson<unknown>(r.response_json, null) } : null;
    });
  }

  put(scope: string, key: string, a: IdempotentAnswer, at: string, expiresAt: string): Promise<void> {
    return this.x.exec((db) => {
      // REPLACE: an expired line with the same key may still be there.
      prepared(db, 
        `INSERT OR REPLACE INTO idempotency_keys (scope, key, request_hash, status_code, response_json, created_date, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(scope, key, a.requestHash, a.statusCode, toJson(a.response), at, expiresAt);
    });
  }

  purgeExpired(now: string): Promise<number> {
    return this.x.exec((db) => prepared(db, 'DELETE FROM idempotency_keys WHERE expires_at <= ?').run(now).changes);
  }
}
