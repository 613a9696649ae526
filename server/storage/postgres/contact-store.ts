/** Contacts in PostgreSQL: one per email (citext: case does not count), filled in (never overwritten) by later bookings. */
import type { ContactDetails } from '../../../src/model/booking.js';
import type { ContactStore } from '../types.js';
import type { PostgresExecutor } from './executor.js';

interface ContactRow {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
}

export class PostgresContactStore implements ContactStore {
  constructor(private readonly x: PostgresExecutor) {}

  /** Look-up then write in one transaction (it holds the write lock), as SQLite's one synchronous call does. */
  upsertByEmail(d: ContactDetails): Promise<string> {
    return this.x.transaction(async () => {
      const now = new Date().toISOString();
      const existing = d.email ? await this.x.one<{ id: string }>('SELECT id FROM contacts WHERE email = $1', [d.email]) : null;
      if (existing) {
        await this.x.query(
          `UPDATE contacts SET first_name = COALESCE(first_name, $1), last_name = COALESCE(last_name, $2),
             phone = COALESCE(phone, $3), updated_date = $4 WHERE id = $5`,
          [d.firstName ?? null, d.lastName ?? null, d.phone ?? null, now, existing.id],
        );
        return existing.id;
      }
      const id = crypto.randomUUID();
      await this.x.query(
        'INSERT INTO contacts (id, email, first_name, last_name, phone, created_date, updated_date) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [id, d.email ?? null, d.firstName ?? null, d.lastName ?? null, d.phone ?? null, now, now],
      );
      return id;
    });
  }

  async get(id: string): Promise<(ContactDetails & { contactId: string }) | null> {
    const r = await this.x.one<ContactRow>('SELECT id, email::text AS email, first_name, last_name, phone FROM contacts WHERE id = $1', [
      id,
    ]);
    if (!r) return null;
    return {
      contactId: r.id,
      ...(r.first_name ? { firstName: r.first_name } : {}),
      ...(r.last_name ? { lastName: r.last_name } : {}),
      ...(r.email ? { email: r.email } : {}),
      ...(r.phone ? { phone: r.phone } : {}),
    };
  }
}
