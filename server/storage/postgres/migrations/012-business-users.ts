/** Migration 12 in PostgreSQL's dialect: business accounts (contract section 12) and their sessions in `auth_tokens`. */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const businessUsersMigration: Migration = {
  version: 12,
  name: 'business accounts; their sessions',
  sql: `
CREATE TABLE business_users (
  id text PRIMARY KEY,
  email citext NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('OWNER', 'STAFF')),
  -- No foreign key: deleting a staff member must not fail on its account; the account then sees no bookings.
  staff_member_id text,
  password_hash text NOT NULL,
  created_date timestamptz NOT NULL,
  updated_date timestamptz NOT NULL,
  CHECK ((role = 'STAFF') = (staff_member_id IS NOT NULL))
);

ALTER TABLE auth_tokens DROP CONSTRAINT IF EXISTS auth_tokens_subject_kind_check;
ALTER TABLE auth_tokens ADD CONSTRAINT auth_tokens_subject_kind_check CHECK (subject_kind IN ('visitor', 'member', 'business'));
-- A password change or a deleted account ends that subject's sessions.
CREATE INDEX auth_tokens_subject ON auth_tokens(subject_kind, subject_id);
`,
};
