/**
 * Migration 15: what the owner does to one session. A history line may carry the business's note to the customer
 * (`notification`: JSON `{ notifyParticipants, message }`, from a cancelled or moved session), and a session moved
 * away from its rule's time is a per-occurrence override (`session_moves`), keyed by the rule's own (nominal) start,
 * so the session keeps its event id. Two moved sessions of one rule never land on the same start.
 */
import type { Migration } from './migration.js';

export const sessionChangesMigration: Migration = {
  version: 15,
  name: 'session moves and notes on booking history',
  sql: `
ALTER TABLE booking_history ADD COLUMN notification TEXT;

CREATE TABLE session_moves (
  rule_id TEXT NOT NULL REFERENCES session_rules(id) ON DELETE CASCADE,
  local_start TEXT NOT NULL,
  moved_start TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  PRIMARY KEY (rule_id, local_start)
);
CREATE UNIQUE INDEX session_moves_target ON session_moves(rule_id, moved_start);
`,
};
