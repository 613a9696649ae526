/**
 * Migration 7: covering indexes for what availability reads on every slot query, so a query reads only the
 * index entries of the staff members or sessions it asks about (never the booking documents). Each replaces the
 * narrower index of migration 2 it starts with.
 */
import type { Migration } from './migration.js';

export const occupancyMigration: Migration = {
  version: 7,
  name: 'covering indexes for staff busy times and session spots',
  sql: `
CREATE INDEX bookings_resource_busy ON bookings(resource_id, start_utc, end_utc, status, service_id, id) WHERE resource_id IS NOT NULL;
DROP INDEX bookings_resource_time;
CREATE INDEX bookings_event_spots ON bookings(event_id, status, start_utc, end_utc, service_id, participants) WHERE event_id IS NOT NULL;
DROP INDEX bookings_event;
`,
};
