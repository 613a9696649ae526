/** Migration 14: a staff member's time off (days and part days away), local date-times in the business's zone. */
import type { Migration } from './migration.js';

export const timeOffMigration: Migration = {
  version: 14,
  name: 'staff time off',
  sql: `
CREATE TABLE staff_time_off (
  staff_id TEXT NOT NULL REFERENCES staff_members(id) ON DELETE CASCADE,
  start_local TEXT NOT NULL,
  end_local TEXT NOT NULL,
  CHECK (start_local < end_local)
);
CREATE INDEX staff_time_off_staff ON staff_time_off(staff_id, start_local);
`,
};
