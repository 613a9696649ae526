/**
 * Calendar feeds in SQLite (migration 11's `calendar_feeds`), and the bookings a feed shows. Every read goes to the
 * table, never to a cache, so a revoked feed answers 404 at once.
 */
import type { Booking } from '../../../src/model/booking.js';
import type { CalendarFeed, FeedBooking, FeedBookingQuery, FeedStore } from '../feed-types.js';
import { fromJson, type SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface FeedRow {
  id: string;
  staff_member_id: string | null;
  created_date: string;
}

const toFeed = (r: FeedRow): CalendarFeed => ({
  id: r.id,
  ...(r.staff_member_id ? { staffMemberId: r.staff_member_id } : {}),
  createdDate: r.created_date,
});

export class SqliteFeedStore implements FeedStore {
  constructor(private readonly x: SqliteExecutor) {}

  insert(feed: CalendarFeed, secretHash: string): Promise<void> {
    return this.x.exec((db) => {
      prepared(db, 'INSERT INTO calendar_feeds (id, staff_member_id, secret_hash, created_date) VALUES (?, ?, ?, ?)').run(
        feed.id,
        feed.staffMemberId ?? null,
        secretHash,
        feed.createdDate,
      );
    });
  }

  list(): Promise<CalendarFeed[]> {
    return this.x.exec((db) =>
      (
        prepared(
          db,
          'SELECT id, staff_member_id, created_date FROM calendar_feeds WHERE revoked_date IS NULL ORDER BY created_date, rowid',
        ).all() as FeedRow[]
      ).map(toFeed),
    );
  }

  findBySecretHash(secretHash: string): Promise<CalendarFeed | null> {
    return this.x.exec((db) => {
      const r = prepared(
        db,
        'SELECT id, staff_member_id, created_date FROM calendar_feeds WHERE secret_hash = ? AND revoked_date IS NULL',
      ).get(secretHash) as FeedRow | undefined;
      return r ? toFeed(r) : null;
    });
  }

  revoke(id: string, at: string): Promise<boolean> {
    return this.x.exec(
      (db) => prepared(db, 'UPDATE calendar_feeds SET revoked_date = ? WHERE id = ? AND revoked_date IS NULL').run(at, id).changes > 0,
    );
  }

  listBookings(q: FeedBookingQuery): Promise<FeedBooking[]> {
    return this.x.exec((db) => {
      // Lists are one JSON array parameter each (json_each), so the statement text stays the same for any length.
      const staff = q.staff ? 'AND (b.resource_id = ? OR b.event_id IN (SELECT value FROM json_each(?)))' : '';
      const params: (string | number)[] = [q.rescheduleAction, JSON.stringify(q.statuses), q.toUtc, q.fromUtc];
      if (q.staff) params.push(q.staff.resourceId, JSON.stringify(q.staff.eventIds));
      params.push(q.limit);
      const rows = prepared(
        db,
        `SELECT b.booking_json,
           (SELECT COUNT(*) FROM booking_history h WHERE h.booking_id = b.id AND h.action = ?) AS reschedules
         FROM bookings b
         WHERE b.status IN (SELECT value FROM json_each(?)) AND b.start_utc < ? AND b.end_utc > ? ${staff}
         ORDER BY b.start_utc, b.id LIMIT ?`,
      ).all(...params) as { booking_json: string; reschedules: number }[];
      return rows.map((r) => ({ booking: fromJson<Booking>(r.booking_json, {} as Booking), reschedules: r.reschedules }));
    });
  }
}
