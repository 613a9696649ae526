/**
 * Migration 10: the outbox (storage/outbox-types.ts). `outbox_events` holds every booking and order event,
 * appended in the transaction of the change; `outbox_deliveries` one row per event and channel, claimed by the
 * worker with a lease. Times the worker schedules by are epoch milliseconds.
 */
import type { Migration } from './migration.js';

export const outboxMigration: Migration = {
  version: 10,
  name: 'outbox events and deliveries',
  sql: `
CREATE TABLE outbox_events (
  id TEXT PRIMARY KEY,
  event_type TEXT NOT NULL,
  entity_fqdn TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  entity_event_sequence INTEGER NOT NULL,
  payload TEXT NOT NULL,
  event_time TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  dispatched_at INTEGER
);
CREATE UNIQUE INDEX outbox_events_entity ON outbox_events (entity_fqdn, entity_id, entity_event_sequence);
CREATE INDEX outbox_events_undispatched ON outbox_events (created_at) WHERE dispatched_at IS NULL;
CREATE INDEX outbox_events_created ON outbox_events (created_at);

CREATE TABLE outbox_deliveries (
  id TEXT PRIMARY KEY,
  event_id TEXT NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
  channel TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('PENDING', 'DELIVERING', 'DONE', 'FAILED')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  claimed_until INTEGER,
  claimed_by TEXT,
  last_error TEXT,
  last_answer TEXT,
  done_at INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (event_id, channel)
);
CREATE INDEX outbox_deliveries_due ON outbox_deliveries (next_attempt_at) WHERE status IN ('PENDING', 'DELIVERING');
CREATE INDEX outbox_deliveries_channel ON outbox_deliveries (channel, created_at);
CREATE INDEX outbox_deliveries_done ON outbox_deliveries (done_at) WHERE status = 'DONE';
`,
};
