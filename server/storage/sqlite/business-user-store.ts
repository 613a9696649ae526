/** Business accounts in SQLite (contract section 12): email (unique without case), role, staff link, password hash. */
import type { BusinessUserPatch, BusinessUserRecord, BusinessUserStore } from '../business-user-types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface Row {
  id: string;
  email: string;
  role: BusinessUserRecord['role'];
  staff_member_id: string | null;
  password_hash: string;
  created_date: string;
  updated_date: string;
}

const rowToUser = (r: Row): BusinessUserRecord => ({
  id: r.id,
  email: r.email,
  role: r.role,
  ...(r.staff_member_id ? { staffMemberId: r.staff_member_id } : {}),
  passwordHash: r.password_hash,
  createdDate: r.created_date,
  updatedDate: r.updated_date,
});

export class SqliteBusinessUserStore implements BusinessUserStore {
  constructor(private readonly x: SqliteExecutor) {}

  create(u: BusinessUserRecord): Promise<void> {
    return this.x.exec((db) => {
      prepared(
        db,
        `INSERT INTO business_users (id, email, role, staff_member_id, password_hash, created_date, updated_date)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(u.id, u.email, u.role, u.staffMemberId ?? null, u.passwordHash, u.createdDate, u.updatedDate);
    });
  }

  get(id: string): Promise<BusinessUserRecord | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM business_users WHERE id = ?').get(id) as Row | undefined;
      return r ? rowToUser(r) : null;
    });
  }

  getByEmail(email: string): Promise<BusinessUserRecord | null> {
    return this.x.exec((db) => {
      // The column is COLLATE NOCASE: Owner@Example.com finds owner@example.com.
      const r = prepared(db, 'SELECT * FROM business_users WHERE email = ?').get(email.trim()) as Row | undefined;
      return r ? rowToUser(r) : null;
    });
  }

  list(): Promise<BusinessUserRecord[]> {
    return this.x.exec((db) => (prepared(db, 'SELECT * FROM business_users ORDER BY created_date, id').all() as Row[]).map(rowToUser));
  }

  update(id: string, patch: BusinessUserPatch, at: string): Promise<BusinessUserRecord | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM business_users WHERE id = ?').get(id) as Row | undefined;
      if (!r) return null;
      const next: Row = {
        ...r,
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        ...(patch.role !== undefined ? { role: patch.role } : {}),
        ...(patch.staffMemberId !== undefined ? { staff_member_id: patch.staffMemberId } : {}),
        ...(patch.passwordHash !== undefined ? { password_hash: patch.passwordHash } : {}),
        updated_date: at,
      };
      prepared(
        db,
        'UPDATE business_users SET email = ?, role = ?, staff_member_id = ?, password_hash = ?, updated_date = ? WHERE id = ?',
      ).run(next.email, next.role, next.staff_member_id, next.password_hash, next.updated_date, id);
      return rowToUser(next);
    });
  }

  delete(id: string): Promise<boolean> {
    return this.x.exec((db) => prepared(db, 'DELETE FROM business_users WHERE id = ?').run(id).changes > 0);
  }

  countOwners(): Promise<number> {
    return this.x.exec((db) => (prepared(db, "SELECT count(*) AS n FROM business_users WHERE role = 'OWNER'").get() as { n: number }).n);
  }
}
