/** Contacts in SQLite: one per email, filled in (never overwritten) by later bookings. */
import type { ContactDetails } from '../../../src/model/booking.js';
import type { ContactStore } from '../types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqliteContactStore implements ContactStore {
  constructor(private readonly x: SqliteExecutor) {}
  upsertByEmail(d: ContactDetails): Promise<string> {
    return this.x.exec((db) => {
      const now = new Date().toISOString();
      const existing = d.email
        ? (prepared(db, 'SELECT id FROM contacts WHERE email = ?').get(d.email) as { id: string } | undefined)
        : undefined;
      if (existing) {
        prepared(
          db,
          `UPDATE contacts SET first_name = COALESCE(first_name, ?), last_name = COALESCE(last_name, ?),
             phone = COALESCE(phone, ?), updated_date = ? WHERE id = ?`,
        ).run(d.firstName ?? null, d.lastName ?? null, d.phone ?? null, now, existing.id);
        return existing.id;
      }
      const id = crypto.randomUUID();
      prepared(
        db,
        'INSERT INTO contacts (id, email, first_name, last_name, phone, created_date, updated_date) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(id, d.email ?? null, d.firstName ?? null, d.lastName ?? null, d.phone ?? null, now, now);
      return id;
    });
  }
  get(id: string): Promise<(ContactDetails & { contactId: string }) | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM contacts WHERE id = ?').get(id) as
        { id: string; email: string | null; first_name: string | null; last_name: string | null; phone: string | null } | undefined;
      if (!r) return null;
      return {
        contactId: r.id,
        ...(r.first_name ? { firstName: r.first_name } : {}),
        ...(r.last_name ? { lastName: r.last_name } : {}),
        ...(r.email ? { email: r.email } : {}),
        ...(r.phone ? { phone: r.phone } : {}),
      };
    });
  }
}
