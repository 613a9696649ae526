/** Booking policies in PostgreSQL: the rules as one jsonb column beside the fields they are looked up by. */
import type { BookingPolicy } from '../../../src/model/policy.js';
import type { PolicyStore } from '../types.js';
import type { PostgresExecutor } from './executor.js';
import { iso, json } from './rows.js';
import { expectedRevision } from './service-rows.js';

interface PolicyRow {
  id: string;
  name: string;
  is_default: boolean;
  policy_json: Omit<BookingPolicy, 'id'> | null;
  revision: number;
  created_date: Date;
  updated_date: Date;
}

function rowToPolicy(r: PolicyRow): BookingPolicy {
  return {
    ...(r.policy_json ?? ({} as Omit<BookingPolicy, 'id'>)),
    id: r.id,
    name: r.name,
    default: r.is_default,
    revision: String(r.revision),
    createdDate: iso(r.created_date),
    updatedDate: iso(r.updated_date),
  };
}

function policyBody(p: BookingPolicy): string {
  const { id: _id, name: _name, default: _default, revision: _revision, createdDate: _c, updatedDate: _u, ...rules } = p;
  return json(rules);
}

export class PostgresPolicyStore implements PolicyStore {
  constructor(private readonly x: PostgresExecutor) {}

  async list(): Promise<BookingPolicy[]> {
    return (await this.x.query<PolicyRow>('SELECT * FROM booking_policies ORDER BY created_date, id COLLATE "C"')).map(rowToPolicy);
  }

  async get(id: string): Promise<BookingPolicy | null> {
    const r = await this.x.one<PolicyRow>('SELECT * FROM booking_policies WHERE id = $1', [id]);
    return r ? rowToPolicy(r) : null;
  }

  async getDefault(): Promise<BookingPolicy | null> {
    const r = await this.x.one<PolicyRow>('SELECT * FROM booking_policies WHERE is_default LIMIT 1');
    return r ? rowToPolicy(r) : null;
  }

  insert(p: BookingPolicy): Promise<void> {
    return this.x.writeSetup(async () => {
      const now = new Date().toISOString();
      await this.x.query(
        `INSERT INTO booking_policies (id, name, is_default, policy_json, revision, created_date, updated_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          p.id,
          p.name ?? 'Policy',
          Boolean(p.default),
          policyBody(p),
          Number(p.revision ?? '1'),
          p.createdDate ?? now,
          p.updatedDate ?? now,
        ],
      );
    });
  }

  update(p: BookingPolicy, expected: string): Promise<boolean> {
    return this.x.writeSetup(async () => {
      const updated = await this.x.query(
        `UPDATE booking_policies SET name = $1, policy_json = $2, revision = $3, updated_date = $4
         WHERE id = $5 AND revision = $6 RETURNING id`,
        [p.name ?? 'Policy', policyBody(p), Number(p.revision), new Date().toISOString(), p.id, expectedRevision(expected)],
      );
      return updated.length > 0;
    });
  }

  setDefault(id: string): Promise<boolean> {
    return this.x.writeSetup(async () => {
      if (!(await this.x.one('SELECT 1 FROM booking_policies WHERE id = $1', [id]))) return false;
      const now = new Date().toISOString();
      await this.x.query('UPDATE booking_policies SET is_default = false, updated_date = $1 WHERE is_default AND id <> $2', [now, id]);
      await this.x.query('UPDATE booking_policies SET is_default = true, updated_date = $1 WHERE id = $2 AND NOT is_default', [now, id]);
      return true;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.x.writeSetup(
      async () => (await this.x.query('DELETE FROM booking_policies WHERE id = $1 AND NOT is_default RETURNING id', [id])).length > 0,
    );
  }
}
