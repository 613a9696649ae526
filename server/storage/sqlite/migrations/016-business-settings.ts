/**
 * Migration 16: the business's stored settings (storage/settings-types.ts): business hours, phone, address,
 * reminder hours, mail sender and the widget's allowed origins, one row per key with its value as JSON.
 */
import type { Migration } from './migration.js';

export const businessSettingsMigration: Migration = {
  version: 16,
  name: 'business settings',
  sql: `
CREATE TABLE business_settings (
  key TEXT PRIMARY KEY,
  value_json TEXT NOT NULL,
  updated_date TEXT NOT NULL
);
`,
};
