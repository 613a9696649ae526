/** Migration 13 in PostgreSQL's dialect: a contact's bookings and its member, through indexes (storage/customer-sql.ts). */
import type { Migration } from '../../sqlite/migrations/migration.js';

export const customersMigration: Migration = {
  version: 13,
  name: 'customers: bookings and members by contact',
  sql: `
CREATE INDEX bookings_contact ON bookings(contact_id, start_utc, status) WHERE contact_id IS NOT NULL;
CREATE INDEX members_contact ON members(contact_id);
`,
};
