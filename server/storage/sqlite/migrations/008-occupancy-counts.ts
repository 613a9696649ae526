/**
 * Migration 8: occupancy kept as counts, so a slot query reads one row per distinct busy time or per session
 * instead of one per booking (migration 7's indexes still held every booking, so 50,000 bookings meant 10,000+
 * index entries per query).
 *
 * - `resource_busy`: PENDING and CONFIRMED bookings per staff member, start, end, status and service; start and
 *   end as epoch milliseconds, so a read hands numbers to the slot generator instead of text to parse.
 * - `event_spots`: participants of PENDING, CONFIRMED and WAITING_LIST bookings per session, status, service and
 *   times (the times stay in the key so a read can filter on them exactly as it did on `bookings`).
 *
 * Triggers on `bookings` keep them in the same transaction as every write, whichever code makes it. A rebuild of
 * `bookings` (a future migration's copy-and-rename) drops these triggers with the table: recreate them with it.
 */
import type { Migration } from './migration.js';

/** Epoch milliseconds of an RFC 3339 text (NULL when it is none, which the NOT NULL columns refuse loudly). */
const ms = (text: string) => `CAST(ROUND(unixepoch(${text}, 'subsec') * 1000) AS INTEGER)`;

/** The resource_busy key of a booking row (`r` is OLD or NEW). */
const busyKey = (r: string) =>
  `resource_id = ${r}.resource_id AND start_ms = ${ms(`${r}.start_utc`)} AND end_ms = ${ms(`${r}.end_utc`)} AND status = ${r}.status AND service_id = ${r}.service_id`;
const spotsKey = (r: string) =>
  `event_id = ${r}.event_id AND status = ${r}.status AND service_id = ${r}.service_id AND start_utc = ${r}.start_utc AND end_utc = ${r}.end_utc`;

const BUSY_STATUSES = `('PENDING', 'CONFIRMED')`;
const SPOT_STATUSES = `('PENDING', 'CONFIRMED', 'WAITING_LIST')`;

// A row that qualifies is added; a row's old key is taken away (a no-op when it never qualified: no such row).
const addBusy = `INSERT INTO resource_busy (resource_id, start_ms, end_ms, status, service_id, bookings)
    SELECT NEW.resource_id, ${ms('NEW.start_utc')}, ${ms('NEW.end_utc')}, NEW.status, NEW.service_id, 1
    WHERE NEW.resource_id IS NOT NULL AND NEW.status IN ${BUSY_STATUSES}
    ON CONFLICT DO UPDATE SET bookings = bookings + 1;`;
const removeBusy = `UPDATE resource_busy SET bookings = bookings - 1 WHERE ${busyKey('OLD')};
  DELETE FROM resource_busy WHERE ${busyKey('OLD')} AND bookings <= 0;`;
const addSpots = `INSERT INTO event_spots (event_id, status, service_id, start_utc, end_utc, participants)
    SELECT NEW.event_id, NEW.status, NEW.service_id, NEW.start_utc, NEW.end_utc, NEW.participants
    WHERE NEW.event_id IS NOT NULL AND NEW.status IN ${SPOT_STATUSES}
    ON CONFLICT DO UPDATE SET participants = participants + excluded.participants;`;
const removeSpots = `UPDATE event_spots SET participants = participants - OLD.participants WHERE ${spotsKey('OLD')};
  DELETE FROM event_spots WHERE ${spotsKey('OLD')} AND participants <= 0;`;

const changed = (columns: string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

export const occupancyCountsMigration: Migration = {
  version: 8,
  name: 'occupancy counts per staff busy time and per session, kept by triggers',
  sql: `
CREATE TABLE resource_busy (
  resource_id TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL,
  status TEXT NOT NULL,
  service_id TEXT NOT NULL,
  bookings INTEGER NOT NULL,
  PRIMARY KEY (resource_id, start_ms, end_ms, status, service_id)
) WITHOUT ROWID;
CREATE TABLE event_spots (
  event_id TEXT NOT NULL,
  status TEXT NOT NULL,
  service_id TEXT NOT NULL,
  start_utc TEXT NOT NULL,
  end_utc TEXT NOT NULL,
  participants INTEGER NOT NULL,
  PRIMARY KEY (event_id, status, service_id, start_utc, end_utc)
) WITHOUT ROWID;
INSERT INTO resource_busy (resource_id, start_ms, end_ms, status, service_id, bookings)
  SELECT resource_id, ${ms('start_utc')}, ${ms('end_utc')}, status, service_id, COUNT(*) FROM bookings
  WHERE resource_id IS NOT NULL AND status IN ${BUSY_STATUSES} GROUP BY 1, 2, 3, 4, 5;
INSERT INTO event_spots (event_id, status, service_id, start_utc, end_utc, participants)
  SELECT event_id, status, service_id, start_utc, end_utc, SUM(participants) FROM bookings
  WHERE event_id IS NOT NULL AND status IN ${SPOT_STATUSES} GROUP BY event_id, status, service_id, start_utc, end_utc;
CREATE TRIGGER bookings_occupancy_insert AFTER INSERT ON bookings BEGIN
  ${addBusy}
  ${addSpots}
END;
CREATE TRIGGER bookings_occupancy_delete AFTER DELETE ON bookings BEGIN
  ${removeBusy}
  ${removeSpots}
END;
CREATE TRIGGER bookings_busy_update AFTER UPDATE ON bookings
WHEN ${changed(['resource_id', 'start_utc', 'end_utc', 'status', 'service_id'])} BEGIN
  ${removeBusy}
  ${addBusy}
END;
CREATE TRIGGER bookings_spots_update AFTER UPDATE ON bookings
WHEN ${changed(['event_id', 'start_utc', 'end_utc', 'status', 'service_id', 'participants'])} BEGIN
  ${removeSpots}
  ${addSpots}
END;
`,
};
