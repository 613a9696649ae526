/**
 * Migration 8 in PostgreSQL's dialect: occupancy kept as counts, so a slot query reads one row per distinct busy
 * time or per session instead of one per booking.
 *
 * - `resource_busy`: PENDING and CONFIRMED bookings per staff member, start, end, status and service; start and
 *   end as epoch milliseconds (`bigint`), computed from the bookings' `timestamptz` (no text to parse here).
 * - `event_spots`: participants of PENDING, CONFIRMED and WAITING_LIST bookings per session, status, service and
 *   times (`timestamptz`, in the key so a read can filter on them exactly as it does on `bookings`).
 *
 * PL/pgSQL triggers on `bookings` keep them in the same transaction as every write, with the same effect as
 * SQLite's: an insert adds the row's key, a delete takes it away, an update that changes a key column takes the
 * old key away and adds the new one; a count that reaches zero is deleted. Concurrent writers serialize on the
 * count row (INSERT … ON CONFLICT DO UPDATE and UPDATE lock it), so counts stay exact across instances.
 */
import type { Migration } from '../../sqlite/migrations/migration.js';

/** Epoch milliseconds of a timestamptz, rounded as SQLite's migration rounds its parsed text. */
const ms = (t: string) => `round(extract(epoch FROM ${t}) * 1000)::bigint`;

/** The resource_busy key of a booking row (`r` is OLD or NEW). */
const busyKey = (r: string) =>
  `resource_id = ${r}.resource_id AND start_ms = ${ms(`${r}.start_utc`)} AND end_ms = ${ms(`${r}.end_utc`)} AND status = ${r}.status AND service_id = ${r}.service_id`;
const spotsKey = (r: string) =>
  `event_id = ${r}.event_id AND status = ${r}.status AND service_id = ${r}.service_id AND start_utc = ${r}.start_utc AND end_utc = ${r}.end_utc`;

const BUSY_STATUSES = `('PENDING', 'CONFIRMED')`;
const SPOT_STATUSES = `('PENDING', 'CONFIRMED', 'WAITING_LIST')`;

// A row that qualifies is added; a row's old key is taken away only when it qualified (only then is it counted).
const addBusy = `IF NEW.resource_id IS NOT NULL AND NEW.status IN ${BUSY_STATUSES} THEN
    INSERT INTO resource_busy AS c (resource_id, start_ms, end_ms, status, service_id, bookings)
      VALUES (NEW.resource_id, ${ms('NEW.start_utc')}, ${ms('NEW.end_utc')}, NEW.status, NEW.service_id, 1)
      ON CONFLICT (resource_id, start_ms, end_ms, status, service_id) DO UPDATE SET bookings = c.bookings + 1;
  END IF;`;
const removeBusy = `IF OLD.resource_id IS NOT NULL AND OLD.status IN ${BUSY_STATUSES} THEN
    UPDATE resource_busy SET bookings = bookings - 1 WHERE ${busyKey('OLD')};
    DELETE FROM resource_busy WHERE ${busyKey('OLD')} AND bookings <= 0;
  END IF;`;
const addSpots = `IF NEW.event_id IS NOT NULL AND NEW.status IN ${SPOT_STATUSES} THEN
    INSERT INTO event_spots AS c (event_id, status, service_id, start_utc, end_utc, participants)
      VALUES (NEW.event_id, NEW.status, NEW.service_id, NEW.start_utc, NEW.end_utc, NEW.participants)
      ON CONFLICT (event_id, status, service_id, start_utc, end_utc) DO UPDATE SET participants = c.participants + excluded.participants;
  END IF;`;
const removeSpots = `IF OLD.event_id IS NOT NULL AND OLD.status IN ${SPOT_STATUSES} THEN
    UPDATE event_spots SET participants = participants - OLD.participants WHERE ${spotsKey('OLD')};
    DELETE FROM event_spots WHERE ${spotsKey('OLD')} AND participants <= 0;
  END IF;`;

/** A trigger function running `steps` in order; an AFTER trigger's result is ignored. */
const triggerFunction = (name: string, steps: string[]) => `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${steps.join('\n  ')}
  RETURN NULL;
END;
$$;`;

const changed = (columns: string[]) => columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');

export const occupancyCountsMigration: Migration = {
  version: 8,
  name: 'occupancy counts per staff busy time and per session, kept by triggers',
  sql: `
CREATE TABLE resource_busy (
  resource_id text NOT NULL,
  start_ms bigint NOT NULL,
  end_ms bigint NOT NULL,
  status text NOT NULL,
  service_id text NOT NULL,
  bookings integer NOT NULL,
  PRIMARY KEY (resource_id, start_ms, end_ms, status, service_id)
);
CREATE TABLE event_spots (
  event_id text NOT NULL,
  status text NOT NULL,
  service_id text NOT NULL,
  start_utc timestamptz NOT NULL,
  end_utc timestamptz NOT NULL,
  participants integer NOT NULL,
  PRIMARY KEY (event_id, status, service_id, start_utc, end_utc)
);
INSERT INTO resource_busy (resource_id, start_ms, end_ms, status, service_id, bookings)
  SELECT resource_id, ${ms('start_utc')}, ${ms('end_utc')}, status, service_id, COUNT(*) FROM bookings
  WHERE resource_id IS NOT NULL AND status IN ${BUSY_STATUSES} GROUP BY 1, 2, 3, 4, 5;
INSERT INTO event_spots (event_id, status, service_id, start_utc, end_utc, participants)
  SELECT event_id, status, service_id, start_utc, end_utc, SUM(participants) FROM bookings
  WHERE event_id IS NOT NULL AND status IN ${SPOT_STATUSES} GROUP BY event_id, status, service_id, start_utc, end_utc;

${triggerFunction('bookings_occupancy_insert', [addBusy, addSpots])}
${triggerFunction('bookings_occupancy_delete', [removeBusy, removeSpots])}
${triggerFunction('bookings_busy_update', [removeBusy, addBusy])}
${triggerFunction('bookings_spots_update', [removeSpots, addSpots])}

CREATE TRIGGER bookings_occupancy_insert AFTER INSERT ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_occupancy_insert();
CREATE TRIGGER bookings_occupancy_delete AFTER DELETE ON bookings
  FOR EACH ROW EXECUTE FUNCTION bookings_occupancy_delete();
CREATE TRIGGER bookings_busy_update AFTER UPDATE ON bookings FOR EACH ROW
  WHEN (${changed(['resource_id', 'start_utc', 'end_utc', 'status', 'service_id'])})
  EXECUTE FUNCTION bookings_busy_update();
CREATE TRIGGER bookings_spots_update AFTER UPDATE ON bookings FOR EACH ROW
  WHEN (${changed(['event_id', 'start_utc', 'end_utc', 'status', 'service_id', 'participants'])})
  EXECUTE FUNCTION bookings_spots_update();
`,
};
