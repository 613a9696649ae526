/** Business accounts in PostgreSQL (contract section 12): email (citext, unique), role, staff link, password hash. */
import type { BusinessUserPatch, BusinessUserRecord, BusinessUserStore } from '../business-user-types.js';
import type { PostgresExecutor } from './executor.js';
import { iso } from './rows.js';

interface Row {
  id: string;
  email: string;
  role: BusinessUserRecord['role'];
  staff_member_id: string | null;
  password_hash: string;
  created_date: Date;
  updated_date: Date;
}

/** The columns, the email as text (pg does not know citext's type). */
const COLUMNS = 'id, email::text AS email, role, staff_member_id, password_hash, created_date, updated_date';

const rowToUser = (r: Row): BusinessUserRecord => ({
  id: r.id,
  email: r.email,
  role: r.role,
  ...(r.staff_member_id ? { staffMemberId: r.staff_member_id } : {}),
  passwordHash: r.password_hash,
  createdDate: iso(r.created_date),
  updatedDate: iso(r.updated_date),
});

export class PostgresBusinessUserStore implements BusinessUserStore {
  constructor(private readonly x: PostgresExecutor) {}

  async create(u: BusinessUserRecord): Promise<void> {
    await this.x.query(
      `INSERT INTO business_users (id, email, role, staff_member_id, password_hash, created_date, updated_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [u.id, u.email, u.role, u.staffMemberId ?? null, u.passwordHash, u.createdDate, u.updatedDate],
    );
  }

  async get(id: string): Promise<BusinessUserRecord | null> {
    const r = await this.x.one<Row>(`SELECT ${COLUMNS} FROM business_users WHERE id = $1`, [id]);
    return r ? rowToUser(r) : null;
  }

  async getByEmail(email: string): Promise<BusinessUserRecord | null> {
    const r = await this.x.one<Row>(`SELECT ${COLUMNS} FROM business_users WHERE email = $1`, [email.trim()]);
    return r ? rowToUser(r) : null;
  }

  async list(): Promise<BusinessUserRecord[]> {
    return (await this.x.query<Row>(`SELECT ${COLUMNS} FROM business_users ORDER BY created_date, id`)).map(rowToUser);
  }

  async update(id: string, patch: BusinessUserPatch, at: string): Promise<BusinessUserRecord | null> {
    // COALESCE keeps what the patch leaves out; the staff link is set only when the patch names it ($5).
    const r = await this.x.one<Row>(
      `UPDATE business_users SET
         email = COALESCE($2, email),
         role = COALESCE($3, role),
         staff_member_id = CASE WHEN $5 THEN $4 ELSE staff_member_id END,
         password_hash = COALESCE($6, password_hash),
         updated_date = $7
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        patch.email ?? null,
        patch.role ?? null,
        patch.staffMemberId ?? null,
        patch.staffMemberId !== undefined,
        patch.passwordHash ?? null,
        at,
      ],
    );
    return r ? rowToUser(r) : null;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.x.query<{ id: string }>('DELETE FROM business_users WHERE id = $1 RETURNING id', [id])).length > 0;
  }

  async countOwners(): Promise<number> {
    // Every write transaction holds the business's advisory lock (executor.ts): no other removal runs meanwhile.
    const r = await this.x.one<{ n: number }>("SELECT count(*)::int AS n FROM business_users WHERE role = 'OWNER'");
    return r?.n ?? 0;
  }
}
