/** The business's own facts in SQLite: one row. */
import type { Business } from '../../../src/model/business.js';
import type { BusinessStore } from '../types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqliteBusinessStore implements BusinessStore {
  constructor(private readonly x: SqliteExecutor) {}
  get(): Promise<Business | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM business LIMIT 1').get() as
        { id: string; name: string; time_zone: string; currency: string; locale: string; email: string | null } | undefined;
      return r
        ? { id: r.id, name: r.name, timeZone: r.time_zone, currency: r.currency, locale: r.locale, ...(r.email ? { email: r.email } : {}) }
        : null;
    });
  }
  save(b: Business): Promise<void> {
    return this.x.writeSetup((db) => {
      prepared(
        db,
        `INSERT INTO business (id, name, time_zone, currency, locale, email) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
           currency = excluded.currency, locale = excluded.locale, email = excluded.email`,
      ).run(b.id, b.name, b.timeZone, b.currency, b.locale, b.email ?? null);
    });
  }
}
