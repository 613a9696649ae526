/**
 * Migration 6 in PostgreSQL's dialect: sessions keep a family through refreshes (so logging out ends what the
 * login started), and anonymous booking tokens expire, can be revoked, and belong to the session family that
 * asked for them. Tokens made before this version expire 90 days after they were made (interval arithmetic in
 * UTC where SQLite formats text with strftime).
 */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const doorsMigration: Migration = {
  version: 6,
  name: 'session families; anonymous booking tokens that expire and are revoked with their session',
  sql: `
ALTER TABLE auth_tokens ADD COLUMN family_id text;
UPDATE auth_tokens SET family_id = session_id WHERE family_id IS NULL;
CREATE INDEX auth_tokens_family ON auth_tokens(family_id);

ALTER TABLE booking_access_tokens ADD COLUMN family_id text;
ALTER TABLE booking_access_tokens ADD COLUMN expires_at timestamptz NOT NULL DEFAULT '9999-12-31T00:00:00.000Z';
ALTER TABLE booking_access_tokens ADD COLUMN revoked_at timestamptz;
-- Tokens given out before this version: 90 days from when they were made (90 x 24 hours, counted in UTC as
-- SQLite does, whatever the session's TimeZone: a day added in a zone with DST can be 23 or 25 hours).
UPDATE booking_access_tokens SET expires_at = (created_date AT TIME ZONE 'UTC' + interval '90 days') AT TIME ZONE 'UTC';
CREATE INDEX booking_access_tokens_booking ON booking_access_tokens(booking_id, created_date);
-- Members are found by email without regard to case.
CREATE INDEX members_email_lower ON members(lower(email));
CREATE INDEX booking_access_tokens_family ON booking_access_tokens(family_id) WHERE family_id IS NOT NULL;
`,
};
