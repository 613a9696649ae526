/**
 * Migration 11 in PostgreSQL's dialect: webhook endpoints (their signing secret in clear: signing needs it), every
 * delivery attempt for the delivery log, calendar feeds (only the sha256 of their secret), and the reminders
 * already scheduled, one per booking and start, so a reminder is sent once across restarts and instances.
 */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const notificationsMigration: Migration = {
  version: 11,
  name: 'webhook endpoints, delivery attempts, calendar feeds, reminders',
  sql: `
CREATE TABLE webhook_endpoints (
  id text PRIMARY KEY,
  url text NOT NULL,
  events jsonb NOT NULL,
  secret text NOT NULL,
  allow_private boolean NOT NULL DEFAULT false,
  created_date text NOT NULL,
  rowid bigint GENERATED ALWAYS AS IDENTITY
);

CREATE TABLE outbox_attempts (
  delivery_id text NOT NULL REFERENCES outbox_deliveries (id) ON DELETE CASCADE,
  attempt integer NOT NULL,
  started_at bigint NOT NULL,
  finished_at bigint NOT NULL,
  ok boolean NOT NULL,
  answer text,
  error text,
  PRIMARY KEY (delivery_id, attempt)
);

CREATE TABLE calendar_feeds (
  id text PRIMARY KEY,
  staff_member_id text,
  secret_hash text NOT NULL UNIQUE,
  created_date text NOT NULL,
  revoked_date text,
  rowid bigint GENERATED ALWAYS AS IDENTITY
);

CREATE TABLE booking_reminders (
  booking_id text NOT NULL,
  start_date text NOT NULL,
  created_date text NOT NULL,
  PRIMARY KEY (booking_id, start_date)
);
-- What the reminder scan asks: confirmed bookings starting soon.
CREATE INDEX bookings_confirmed_start ON bookings (start_utc) WHERE status = 'CONFIRMED';
`,
};
