/** Migration 2: bookings, indexed for what availability asks. */
import type { Migration } from './migration.js';

export const bookingsMigration: Migration = {
  version: 2,
  name: 'bookings',
  sql: `
CREATE TABLE bookings (
  id TEXT PRIMARY KEY,
  service_id TEXT NOT NULL REFERENCES services(id),
  schedule_id TEXT NOT NULL,
  event_id TEXT,
  resource_id TEXT,
  start_utc TEXT NOT NULL,
  end_utc TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('CREATED', 'CONFIRMED', 'CANCELED', 'PENDING', 'DECLINED', 'WAITING_LIST')),
  payment_status TEXT NOT NULL,
  participants INTEGER NOT NULL CHECK (participants >= 1),
  double_booked INTEGER NOT NULL DEFAULT 0,
  skip_availability INTEGER NOT NULL DEFAULT 0,
  visitor_id TEXT,
  member_id TEXT,
  contact_id TEXT,
  booking_json TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_date TEXT NOT NULL,
  updated_date TEXT NOT NULL
);
-- What availability asks: the blocking bookings of a service, an event or a staff member in a time range.
CREATE INDEX bookings_event ON bookings(event_id, status) WHERE event_id IS NOT NULL;
CREATE INDEX bookings_resource_time ON bookings(resource_id, start_utc, end_utc) WHERE resource_id IS NOT NULL;
CREATE INDEX bookings_service_time ON bookings(service_id, start_utc);
CREATE INDEX bookings_visitor ON bookings(visitor_id) WHERE visitor_id IS NOT NULL;
CREATE INDEX bookings_member ON bookings(member_id) WHERE member_id IS NOT NULL;
`,
};
