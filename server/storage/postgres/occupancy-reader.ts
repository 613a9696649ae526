/**
 * The read side of bookings that availability needs, in PostgreSQL: the indexed columns of `bookings` and the
 * counts migration 8 keeps (resource_busy, event_spots), with the same answers as sqlite/occupancy-reader.ts.
 * Lists are one `text[]` parameter each (`= ANY($n)`), so a filter's values never become SQL text. Text keys are
 * ordered `COLLATE "C"` (bytewise, as SQLite compares them), whatever the database's collation.
 */
import type { BookingOccupancy, BookingOccupancyReader, BusyInterval, ParticipantCount } from '../types.js';
import type { Param, PostgresExecutor } from './executor.js';
import { iso, num } from './rows.js';

interface Row {
  id: string;
  service_id: string;
  schedule_id: string;
  event_id: string | null;
  resource_id: string | null;
  start_utc: Date;
  end_utc: Date;
  status: BookingOccupancy['status'];
  participants: number;
}

interface CountRow {
  key: string;
  service_id: string;
  status: ParticipantCount['status'];
  participants: string;
}

/** A WHERE clause built from fixed SQL and numbered parameters. */
class Where {
  readonly terms: string[] = [];
  readonly params: Param[] = [];

  /** `sql` with `?` standing for the parameter `value`. */
  add(sql: string, value: Param): void {
    this.params.push(value);
    this.terms.push(sql.replace('?', `$${this.params.length}`));
  }

  /** Filter on one of the values (none given: no filter; an empty list: nothing matches). */
  anyOf(column: string, values: string[] | undefined): void {
    if (values === undefined) return;
    if (values.length === 0) this.terms.push('false');
    else this.add(`${column} = ANY(?::text[])`, values);
  }

  get sql(): string {
    return this.terms.join(' AND ');
  }
}

/** Statuses whose bookings migration 8 keeps counts of, per staff busy time and per session. */
const BUSY_KEPT = new Set(['PENDING', 'CONFIRMED']);
const SPOTS_KEPT = new Set(['PENDING', 'CONFIRMED', 'WAITING_LIST']);

const toCount = (r: CountRow): ParticipantCount => ({
  key: r.key,
  serviceId: r.service_id,
  status: r.status,
  participants: num(r.participants),
});

export class PostgresOccupancyReader implements BookingOccupancyReader {
  constructor(private readonly x: PostgresExecutor) {}

  async listOccupying(filter: Parameters<BookingOccupancyReader['listOccupying']>[0]): Promise<BookingOccupancy[]> {
    if (filter.statuses.length === 0) return [];
    const w = new Where();
    w.add('status = ANY(?::text[])', filter.statuses);
    w.add('start_utc < ?', filter.toUtc);
    w.add('end_utc > ?', filter.fromUtc);
    if (filter.startsFromUtc !== undefined) w.add('start_utc >= ?', filter.startsFromUtc);
    w.anyOf('service_id', filter.serviceIds);
    w.anyOf('resource_id', filter.resourceIds);
    w.anyOf('event_id', filter.eventIds);
    w.anyOf('schedule_id', filter.scheduleIds);
    const rows = await this.x.query<Row>(
      `SELECT id, service_id, schedule_id, event_id, resource_id, start_utc, end_utc, status, participants
       FROM bookings WHERE ${w.sql} ORDER BY start_utc, rowid`,
      w.params,
    );
    return rows.map((r) => ({
      id: r.id,
      serviceId: r.service_id,
      scheduleId: r.schedule_id,
      eventId: r.event_id,
      resourceId: r.resource_id,
      startUtc: iso(r.start_utc),
      endUtc: iso(r.end_utc),
      status: r.status,
      participants: r.participants,
    }));
  }

  // Served by bookings_resource_busy (migration 7), in its key's order as SQLite answers from the same index.
  async listBusy(filter: Parameters<BookingOccupancyReader['listBusy']>[0]): Promise<BusyInterval[]> {
    if (filter.statuses.length === 0 || filter.resourceIds.length === 0) return [];
    const rows = await this.x.query<{
      resource_id: string;
      service_id: string;
      status: BusyInterval['status'];
      start_utc: Date;
      end_utc: Date;
    }>(
      `SELECT resource_id, service_id, status, start_utc, end_utc FROM bookings
       WHERE resource_id = ANY($1::text[]) AND start_utc >= $2 AND start_utc < $3 AND end_utc > $4 AND status = ANY($5::text[])
         AND id IS DISTINCT FROM $6
       ORDER BY resource_id COLLATE "C", start_utc, end_utc, status COLLATE "C", service_id COLLATE "C", id COLLATE "C"`,
      [filter.resourceIds, filter.startsFromUtc, filter.toUtc, filter.fromUtc, filter.statuses, filter.excludeBookingId ?? null],
    );
    return rows.map((r) => ({
      resourceId: r.resource_id,
      serviceId: r.service_id,
      status: r.status,
      startUtc: iso(r.start_utc),
      endUtc: iso(r.end_utc),
    }));
  }

  // One query for all the staff members asked about, over resource_busy's key; per start only the latest end (the
  // intervals a start's shorter ones lie inside block nothing more).
  async busyTimes(filter: Parameters<BookingOccupancyReader['busyTimes']>[0]): Promise<Map<string, { startMs: number; endMs: number }[]>> {
    const unkept = filter.statuses.filter((s) => !BUSY_KEPT.has(s));
    if (unkept.length > 0) throw new Error(`busyTimes keeps no ${unkept.join(', ')} bookings`);
    const ids = [...new Set(filter.resourceIds)];
    const out = new Map<string, { startMs: number; endMs: number }[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = await this.x.query<{ resource_id: string; start_ms: string; end_ms: string }>(
      `SELECT resource_id, start_ms, MAX(end_ms) AS end_ms FROM resource_busy
       WHERE resource_id = ANY($1::text[]) AND start_ms >= $2 AND start_ms < $3 AND end_ms > $4 AND status = ANY($5::text[])
         AND (status <> 'PENDING' OR service_id <> ALL($6::text[]))
       GROUP BY resource_id, start_ms ORDER BY resource_id, start_ms`,
      [ids, filter.startsFromMs, filter.toMs, filter.fromMs, filter.statuses, filter.pendingFreeServiceIds],
    );
    for (const r of rows) out.get(r.resource_id)?.push({ startMs: num(r.start_ms), endMs: num(r.end_ms) });
    return out;
  }

  async countParticipants(filter: Parameters<BookingOccupancyReader['countParticipants']>[0]): Promise<ParticipantCount[]> {
    // The counts know no schedules: a query that filters schedules reads `bookings`. One that leaves a booking out
    // (a confirm counting the room beside its own booking) takes that booking's share off the counts.
    const kept = filter.scheduleIds === undefined && filter.statuses.every((s) => SPOTS_KEPT.has(s));
    if (filter.by === 'event' && kept) return this.sessionSpots(filter);
    if (filter.statuses.length === 0) return [];
    // A fixed column per grouping (never caller text).
    const key = filter.by === 'event' ? 'event_id' : 'schedule_id';
    const w = new Where();
    w.terms.push(`${key} IS NOT NULL`);
    w.add('status = ANY(?::text[])', filter.statuses);
    w.add('start_utc < ?', filter.toUtc);
    w.add('end_utc > ?', filter.fromUtc);
    w.anyOf('event_id', filter.eventIds);
    w.anyOf('schedule_id', filter.scheduleIds);
    w.anyOf('service_id', filter.serviceIds);
    if (filter.excludeBookingId !== undefined) w.add('id <> ?', filter.excludeBookingId);
    const rows = await this.x.query<CountRow>(
      `SELECT ${key} AS key, service_id, status, SUM(participants) AS participants FROM bookings
       WHERE ${w.sql} GROUP BY ${key}, service_id, status
       ORDER BY ${key} COLLATE "C", service_id COLLATE "C", status COLLATE "C"`,
      w.params,
    );
    return rows.map(toCount);
  }

  /** `countParticipants` by event from event_spots: a few rows per session, however many bookings it has. */
  private async sessionSpots(filter: Parameters<BookingOccupancyReader['countParticipants']>[0]): Promise<ParticipantCount[]> {
    if (filter.statuses.length === 0) return [];
    const w = new Where();
    w.add('status = ANY(?::text[])', filter.statuses);
    w.add('start_utc < ?', filter.toUtc);
    w.add('end_utc > ?', filter.fromUtc);
    w.anyOf('event_id', filter.eventIds);
    w.anyOf('service_id', filter.serviceIds);
    const counts = (
      await this.x.query<CountRow>(
        `SELECT event_id AS key, service_id, status, SUM(participants) AS participants FROM event_spots
         WHERE ${w.sql} GROUP BY event_id, status, service_id
         ORDER BY event_id COLLATE "C", status COLLATE "C", service_id COLLATE "C"`,
        w.params,
      )
    ).map(toCount);
    return filter.excludeBookingId === undefined ? counts : this.withoutBooking(counts, filter.excludeBookingId, filter);
  }

  /**
   * `counts` less the share of booking `id`, where the counts hold it: the group of its session, service and
   * status (a group is only in `counts` when the booking's session, service, status and times passed the filter).
   */
  private async withoutBooking(
    counts: ParticipantCount[],
    id: string,
    window: { fromUtc: string; toUtc: string },
  ): Promise<ParticipantCount[]> {
    const own = await this.x.one<{
      event_id: string | null;
      service_id: string;
      status: ParticipantCount['status'];
      participants: number;
      inside: boolean;
    }>(`SELECT event_id, service_id, status, participants, (start_utc < $2 AND end_utc > $3) AS inside FROM bookings WHERE id = $1`, [
      id,
      window.toUtc,
      window.fromUtc,
    ]);
    if (!own?.event_id || !SPOTS_KEPT.has(own.status) || !own.inside) return counts;
    return counts
      .map((c) =>
        c.key === own.event_id && c.serviceId === own.service_id && c.status === own.status
          ? { ...c, participants: c.participants - own.participants }
          : c,
      )
      .filter((c) => c.participants > 0);
  }
}
