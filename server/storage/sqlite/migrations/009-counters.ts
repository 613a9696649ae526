/**
 * Migration 9: `rate_counters`, one fixed window per key for the login throttle and the door limits
 * (storage/counter-types.ts). Times are epoch milliseconds. SQLite's storage counts in memory by default
 * (docs/storage.md); the table is here so a version means the same schema on both backends.
 */
import type { Migration } from './migration.js';

export const countersMigration: Migration = {
  version: 9,
  name: 'rate counters shared by every instance',
  sql: `
CREATE TABLE rate_counters (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  reset_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX rate_counters_reset_at ON rate_counters (reset_at);
`,
};
