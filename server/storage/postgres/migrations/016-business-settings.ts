/** Migration 16 in PostgreSQL's dialect: the business's stored settings, one row per key with its value as JSON. */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const businessSettingsMigration: Migration = {
  version: 16,
  name: 'business settings',
  sql: `
CREATE TABLE business_settings (
  key text PRIMARY KEY,
  value_json text NOT NULL,
  updated_date text NOT NULL
);
`,
};
