/** Migration 14 in PostgreSQL's dialect: a staff member's time off, local date-times in the business's zone. */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const timeOffMigration: Migration = {
  version: 14,
  name: 'staff time off',
  sql: `
CREATE TABLE staff_time_off (
  staff_id text NOT NULL REFERENCES staff_members(id) ON DELETE CASCADE,
  start_local text NOT NULL,
  end_local text NOT NULL,
  CHECK (start_local < end_local)
);
CREATE INDEX staff_time_off_staff ON staff_time_off(staff_id, start_local);
`,
};
