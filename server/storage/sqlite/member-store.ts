/** Members' accounts in SQLite: login email, password hash and profile. */
import type { MemberRecord, MemberStore, PasswordResetRecord } from '../types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface MemberRow {
  id: string;
  contact_id: string;
  email: string;
  password_hash: string;
  first_name: string | null;
  last_name: string | null;
  created_date: string;
  updated_date: string;
}

const rowToMember = (r: MemberRow): MemberRecord => ({
  id: r.id,
  contactId: r.contact_id,
  loginEmail: r.email,
  profile: { ...(r.first_name ? { firstName: r.first_name } : {}), ...(r.last_name ? { lastName: r.last_name } : {}) },
  passwordHash: r.password_hash,
  createdDate: r.created_date,
  updatedDate: r.updated_date,
});

export class SqliteMemberStore implements MemberStore {
  constructor(private readonly x: SqliteExecutor) {}
  getByEmail(email: string): Promise<MemberRecord | null> {
    return this.x.exec((db) => {
      // Emails are compared without case: Member@Example.com and member@example.com are one person.
      const r = prepared(db, 'SELECT * FROM members WHERE lower(email) = lower(?) ORDER BY created_date LIMIT 1').get(email) as
        MemberRow | undefined;
      return r ? rowToMember(r) : null;
    });
  }
  get(id: string): Promise<MemberRecord | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
      return r ? rowToMember(r) : null;
    });
  }
  insert(m: MemberRecord): Promise<void> {
    return this.x.exec((db) => {
      prepared(
        db,
        'INSERT INTO members (id, contact_id, email, password_hash, first_name, last_name, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        m.id,
        m.contactId,
        m.loginEmail,
        m.passwordHash,
        m.profile.firstName ?? null,
        m.profile.lastName ?? null,
        m.createdDate,
        m.updatedDate,
      );
    });
  }
  setPasswordHash(memberId: string, passwordHash: string, at: string): Promise<void> {
    return this.x.exec((db) => {
      prepared(db, 'UPDATE members SET password_hash = ?, updated_date = ? WHERE id = ?').run(passwordHash, at, memberId);
    });
  }
  insertPasswordReset(reset: PasswordResetRecord): Promise<void> {
    return this.x.exec((db) => {
      prepared(
        db,
        'INSERT INTO member_password_resets (token_hash, member_id, expires_at, used_at, created_date) VALUES (?, ?, ?, ?, ?)',
      ).run(reset.tokenHash, reset.memberId, reset.expiresAt, reset.usedAt ?? null, reset.createdDate);
    });
  }
  findPasswordReset(tokenHash: string): Promise<PasswordResetRecord | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM member_password_resets WHERE token_hash = ?').get(tokenHash) as ResetRow | undefined;
      return r ? rowToReset(r) : null;
    });
  }
  usePasswordResets(memberId: string, tokenHash: string, at: string): Promise<boolean> {
    return this.x.exec((db) => {
      const own = prepared(
        db,
        'UPDATE member_password_resets SET used_at = ? WHERE token_hash = ? AND member_id = ? AND used_at IS NULL',
      ).run(at, tokenHash, memberId);
      prepared(db, 'UPDATE member_password_resets SET used_at = ? WHERE member_id = ? AND used_at IS NULL').run(at, memberId);
      return own.changes === 1;
    });
  }
}

interface ResetRow {
  token_hash: string;
  member_id: string;
  expires_at: string;
  used_at: string | null;
  created_date: string;
}

const rowToReset = (r: ResetRow): PasswordResetRecord => ({
  tokenHash: r.token_hash,
  memberId: r.member_id,
  expiresAt: r.expires_at,
  ...(r.used_at ? { usedAt: r.used_at } : {}),
  createdDate: r.created_date,
});
