/**
 * Visitor and member tokens in PostgreSQL, keyed by the token's sha256 (the token itself is never stored). Unlike
 * SQLite's store, found tokens are not kept in memory: another instance may revoke one at any moment, so every
 * lookup asks the database (one primary-key read).
 */
import type { TokenRecord, TokenStore } from '../types.js';
import type { PostgresExecutor } from './executor.js';
import { iso } from './rows.js';

interface Row {
  kind: TokenRecord['kind'];
  subject_kind: TokenRecord['subject']['kind'];
  subject_id: string;
  session_id: string;
  family_id: string | null;
  client_id: string | null;
  expires_at: Date;
  revoked_at: Date | null;
}

export class PostgresTokenStore implements TokenStore {
  constructor(private readonly x: PostgresExecutor) {}

  async insert(tokenHash: string, t: TokenRecord): Promise<void> {
    await this.x.query(
      `INSERT INTO auth_tokens (token_hash, kind, subject_kind, subject_id, session_id, family_id, client_id, expires_at, revoked_at, created_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
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
      ],
    );
  }

  async find(tokenHash: string): Promise<TokenRecord | null> {
    const r = await this.x.one<Row>(
      'SELECT kind, subject_kind, subject_id, session_id, family_id, client_id, expires_at, revoked_at FROM auth_tokens WHERE token_hash = $1',
      [tokenHash],
    );
    if (!r) return null;
    return Object.freeze({
      kind: r.kind,
      subject: { kind: r.subject_kind, id: r.subject_id },
      sessionId: r.session_id,
      familyId: r.family_id ?? r.session_id,
      ...(r.client_id ? { clientId: r.client_id } : {}),
      expiresAt: iso(r.expires_at),
      ...(r.revoked_at ? { revokedAt: iso(r.revoked_at) } : {}),
    });
  }

  async revokeSession(sessionId: string, at: string): Promise<void> {
    await this.x.query('UPDATE auth_tokens SET revoked_at = $1 WHERE session_id = $2 AND revoked_at IS NULL', [at, sessionId]);
  }

  async revokeFamily(familyId: string, at: string): Promise<number> {
    const rows = await this.x.query('UPDATE auth_tokens SET revoked_at = $1 WHERE family_id = $2 AND revoked_at IS NULL RETURNING 1', [
      at,
      familyId,
    ]);
    return rows.length;
  }

  async revoke(tokenHash: string, at: string): Promise<void> {
    await this.x.query('UPDATE auth_tokens SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL', [at, tokenHash]);
  }

  async revokeSubject(subject: TokenRecord['subject'], at: string, exceptFamilyId?: string): Promise<number> {
    const rows = await this.x.query(
      `UPDATE auth_tokens SET revoked_at = $1 WHERE subject_kind = $2 AND subject_id = $3 AND revoked_at IS NULL
         AND ($4::text IS NULL OR family_id IS DISTINCT FROM $4::text) RETURNING 1`,
      [at, subject.kind, subject.id, exceptFamilyId ?? null],
    );
    return rows.length;
  }

  async purgeExpired(before: string): Promise<number> {
    return (await this.x.query('DELETE FROM auth_tokens WHERE expires_at < $1 RETURNING 1', [before])).length;
  }
}
