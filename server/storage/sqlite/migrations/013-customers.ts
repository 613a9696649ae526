/**
 * Migration 13: what the customers list asks (storage/customer-sql.ts): a contact's bookings, and a contact's
 * member, each found through an index instead of a scan of every booking.
 */
import type { Migration } from './migration.js';

export const customersMigration: Migration = {
  version: 13,
  name: 'customers: bookings and members by contact',
  sql: `
CREATE INDEX bookings_contact ON bookings(contact_id, start_utc, status) WHERE contact_id IS NOT NULL;
CREATE INDEX members_contact ON members(contact_id);
`,
};
