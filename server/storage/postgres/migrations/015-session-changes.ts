/** Migration 15 in PostgreSQL's dialect: a note on a booking's history line, and sessions moved off their rule's time. */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const sessionChangesMigration: Migration = {
  version: 15,
  name: 'session moves and notes on booking history',
  sql: `
ALTER TABLE booking_history ADD COLUMN notification jsonb;

CREATE TABLE session_moves (
  rule_id text NOT NULL REFERENCES session_rules(id) ON DELETE CASCADE,
  local_start text NOT NULL,
  moved_start text NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes > 0),
  PRIMARY KEY (rule_id, local_start)
);
CREATE UNIQUE INDEX session_moves_target ON session_moves(rule_id, moved_start);
`,
};
