/**
 * Migration 9 in PostgreSQL's dialect: `rate_counters`, one fixed window per key for the login throttle and the
 * door limits, shared by every instance (storage/counter-types.ts). Times are epoch milliseconds (`bigint`), as
 * the callers count them. Written once per counted request, so UNLOGGED would be faster, but a counter that
 * vanishes in a crash would hand a guesser a fresh window: kept logged.
 */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const countersMigration: Migration = {
  version: 9,
  name: 'rate counters shared by every instance',
  sql: `
CREATE TABLE rate_counters (
  key text PRIMARY KEY,
  count integer NOT NULL,
  reset_at bigint NOT NULL
);
CREATE INDEX rate_counters_reset_at ON rate_counters (reset_at);
`,
};
