/**
 * Visitor and member tokens in SQLite, keyed by the token's sha256 (the token itself is never stored).
 * Every request with a token looks it up, so tokens found are kept in memory until the next revocation or purge
 * in this store, which is the only writer of `auth_tokens` (one process owns a SQLite file; a store shared by
 * several instances must not keep them this way, since another instance may revoke).
 */
import type { TokenRecord, TokenStore } from '../types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface Row {
  kind: TokenRecord['kind'];
  subject_kind: TokenRecord['subject']['kind'];
  subject_id: string;
  session_id: string;
  family_id: string | null;
  client_id: string | null;
  expires_at: string;
  revoked_at: string | null;
}

/** Tokens kept at most; past it the memory starts over (a bound against a flood of distinct valid tokens). */
const MAX_KEPT = 10_000;

export class SqliteTokenStore implements TokenStore {
  private readonly found = new Map<string, TokenRecord>();

  constructor(private readonly x: SqliteExecutor) {}

  /** A revocation or purge changes rows we may hold: forget them all (revocations are rare, lookups constant). */
  private forget<T>(result: T): T {
    this.found.clear();
    return result;
  }

  insert(tokenHash: string, t: TokenRecord): Promise<void> {
    return this.x.exec((db) => {
      prepared(
        db,
        `INSERT INTO auth_tokens (token_hash, kind, subject_kind, subject_id, session_id, family_id, client_id, expires_at, revoked_at, created_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        tokenHash,
        t.kind,
        t.subject.kind,
        t.subject.id,
        t.sessionId,
        t.familyId,
        t.clientId ?? null,
        t.expiresAt,
        t.revokedAt ?? null,
        new Date().toISOString(),
      );
    });
  }

  find(tokenHash: string): Promise<TokenRecord | null> {
    const kept = this.found.get(tokenHash);
    if (kept) return Promise.resolve(kept);
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM auth_tokens WHERE token_hash = ?').get(tokenHash) as Row | undefined;
      if (!r) return null;
      const record: TokenRecord = Object.freeze({
        kind: r.kind,
        subject: { kind: r.subject_kind, id: r.subject_id },
        sessionId: r.session_id,
        familyId: r.family_id ?? r.session_id,
        ...(r.client_id ? { clientId: r.client_id } : {}),
        expiresAt: r.expires_at,
        ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
      });
      // Only what is committed: a revocation in a transaction that rolls back must not stay remembered.
      if (!db.inTransaction) {
        if (this.found.size >= MAX_KEPT) this.found.clear();
        this.found.set(tokenHash, record);
      }
      return record;
    });
  }

  revokeSession(sessionId: string, at: string): Promise<void> {
    return this.x.exec((db) => {
      this.forget(prepared(db, 'UPDATE auth_tokens SET revoked_at = ? WHERE session_id = ? AND revoked_at IS NULL').run(at, sessionId));
    });
  }

  revokeFamily(familyId: string, at: string): Promise<number> {
    return this.x.exec((db) =>
      this.forget(
        prepared(db, 'UPDATE auth_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL').run(at, familyId).changes,
      ),
    );
  }

  revoke(tokenHash: string, at: string): Promise<void> {
    return this.x.exec((db) => {
      this.forget(prepared(db, 'UPDATE auth_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(at, tokenHash));
    });
  }

  revokeSubject(subject: TokenRecord['subject'], at: string, exceptFamilyId?: string): Promise<number> {
    return this.x.exec((db) =>
      this.forget(
        prepared(
          db,
          `UPDATE auth_tokens SET revoked_at = ? WHERE subject_kind = ? AND subject_id = ? AND revoked_at IS NULL
             AND (? IS NULL OR family_id IS NOT ?)`,
        ).run(at, subject.kind, subject.id, exceptFamilyId ?? null, exceptFamilyId ?? null).changes,
      ),
    );
  }

  purgeExpired(before: string): Promise<number> {
    return this.x.exec((db) => this.forget(prepared(db, 'DELETE FROM auth_tokens WHERE expires_at < ?').run(before).changes));
  }
}
