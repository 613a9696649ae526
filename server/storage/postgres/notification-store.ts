/** Owner notifications (double bookings to resolve) in PostgreSQL: newest first, arrival order (`rowid`) within a millisecond. */
import type { NotificationStore, OwnerNotification } from '../types.js';
import type { PostgresExecutor } from './executor.js';
import { iso, json } from './rows.js';

interface Row {
  id: string;
  type: OwnerNotification['type'];
  booking_id: string;
  message: string;
  /** jsonb, parsed; never SQL NULL (the column is NOT NULL), but JSON `null` when the data was. */
  data_json: Record<string, unknown>;
  created_date: Date;
}

export class PostgresNotificationStore implements NotificationStore {
  constructor(private readonly x: PostgresExecutor) {}

  async insert(n: OwnerNotification): Promise<void> {
    await this.x.query(
      'INSERT INTO owner_notifications (id, type, booking_id, message, data_json, created_date) VALUES ($1, $2, $3, $4, $5, $6)',
      [n.id, n.type, n.bookingId, n.message, json(n.data), n.createdDate],
    );
  }

  async list(filter: { bookingId?: string } = {}): Promise<OwnerNotification[]> {
    const byBooking = filter.bookingId !== undefined;
    const rows = await this.x.query<Row>(
      `SELECT id, type, booking_id, message, data_json, created_date FROM owner_notifications
       ${byBooking ? 'WHERE booking_id = $1' : ''} ORDER BY created_date DESC, rowid DESC`,
      byBooking ? [filter.bookingId as string] : [],
    );
    return rows.map((r) => ({
      id: r.id,
      type: r.type,
      bookingId: r.booking_id,
      message: r.message,
      data: r.data_json,
      createdDate: iso(r.created_date),
    }));
  }
}
