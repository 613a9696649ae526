/** Reminders already handled, in SQLite (storage/reminder-types.ts). */
import type { ReminderCandidate, ReminderStore } from '../reminder-types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqliteReminderStore implements ReminderStore {
  constructor(private readonly x: SqliteExecutor) {}

  due(from: string, to: string, limit: number): Promise<ReminderCandidate[]> {
    return this.x.exec((db) => {
      const rows = prepared(
        db,
        `SELECT b.id, b.start_utc, b.created_date FROM bookings b
         LEFT JOIN booking_reminders r ON r.booking_id = b.id AND r.start_date = b.start_utc
         WHERE b.status = 'CONFIRMED' AND b.start_utc >= ? AND b.start_utc < ? AND r.booking_id IS NULL
         ORDER BY b.start_utc LIMIT ?`,
      ).all(from, to, limit) as { id: string; start_utc: string; created_date: string }[];
      return rows.map((r) => ({ bookingId: r.id, startDate: r.start_utc, createdDate: r.created_date }));
    });
  }

  mark(bookingId: string, startDate: string, at: string): Promise<boolean> {
    return this.x.exec(
      (db) =>
        prepared(db, 'INSERT INTO booking_reminders (booking_id, start_date, created_date) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
          bookingId,
          startDate,
          at,
        ).changes === 1,
    );
  }
}
