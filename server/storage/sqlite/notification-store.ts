/** Owner notifications (double bookings to resolve) in SQLite. */
import type { NotificationStore, OwnerNotification } from '../types.js';
import { fromJson, toJson, type SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqliteNotificationStore implements NotificationStore {
  constructor(private readonly x: SqliteExecutor) {}

  insert(n: OwnerNotification): Promise<void> {
    return this.x.exec((db) => {
      prepared(
        db,
        'INSERT INTO owner_notifications (id, type, booking_id, message, data_json, created_date) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(n.id, n.type, n.bookingId, n.message, toJson(n.data), n.createdDate);
    });
  }

  list(filter: { bookingId?: string } = {}): Promise<OwnerNotification[]> {
    return this.x.exec((db) => {
      const where = filter.bookingId !== undefined ? 'WHERE booking_id = ?' : '';
      const params = filter.bookingId !== undefined ? [filter.bookingId] : [];
      const rows = prepared(db, `SELECT * FROM owner_notifications ${where} ORDER BY created_date DESC, rowid DESC`).all(...params) as {
        id: string;
        type: OwnerNotification['type'];
        booking_id: string;
        message: string;
        data_json: string;
        created_date: string;
      }[];
      return rows.map((r) => ({
        id: r.id,
        type: r.type,
        bookingId: r.booking_id,
        message: r.message,
        data: fromJson<Record<string, unknown>>(r.data_json, {}),
        createdDate: r.created_date,
      }));
    });
  }
}
