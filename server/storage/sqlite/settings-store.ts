/** The business's stored settings in SQLite (storage/settings-types.ts): one row per key, its value as JSON. */
import type { SettingsPatch, SettingsStore, StoredSettings } from '../settings-types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqliteSettingsStore implements SettingsStore {
  constructor(private readonly x: SqliteExecutor) {}

  get(): Promise<StoredSettings> {
    return this.x.exec((db) => {
      const rows = prepared(db, 'SELECT key, value_json FROM business_settings').all() as { key: string; value_json: string }[];
      return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown])) as StoredSettings;
    });
  }

  save(patch: SettingsPatch): Promise<void> {
    const at = new Date().toISOString();
    return this.x.writeSetup((db) => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        if (value === null) prepared(db, 'DELETE FROM business_settings WHERE key = ?').run(key);
        else
          prepared(
            db,
            `INSERT INTO business_settings (key, value_json, updated_date) VALUES (?, ?, ?)
             ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_date = excluded.updated_date`,
          ).run(key, JSON.stringify(value), at);
      }
    });
  }

  changeCurrency(currency: string): Promise<void> {
    return this.x.writeSetup((db) => {
      for (const table of ['business', 'services', 'service_variants', 'pricing_plans'])
        prepared(db, `UPDATE ${table} SET currency = ?`).run(currency);
    });
  }

  countOpenWithMoney(nowUtc: string): Promise<number> {
    return this.x.exec(
      (db) =>
        (
          prepared(
            db,
            `SELECT count(*) AS n FROM bookings b JOIN services s ON s.id = b.service_id
             WHERE b.end_utc > ? AND b.status NOT IN ('CANCELED', 'DECLINED')
               AND b.payment_status NOT IN ('PAID', 'EXEMPT', 'REFUNDED')
               AND (s.price_minor > 0 OR s.rate_type = 'VARIED')`,
          ).get(nowUtc) as { n: number }
        ).n,
    );
  }
}
