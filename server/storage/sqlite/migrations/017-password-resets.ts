/**
 * Migration 17: members' password-reset links (contract section 15). Only the sha256 of a link's token is kept;
 * a link works once (`used_at`) and until `expires_at`.
 */
import type { Migration } from './migration.js';

export const passwordResetsMigration: Migration = {
  version: 17,
  name: 'member password resets',
  sql: `
CREATE TABLE member_password_resets (
  token_hash TEXT PRIMARY KEY,
  member_id TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_date TEXT NOT NULL
);
CREATE INDEX member_password_resets_member ON member_password_resets(member_id);
`,
};
