/** The business's stored settings in PostgreSQL (storage/settings-types.ts): one row per key, its value as jsonb. */
import type { SettingsPatch, SettingsStore, StoredSettings } from '../settings-types.js';
import type { PostgresExecutor } from './executor.js';

export class PostgresSettingsStore implements SettingsStore {
  constructor(private readonly x: PostgresExecutor) {}

  async get(): Promise<StoredSettings> {
    const rows = await this.x.query<{ key: string; value_json: string }>('SELECT key, value_json FROM business_settings');
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value_json) as unknown])) as StoredSettings;
  }

  save(patch: SettingsPatch): Promise<void> {
    const at = new Date().toISOString();
    return this.x.writeSetup(async () => {
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined) continue;
        if (value === null) await this.x.query('DELETE FROM business_settings WHERE key = $1', [key]);
        else
          await this.x.query(
            `INSERT INTO business_settings (key, value_json, updated_date) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_date = excluded.updated_date`,
            [key, JSON.stringify(value), at],
          );
      }
    });
  }

  changeCurrency(currency: string): Promise<void> {
    return this.x.writeSetup(async () => {
      for (const table of ['business', 'services', 'service_variants', 'pricing_plans'])
        await this.x.query(`UPDATE ${table} SET currency = $1`, [currency]);
    });
  }

  async countOpenWithMoney(nowUtc: string): Promise<number> {
    const row = await this.x.one<{ n: string }>(
      `SELECT count(*) AS n FROM bookings b JOIN services s ON s.id = b.service_id
             WHERE b.end_utc > $1 AND b.status NOT IN ('CANCELED', 'DECLINED')
               AND b.payment_status NOT IN ('PAID', 'EXEMPT', 'REFUNDED')
               AND (s.price_minor > 0 OR s.rate_type = 'VARIED')`,
      [nowUtc],
    );
    return Number(row?.n ?? 0);
  }
}
