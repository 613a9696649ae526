/**
 * Migration 11: what notifications keep besides the outbox (contract section 13). Webhook endpoints with their
 * signing secret (kept in clear: signing needs it); every delivery attempt, for the delivery log; subscribable
 * calendar feeds (only the sha256 of their secret); and the reminders already scheduled, one per booking and
 * start, so a reminder is sent once across restarts and instances.
 */
import type { Migration } from './migration.js';

export const notificationsMigration: Migration = {
  version: 11,
  name: 'webhook endpoints, delivery attempts, calendar feeds, reminders',
  sql: `
CREATE TABLE webhook_endpoints (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  secret TEXT NOT NULL,
  allow_private INTEGER NOT NULL DEFAULT 0,
  created_date TEXT NOT NULL
);

CREATE TABLE outbox_attempts (
  delivery_id TEXT NOT NULL REFERENCES outbox_deliveries (id) ON DELETE CASCADE,
  attempt INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  answer TEXT,
  error TEXT,
  PRIMARY KEY (delivery_id, attempt)
);

CREATE TABLE calendar_feeds (
  id TEXT PRIMARY KEY,
  staff_member_id TEXT,
  secret_hash TEXT NOT NULL UNIQUE,
  created_date TEXT NOT NULL,
  revoked_date TEXT
);

CREATE TABLE booking_reminders (
  booking_id TEXT NOT NULL,
  start_date TEXT NOT NULL,
  created_date TEXT NOT NULL,
  PRIMARY KEY (booking_id, start_date)
);
-- What the reminder scan asks: confirmed bookings starting soon.
CREATE INDEX bookings_confirmed_start ON bookings (start_utc) WHERE status = 'CONFIRMED';
`,
};
