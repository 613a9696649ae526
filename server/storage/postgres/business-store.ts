/** The business's own facts in PostgreSQL: one row. */
import type { Business } from '../../../src/model/business.js';
import type { BusinessStore } from '../types.js';
import type { PostgresExecutor } from './executor.js';

interface BusinessRow {
  id: string;
  name: string;
  time_zone: string;
  currency: string;
  locale: string;
  email: string | null;
}

export class PostgresBusinessStore implements BusinessStore {
  constructor(private readonly x: PostgresExecutor) {}

  async get(): Promise<Business | null> {
    const r = await this.x.one<BusinessRow>('SELECT * FROM business LIMIT 1');
    return r
      ? { id: r.id, name: r.name, timeZone: r.time_zone, currency: r.currency, locale: r.locale, ...(r.email ? { email: r.email } : {}) }
      : null;
  }

  save(b: Business): Promise<void> {
    return this.x.writeSetup(async () => {
      await this.x.query(
        `INSERT INTO business (id, name, time_zone, currency, locale, email) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
           currency = excluded.currency, locale = excluded.locale, email = excluded.email`,
        [b.id, b.name, b.timeZone, b.currency, b.locale, b.email ?? null],
      );
    });
  }
}
