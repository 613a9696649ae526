/** Migration 3: tokens, booking history, idempotency keys, owner notifications and anonymous booking tokens. */
import type { Migration } from './migration.js';

export const historyMigration: Migration = {
  version: 3,
  name: 'tokens, booking history, idempotency keys, owner notifications, anonymous booking tokens',
  sql: `
-- Visitor and member tokens, stored only as sha256 hashes. One session = one access + one refresh token line.
CREATE TABLE auth_tokens (
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('visitor', 'member')),
  subject_id TEXT NOT NULL,
  session_id TEXT NOT NULL,
  client_id TEXT,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  created_date TEXT NOT NULL
);
CREATE INDEX auth_tokens_session ON auth_tokens(session_id);
CREATE INDEX auth_tokens_expiry ON auth_tokens(expires_at);

-- Every change of a booking, with the whole booking as it became: nothing is silently overwritten.
CREATE TABLE booking_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  booking_id TEXT NOT NULL REFERENCES bookings(id),
  revision INTEGER NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  changed_date TEXT NOT NULL,
  booking_json TEXT NOT NULL,
  UNIQUE (booking_id, revision)
);

CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER NOT NULL,
  response_json TEXT NOT NULL,
  created_date TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys(expires_at);

CREATE TABLE owner_notifications (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  booking_id TEXT REFERENCES bookings(id),
  message TEXT NOT NULL,
  data_json TEXT NOT NULL,
  created_date TEXT NOT NULL
);
CREATE INDEX owner_notifications_created ON owner_notifications(created_date);

-- Anonymous access tokens of bookings (GET /v1/anonymous-bookings/{bookingId}/token), stored hashed.
CREATE TABLE booking_access_tokens (
  token_hash TEXT PRIMARY KEY,
  booking_id TEXT NOT NULL REFERENCES bookings(id),
  created_date TEXT NOT NULL
);

-- Waitlists and sessions: the bookings of one class session in arrival order.
CREATE INDEX bookings_event_created ON bookings(event_id, created_date) WHERE event_id IS NOT NULL;
CREATE INDEX bookings_schedule ON bookings(schedule_id, status);
`,
};
