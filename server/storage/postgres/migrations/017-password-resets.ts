/** Migration 17 in PostgreSQL's dialect: members' password-reset links, only the sha256 of each token kept. */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const passwordResetsMigration: Migration = {
  version: 17,
  name: 'member password resets',
  sql: `
CREATE TABLE member_password_resets (
  token_hash text PRIMARY KEY,
  member_id text NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_date timestamptz NOT NULL
);
CREATE INDEX member_password_resets_member ON member_password_resets(member_id);
`,
};
