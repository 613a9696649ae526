/** The read side of bookings that availability needs, served from the indexed columns of `bookings`. */
import type { BookingOccupancy, BookingOccupancyReader, BusyInterval, ParticipantCount } from '../types.js';
import type { Db, SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface Row {
  id: string;
  service_id: string;
  schedule_id: string;
  event_id: string | null;
  resource_id: string | null;
  start_utc: string;
  end_utc: string;
  status: BookingOccupancy['status'];
  participants: number;
}

// A list is one JSON parameter, so each combination of filters is one SQL text the statement cache keeps.
const IN_LIST = 'IN (SELECT value FROM json_each(?))';

/** `add(column, values)`: filter on one of the values (none given: no filter; an empty list: nothing matches). */
function inList(where: string[], params: unknown[]) {
  return (column: string, values: string[] | undefined): void => {
    if (values === undefined) return;
    if (values.length === 0) where.push('0');
    else {
      where.push(`${column} ${IN_LIST}`);
      params.push(JSON.stringify(values));
    }
  };
}

/** Statuses whose bookings migration 8 keeps counts of, per staff busy time and per session. */
const BUSY_KEPT = new Set(['PENDING', 'CONFIRMED']);
const SPOTS_KEPT = new Set(['PENDING', 'CONFIRMED', 'WAITING_LIST']);

export class SqliteOccupancyReader implements BookingOccupancyReader {
  constructor(private readonly x: SqliteExecutor) {}

  listOccupying(filter: Parameters<BookingOccupancyReader['listOccupying']>[0]): Promise<BookingOccupancy[]> {
    return this.x.exec((db) => {
      if (filter.statuses.length === 0) return [];
      const where = [`status ${IN_LIST}`, 'start_utc < ?', 'end_utc > ?'];
      const params: unknown[] = [JSON.stringify(filter.statuses), filter.toUtc, filter.fromUtc];
      if (filter.startsFromUtc !== undefined) {
        where.push('start_utc >= ?');
        params.push(filter.startsFromUtc);
      }
      const add = inList(where, params);
      add('service_id', filter.serviceIds);
      add('resource_id', filter.resourceIds);
      add('event_id', filter.eventIds);
      add('schedule_id', filter.scheduleIds);
      const rows = prepared(
        db,
        `SELECT id, service_id, schedule_id, event_id, resource_id, start_utc, end_utc, status, participants
         FROM bookings WHERE ${where.join(' AND ')} ORDER BY start_utc`,
      ).all(...params) as Row[];
      return rows.map((r) => ({
        id: r.id,
        serviceId: r.service_id,
        scheduleId: r.schedule_id,
        eventId: r.event_id,
        resourceId: r.resource_id,
        startUtc: r.start_utc,
        endUtc: r.end_utc,
        status: r.status,
        participants: r.participants,
      }));
    });
  }

  // Served by bookings_resource_busy (migration 7) without reading the table.
  listBusy(filter: Parameters<BookingOccupancyReader['listBusy']>[0]): Promise<BusyInterval[]> {
    return this.x.exec((db) => {
      if (filter.statuses.length === 0 || filter.resourceIds.length === 0) return [];
      const rows = prepared(
        db,
        `SELECT resource_id, service_id, status, start_utc, end_utc FROM bookings
         WHERE resource_id ${IN_LIST} AND start_utc >= ? AND start_utc < ? AND end_utc > ? AND status ${IN_LIST} AND id IS NOT ?`,
      ).all(
        JSON.stringify(filter.resourceIds),
        filter.startsFromUtc,
        filter.toUtc,
        filter.fromUtc,
        JSON.stringify(filter.statuses),
        filter.excludeBookingId ?? null,
      ) as { resource_id: string; service_id: string; status: BusyInterval['status']; start_utc: string; end_utc: string }[];
      return rows.map((r) => ({
        resourceId: r.resource_id,
        serviceId: r.service_id,
        status: r.status,
        startUtc: r.start_utc,
        endUtc: r.end_utc,
      }));
    });
  }

  // One query per staff member over resource_busy's key (migration 8), in key order (no sort). Per start only the
  // latest end: the intervals a start's shorter ones lie inside block nothing more. The pairs come back as one
  // "start,end,start,end" text: handing SQLite's rows to JavaScript one by one cost more than the query itself.
  busyTimes(filter: Parameters<BookingOccupancyReader['busyTimes']>[0]): Promise<Map<string, { startMs: number; endMs: number }[]>> {
    const unkept = filter.statuses.filter((s) => !BUSY_KEPT.has(s));
    if (unkept.length > 0) return Promise.reject(new Error(`busyTimes keeps no ${unkept.join(', ')} bookings`));
    return this.x.exec((db) => {
      const statement = prepared(
        db,
        `SELECT group_concat(start_ms || ',' || end_ms) FROM (
           SELECT start_ms, MAX(end_ms) AS end_ms FROM resource_busy
           WHERE resource_id = ? AND start_ms >= ? AND start_ms < ? AND end_ms > ? AND status ${IN_LIST}
             AND (status <> 'PENDING' OR service_id NOT ${IN_LIST}) GROUP BY start_ms ORDER BY start_ms)`,
      ).pluck();
      const statuses = JSON.stringify(filter.statuses);
      const free = JSON.stringify(filter.pendingFreeServiceIds);
      const out = new Map<string, { startMs: number; endMs: number }[]>();
      for (const id of new Set(filter.resourceIds)) {
        const text = statement.get(id, filter.startsFromMs, filter.toMs, filter.fromMs, statuses, free) as string | null;
        const numbers = text ? text.split(',') : [];
        const times: { startMs: number; endMs: number }[] = [];
        for (let i = 0; i + 1 < numbers.length; i += 2) times.push({ startMs: Number(numbers[i]), endMs: Number(numbers[i + 1]) });
        // group_concat keeps the subquery's order in practice, not by promise (its ORDER BY form sorts again).
        if (times.some((t, i) => i > 0 && (times[i - 1] as { startMs: number }).startMs > t.startMs))
          times.sort((a, b) => a.startMs - b.startMs);
        out.set(id, times);
      }
      return out;
    });
  }

  countParticipants(filter: Parameters<BookingOccupancyReader['countParticipants']>[0]): Promise<ParticipantCount[]> {
    // The counts know no schedules: a query that filters schedules reads `bookings`. One that leaves a booking out
    // (a confirm counting the room beside its own booking) takes that booking's share off the counts.
    const kept = filter.scheduleIds === undefined && filter.statuses.every((s) => SPOTS_KEPT.has(s));
    if (filter.by === 'event' && kept) {
      return this.sessionSpots(filter);
    }
    return this.x.exec((db) => {
      if (filter.statuses.length === 0) return [];
      // A fixed column per grouping (never caller text); events are served by bookings_event_spots (migration 7).
      const key = filter.by === 'event' ? 'event_id' : 'schedule_id';
      const where = [`${key} IS NOT NULL`, `status ${IN_LIST}`, 'start_utc < ?', 'end_utc > ?'];
      const params: unknown[] = [JSON.stringify(filter.statuses), filter.toUtc, filter.fromUtc];
      const add = inList(where, params);
      add('event_id', filter.eventIds);
      add('schedule_id', filter.scheduleIds);
      // `+` keeps the planner on the event or schedule index: a service's own index would walk all its bookings.
      add('+service_id', filter.serviceIds);
      if (filter.excludeBookingId !== undefined) {
        where.push('id <> ?');
        params.push(filter.excludeBookingId);
      }
      const rows = prepared(
        db,
        `SELECT ${key} AS key, service_id, status, SUM(participants) AS participants FROM bookings
         WHERE ${where.join(' AND ')} GROUP BY ${key}, service_id, status`,
      ).all(...params) as { key: string; service_id: string; status: ParticipantCount['status']; participants: number }[];
      return rows.map((r) => ({ key: r.key, serviceId: r.service_id, status: r.status, participants: r.participants }));
    });
  }

  /** `countParticipants` by event from event_spots: a few rows per session, however many bookings it has. */
  private sessionSpots(filter: Parameters<BookingOccupancyReader['countParticipants']>[0]): Promise<ParticipantCount[]> {
    return this.x.exec((db) => {
      if (filter.statuses.length === 0) return [];
      const where = [`status ${IN_LIST}`, 'start_utc < ?', 'end_utc > ?'];
      const params: unknown[] = [JSON.stringify(filter.statuses), filter.toUtc, filter.fromUtc];
      const add = inList(where, params);
      add('event_id', filter.eventIds);
      add('service_id', filter.serviceIds);
      const rows = prepared(
        db,
        `SELECT event_id AS key, service_id, status, SUM(participants) AS participants FROM event_spots
         WHERE ${where.join(' AND ')} GROUP BY event_id, status, service_id`, // in the key's order: no sort
      ).all(...params) as { key: string; service_id: string; status: ParticipantCount['status']; participants: number }[];
      const counts = rows.map((r) => ({ key: r.key, serviceId: r.service_id, status: r.status, participants: r.participants }));
      return filter.excludeBookingId === undefined ? counts : withoutBooking(db, counts, filter.excludeBookingId, filter);
    });
  }
}

/**
 * `counts` less the share of booking `id`, where the counts hold it: the group of its session, service and status
 * (a group is only in `counts` when the booking's session, service, status and times passed the query's filter).
 */
function withoutBooking(db: Db, counts: ParticipantCount[], id: string, window: { fromUtc: string; toUtc: string }): ParticipantCount[] {
  const own = prepared(db, 'SELECT event_id, service_id, status, participants, start_utc, end_utc FROM bookings WHERE id = ?').get(id) as
    | {
        event_id: string | null;
        service_id: string;
        status: ParticipantCount['status'];
        participants: number;
        start_utc: string;
        end_utc: string;
      }
    | undefined;
  if (!own?.event_id || !SPOTS_KEPT.has(own.status)) return counts;
  if (!(own.start_utc < window.toUtc && own.end_utc > window.fromUtc)) return counts;
  return counts
    .map((c) =>
      c.key === own.event_id && c.serviceId === own.service_id && c.status === own.status
        ? { ...c, participants: c.participants - own.participants }
        : c,
    )
    .filter((c) => c.participants > 0);
}
