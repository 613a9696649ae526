/**
 * Reminders already handled, in PostgreSQL (storage/reminder-types.ts). The start is kept as the booking's RFC 3339
 * text and compared as a timestamp, so the text's form does not matter. `ON CONFLICT DO NOTHING` makes `mark`
 * the decision across instances: only one insert of a booking and start succeeds.
 */
import type { ReminderCandidate, ReminderStore } from '../reminder-types.js';
import type { PostgresExecutor } from './executor.js';
import { iso } from './rows.js';

export class PostgresReminderStore implements ReminderStore {
  constructor(private readonly x: PostgresExecutor) {}

  async due(from: string, to: string, limit: number): Promise<ReminderCandidate[]> {
    const rows = await this.x.query<{ id: string; start_utc: Date; created_date: Date }>(
      `SELECT b.id, b.start_utc, b.created_date FROM bookings b
       WHERE b.status = 'CONFIRMED' AND b.start_utc >= $1 AND b.start_utc < $2
         AND NOT EXISTS (SELECT 1 FROM booking_reminders r WHERE r.booking_id = b.id AND r.start_date::timestamptz = b.start_utc)
       ORDER BY b.start_utc LIMIT $3`,
      [from, to, limit],
    );
    return rows.map((r) => ({ bookingId: r.id, startDate: iso(r.start_utc), createdDate: iso(r.created_date) }));
  }

  async mark(bookingId: string, startDate: string, at: string): Promise<boolean> {
    const rows = await this.x.query<{ booking_id: string }>(
      'INSERT INTO booking_reminders (booking_id, start_date, created_date) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING booking_id',
      [bookingId, startDate, at],
    );
    return rows.length === 1;
  }
}
