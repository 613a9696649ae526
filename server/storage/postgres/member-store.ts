/** Members' accounts in PostgreSQL: login email (citext), password hash and profile. */
import type { MemberRecord, MemberStore, PasswordResetRecord } from '../types.js';
import type { PostgresExecutor } from './executor.js';
import { iso } from './rows.js';

interface MemberRow {
  id: string;
  contact_id: string;
  email: string;
  password_hash: string;
  first_name: string | null;
  last_name: string | null;
  created_date: Date;
  updated_date: Date;
}

/** The columns, the email as text (pg does not know citext's type and would leave it as is anyway). */
const MEMBER_COLUMNS = 'id, contact_id, email::text AS email, password_hash, first_name, last_name, created_date, updated_date';

const rowToMember = (r: MemberRow): MemberRecord => ({
  id: r.id,
  contactId: r.contact_id,
  loginEmail: r.email,
  profile: { ...(r.first_name ? { firstName: r.first_name } : {}), ...(r.last_name ? { lastName: r.last_name } : {}) },
  passwordHash: r.password_hash,
  createdDate: iso(r.created_date),
  updatedDate: iso(r.updated_date),
});

export class PostgresMemberStore implements MemberStore {
  constructor(private readonly x: PostgresExecutor) {}

  async getByEmail(email: string): Promise<MemberRecord | null> {
    // Emails are compared without case (citext): Member@Example.com and member@example.com are one person.
    const r = await this.x.one<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE email = $1 ORDER BY created_date LIMIT 1`, [email]);
    return r ? rowToMember(r) : null;
  }

  async get(id: string): Promise<MemberRecord | null> {
    const r = await this.x.one<MemberRow>(`SELECT ${MEMBER_COLUMNS} FROM members WHERE id = $1`, [id]);
    return r ? rowToMember(r) : null;
  }

  async insert(m: MemberRecord): Promise<void> {
    await this.x.query(
      `INSERT INTO members (id, contact_id, email, password_hash, first_name, last_name, created_date, updated_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        m.id,
        m.contactId,
        m.loginEmail,
        m.passwordHash,
        m.profile.firstName ?? null,
        m.profile.lastName ?? null,
        m.createdDate,
        m.updatedDate,
      ],
    );
  }

  async setPasswordHash(memberId: string, passwordHash: string, at: string): Promise<void> {
    await this.x.query('UPDATE members SET password_hash = $1, updated_date = $2 WHERE id = $3', [passwordHash, at, memberId]);
  }

  async insertPasswordReset(reset: PasswordResetRecord): Promise<void> {
    await this.x.query(
      'INSERT INTO member_password_resets (token_hash, member_id, expires_at, used_at, created_date) VALUES ($1, $2, $3, $4, $5)',
      [reset.tokenHash, reset.memberId, reset.expiresAt, reset.usedAt ?? null, reset.createdDate],
    );
  }

  async findPasswordReset(tokenHash: string): Promise<PasswordResetRecord | null> {
    const r = await this.x.one<ResetRow>('SELECT * FROM member_password_resets WHERE token_hash = $1', [tokenHash]);
    return r
      ? {
          tokenHash: r.token_hash,
          memberId: r.member_id,
          expiresAt: iso(r.expires_at),
          ...(r.used_at ? { usedAt: iso(r.used_at) } : {}),
          createdDate: iso(r.created_date),
        }
      : null;
  }

  async usePasswordResets(memberId: string, tokenHash: string, at: string): Promise<boolean> {
    // The row lock of the first UPDATE makes a second, concurrent use of the same link find it used.
    const own = await this.x.query(
      'UPDATE member_password_resets SET used_at = $1 WHERE token_hash = $2 AND member_id = $3 AND used_at IS NULL RETURNING 1',
      [at, tokenHash, memberId],
    );
    await this.x.query('UPDATE member_password_resets SET used_at = $1 WHERE member_id = $2 AND used_at IS NULL', [at, memberId]);
    return own.length === 1;
  }
}

interface ResetRow {
  token_hash: string;
  member_id: string;
  expires_at: Date;
  used_at: Date | null;
  created_date: Date;
}
