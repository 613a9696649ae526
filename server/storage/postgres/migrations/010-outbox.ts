/**
 * Migration 10 in PostgreSQL's dialect: the outbox (storage/outbox-types.ts). `outbox_events` holds every
 * booking and order event, appended in the transaction of the change; `outbox_deliveries` one row per event and
 * channel, claimed with `FOR UPDATE SKIP LOCKED` so each goes to one instance. Times the worker schedules by are
 * epoch milliseconds (`bigint`).
 */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const outboxMigration: Migration = {
  version: 10,
  name: 'outbox events and deliveries',
  sql: `
CREATE TABLE outbox_events (
  id text PRIMARY KEY,
  event_type text NOT NULL,
  entity_fqdn text NOT NULL,
  entity_id text NOT NULL,
  entity_event_sequence integer NOT NULL,
  payload jsonb NOT NULL,
  event_time text NOT NULL,
  created_at bigint NOT NULL,
  dispatched_at bigint,
  rowid bigint GENERATED ALWAYS AS IDENTITY
);
CREATE UNIQUE INDEX outbox_events_entity ON outbox_events (entity_fqdn, entity_id, entity_event_sequence);
CREATE INDEX outbox_events_undispatched ON outbox_events (rowid) WHERE dispatched_at IS NULL;
CREATE INDEX outbox_events_created ON outbox_events (created_at);

CREATE TABLE outbox_deliveries (
  id text PRIMARY KEY,
  event_id text NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
  channel text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERING', 'DONE', 'FAILED')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint NOT NULL,
  claimed_until bigint,
  claimed_by text,
  last_error text,
  last_answer text,
  done_at bigint,
  created_at bigint NOT NULL,
  UNIQUE (event_id, channel)
);
CREATE INDEX outbox_deliveries_due ON outbox_deliveries (next_attempt_at) WHERE status IN ('PENDING', 'DELIVERING');
CREATE INDEX outbox_deliveries_channel ON outbox_deliveries (channel, created_at);
CREATE INDEX outbox_deliveries_done ON outbox_deliveries (done_at) WHERE status = 'DONE';
`,
};
