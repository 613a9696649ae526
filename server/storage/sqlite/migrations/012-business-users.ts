/**
 * Migration 12: business accounts (contract section 12), and their sessions in `auth_tokens`. SQLite cannot alter
 * a CHECK constraint, so `auth_tokens` is rebuilt with `business` among its subject kinds, its columns in the
 * same order as before (PostgreSQL's table has that order too, and `booking-server copy` reads both).
 */
import type { Migration } from './migration.js';

export const businessUsersMigration: Migration = {
  version: 12,
  name: 'business accounts; their sessions',
  sql: `
CREATE TABLE business_users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('OWNER', 'STAFF')),
  -- No foreign key: deleting a staff member must not fail on its account; the account then sees no bookings.
  staff_member_id TEXT,
  password_hash TEXT NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL,
  CHECK ((role = 'STAFF') = (staff_member_id IS NOT NULL))
);

CREATE TABLE auth_tokens_012 (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('visitor', 'member', 'business')),
  subject_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  client_id TEXT,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  created_date TEXT NOT NULL,
  family_id TEXT
);
INSERT INTO auth_tokens_012 (token_hash, kind, subject_kind, subject_id, session_id, client_id, expires_at, revoked_at, created_date, family_id)
  SELECT token_hash, kind, subject_kind, subject_id, session_id, client_id, expires_at, revoked_at, created_date, family_id
  FROM auth_tokens ORDER BY rowid;
DROP TABLE auth_tokens;
ALTER TABLE auth_tokens_012 RENAME TO auth_tokens;
CREATE INDEX auth_tokens_session ON auth_tokens(session_id);
CREATE INDEX auth_tokens_expiry ON auth_tokens(expires_at);
CREATE INDEX auth_tokens_family ON auth_tokens(family_id);
-- A password change or a deleted account ends that subject's sessions.
CREATE INDEX auth_tokens_subject ON auth_tokens(subject_kind, subject_id);
`,
};
