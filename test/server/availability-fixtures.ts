/** Small factories for availability tests: a fixed clock, demo lookups and bookings written straight to SQL. */
import { Temporal } from 'temporal-polyfill';
import type { BookingStatus } from '../../src/model/booking.js';
import type { Service } from '../../src/model/service.js';
import type { StaffMember } from '../../src/model/business.js';
import type { SqliteStorage } from '../../server/storage/sqlite/index.js';
import type { PostgresStorage } from '../../server/storage/postgres/index.js';
import type { Storage } from '../../server/storage/types.js';
import { rawSql } from './helpers.js';

/** Monday 1 June 2026, 08:00 in New York: the demo's week starts that day. */
export const MONDAY_NOW = Temporal.Instant.from('2026-06-01T12:00:00Z');

export async function demoService(storage: Storage, name: string): Promise<Service> {
  const found = (await storage.catalogue.listServices()).find((s) => s.name === name);
  if (!found) throw new Error(`no demo service ${name}`);
  return found;
}

export async function demoStaff(storage: Storage, name: string): Promise<StaffMember> {
  const found = (await storage.staff.list()).find((s) => s.name.startsWith(name));
  if (!found) throw new Error(`no demo staff ${name}`);
  return found;
}

export interface BookingRow {
  serviceId: string;
  scheduleId: string;
  startUtc: string;
  endUtc: string;
  status?: BookingStatus;
  participants?: number;
  eventId?: string | null;
  resourceId?: string | null;
}

/** Insert a booking row (every NOT NULL column of migration 2), as the bookings API would store it. */
export async function insertBooking(storage: SqliteStorage | PostgresStorage, row: BookingRow): Promise<string> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await rawSql(
    storage,
    `INSERT INTO bookings (id, service_id, schedule_id, event_id, resource_id, start_utc, end_utc, status, payment_status,
       participants, booking_json, revision, created_date, updated_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'NOT_PAID', ?, '{}', 1, ?, ?)`,
    [
      id,
      row.serviceId,
      row.scheduleId,
      row.eventId ?? null,
      row.resourceId ?? null,
      row.startUtc,
      row.endUtc,
      row.status ?? 'CONFIRMED',
      row.participants ?? 1,
      now,
      now,
    ],
  );
  return id;
}
