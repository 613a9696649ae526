/** The read side of bookings that availability needs, served from the indexed columns of `bookings`. */
import type { BookingOccupancy, BookingOccupancyReader } from '../types.js';
import type { SqliteExecutor } from './database.js';
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
      const add = (column: string, values: string[] | undefined) => {
        if (values === undefined) return;
        if (values.length === 0) where.push('0');
        else {
          where.push(`${column} ${IN_LIST}`);
          params.push(JSON.stringify(values));
        }
      };
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
}
