/**
 * Migration 7 in PostgreSQL's dialect: covering indexes for what availability reads on every slot query, so a
 * query reads only the index entries of the staff members or sessions it asks about (never the booking
 * documents). Each replaces the narrower index of migration 2 it starts with. The same key columns as on SQLite
 * (partial, as there), so an index-only scan answers the same queries.
 */
import type { Migration } from '../../sqlite/migrations/migration.js';

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
