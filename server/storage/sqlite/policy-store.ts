/** Booking policies in SQLite: the rules as one JSON column beside the fields they are looked up by. */
import type { BookingPolicy } from '../../../src/model/policy.js';
import type { PolicyStore } from '../types.js';
import { bool, fromJson, int, toJson, type SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface PolicyRow {
  id: string;
  name: string;
  is_default: number;
  policy_json: string;
  revision: number;
  created_date: string;
  updated_date: string;
}

function rowToPolicy(r: PolicyRow): BookingPolicy {
  return {
    ...fromJson<Omit<BookingPolicy, 'id'>>(r.policy_json, {} as Omit<BookingPolicy, 'id'>),
    id: r.id,
    name: r.name,
    default: bool(r.is_default),
    revision: String(r.revision),
    createdDate: r.created_date,
    updatedDate: r.updated_date,
  };
}

function policyBody(p: BookingPolicy): string {
  const { id: _id, name: _name, default: _default, revision: _revision, createdDate: _c, updatedDate: _u, ...rules } = p;
  return toJson(rules);
}

export class SqlitePolicyStore implements PolicyStore {
  constructor(private readonly x: SqliteExecutor) {}
  list(): Promise<BookingPolicy[]> {
    return this.x.exec((db) =>
      (prepared(db, 'SELECT * FROM booking_policies ORDER BY created_date, id').all() as PolicyRow[]).map(rowToPolicy),
    );
  }
  get(id: string): Promise<BookingPolicy | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM booking_policies WHERE id = ?').get(id) as PolicyRow | undefined;
      return r ? rowToPolicy(r) : null;
    });
  }
  getDefault(): Promise<BookingPolicy | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM booking_policies WHERE is_default = 1 LIMIT 1').get() as PolicyRow | undefined;
      return r ? rowToPolicy(r) : null;
    });
  }
  insert(p: BookingPolicy): Promise<void> {
    return this.x.writeSetup((db) => {
      const now = new Date().toISOString();
      prepared(
        db,
        'INSERT INTO booking_policies (id, name, is_default, policy_json, revision, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(p.id, p.name ?? 'Policy', int(p.default), policyBody(p), Number(p.revision ?? '1'), p.createdDate ?? now, p.updatedDate ?? now);
    });
  }
  update(p: BookingPolicy, expectedRevision: string): Promise<boolean> {
    return this.x.writeSetup(
      (db) =>
        prepared(
          db,
          'UPDATE booking_policies SET name = ?, policy_json = ?, revision = ?, updated_date = ? WHERE id = ? AND revision = ?',
        ).run(p.name ?? 'Policy', policyBody(p), Number(p.revision), new Date().toISOString(), p.id, Number(expectedRevision)).changes > 0,
    );
  }
  setDefault(id: string): Promise<boolean> {
    return this.x.writeSetup((db) => {
      if (!prepared(db, 'SELECT 1 FROM booking_policies WHERE id = ?').get(id)) return false;
      const now = new Date().toISOString();
      prepared(db, 'UPDATE booking_policies SET is_default = 0, updated_date = ? WHERE is_default = 1 AND id <> ?').run(now, id);
      prepared(db, 'UPDATE booking_policies SET is_default = 1, updated_date = ? WHERE id = ? AND is_default = 0').run(now, id);
      return true;
    });
  }
  delete(id: string): Promise<boolean> {
    return this.x.writeSetup((db) => prepared(db, 'DELETE FROM booking_policies WHERE id = ? AND is_default = 0').run(id).changes > 0);
  }
}
