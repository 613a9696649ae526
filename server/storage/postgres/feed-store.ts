/**
 * Calendar feeds in PostgreSQL (migration 11's `calendar_feeds`), as in SQLite (sqlite/feed-store.ts). Every read
 * goes to the table, so a feed revoked on one instance answers 404 on every other at once.
 */
import type { Booking } from '../../../src/model/booking.js';
import type { CalendarFeed, FeedBooking, FeedBookingQuery, FeedStore } from '../feed-types.js';
import type { Param, PostgresExecutor } from './executor.js';

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

export class PostgresFeedStore implements FeedStore {
  constructor(private readonly x: PostgresExecutor) {}

  async insert(feed: CalendarFeed, secretHash: string): Promise<void> {
    await this.x.query('INSERT INTO calendar_feeds (id, staff_member_id, secret_hash, created_date) VALUES ($1, $2, $3, $4)', [
      feed.id,
      feed.staffMemberId ?? null,
      secretHash,
      feed.createdDate,
    ]);
  }

  async list(): Promise<CalendarFeed[]> {
    const rows = await this.x.query<FeedRow>(
      'SELECT id, staff_member_id, created_date FROM calendar_feeds WHERE revoked_date IS NULL ORDER BY created_date, rowid',
      [],
    );
    return rows.map(toFeed);
  }

  async findBySecretHash(secretHash: string): Promise<CalendarFeed | null> {
    const rows = await this.x.query<FeedRow>(
      'SELECT id, staff_member_id, created_date FROM calendar_feeds WHERE secret_hash = $1 AND revoked_date IS NULL',
      [secretHash],
    );
    return rows[0] ? toFeed(rows[0]) : null;
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const rows = await this.x.query<{ id: string }>(
      'UPDATE calendar_feeds SET revoked_date = $1 WHERE id = $2 AND revoked_date IS NULL RETURNING id',
      [at, id],
    );
    return rows.length > 0;
  }

  async listBookings(q: FeedBookingQuery): Promise<FeedBooking[]> {
    const params: Param[] = [q.rescheduleAction, q.statuses, q.toUtc, q.fromUtc, q.limit];
    let staff = '';
    if (q.staff) {
      staff = 'AND (b.resource_id = $6 OR b.event_id = ANY($7::text[]))';
      params.push(q.staff.resourceId, q.staff.eventIds);
    }
    const rows = await this.x.query<{ booking_json: Booking; reschedules: string | number }>(
      `SELECT b.booking_json,
         (SELECT COUNT(*) FROM booking_history h WHERE h.booking_id = b.id AND h.action = $1) AS reschedules
       FROM bookings b
       WHERE b.status = ANY($2::text[]) AND b.start_utc < $3::timestamptz AND b.end_utc > $4::timestamptz ${staff}
       ORDER BY b.start_utc, b.id LIMIT $5`,
      params,
    );
    // COUNT(*) is a bigint, which pg answers as text.
    return rows.map((r) => ({ booking: r.booking_json, reschedules: Number(r.reschedules) }));
  }
}
