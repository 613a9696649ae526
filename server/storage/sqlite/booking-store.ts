/**
 * Bookings in SQLite. `booking_json` holds the whole Booking document; the indexed columns beside it (service,
 * session, staff, times, status, participants) are derived from it on every write, so availability's reader
 * and the document never disagree. Each write appends a `booking_history` line in the same statement batch.
 */
import type { Booking } from '../../../src/model/booking.js';
import type {
  BookingAccessToken,
  BookingChange,
  BookingHistoryEntry,
  BookingStore,
  ChangeNotification,
  SessionKey,
  StoredBooking,
} from '../types.js';
import { participantsOf } from '../../../src/pricing/participants.js';
import { bool, fromJson, int, toJson, type Db, type SqliteExecutor } from './database.js';
import { atomically, prepared } from './statements.js';

interface Row {
  booking_json: string;
  skip_availability: number;
  visitor_id: string | null;
  member_id: string | null;
}

const toRecord = (r: Row): StoredBooking => ({
  booking: fromJson<Booking>(r.booking_json, {} as Booking),
  skipAvailabilityValidation: bool(r.skip_availability),
  visitorId: r.visitor_id,
  memberId: r.member_id,
});

/** The indexed columns, in the order of COLUMNS below. */
function columns(record: StoredBooking): unknown[] {
  const b = record.booking;
  const slot = b.bookedEntity.slot;
  const schedule = b.bookedEntity.schedule;
  return [
    b.id,
    slot?.serviceId ?? schedule?.serviceId ?? '',
    slot?.scheduleId ?? schedule?.scheduleId ?? '',
    slot?.eventId ?? null,
    slot?.resource?.id ?? null,
    b.startDate ?? '',
    b.endDate ?? '',
    b.status,
    b.paymentStatus,
    participantsOf(b),
    int(b.doubleBooked),
    int(record.skipAvailabilityValidation),
    record.visitorId,
    record.memberId,
    b.contactDetails.contactId ?? null,
    toJson(b),
    Number(b.revision),
    b.createdDate,
    b.updatedDate,
  ];
}

const COLUMNS = `id, service_id, schedule_id, event_id, resource_id, start_utc, end_utc, status, payment_status, participants,
  double_booked, skip_availability, visitor_id, member_id, contact_id, booking_json, revision, created_date, updated_date`;

function appendHistory(db: Db, b: Booking, change: BookingChange): void {
  prepared(
    db,
    `INSERT INTO booking_history (booking_id, revision, action, from_status, to_status, actor_kind, actor_id, changed_date, booking_json,
       notification) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    b.id,
    Number(b.revision),
    change.action,
    change.fromStatus,
    b.status,
    change.actor.kind,
    change.actor.id ?? null,
    change.at,
    toJson(b),
    change.notification ? JSON.stringify(change.notification) : null,
  );
}

export class SqliteBookingStore implements BookingStore {
  constructor(private readonly x: SqliteExecutor) {}

  get(id: string): Promise<StoredBooking | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT booking_json, skip_availability, visitor_id, member_id FROM bookings WHERE id = ?').get(id) as
        Row | undefined;
      return r ? toRecord(r) : null;
    });
  }

  insert(record: StoredBooking, change: BookingChange): Promise<void> {
    return this.x.exec((db) =>
      atomically(db, () => {
        prepared(
          db,
          `INSERT INTO bookings (${COLUMNS}) VALUES (${COLUMNS.split(',')
            .map(() => '?')
            .join(', ')})`,
        ).run(...columns(record));
        appendHistory(db, record.booking, change);
      }),
    );
  }

  update(record: StoredBooking, expectedRevision: string, change: BookingChange): Promise<boolean> {
    return this.x.exec((db) =>
      atomically(db, () => {
        const [id, ...rest] = columns(record);
        const sets = COLUMNS.split(',')
          .slice(1)
          .map((c) => `${c.trim()} = ?`)
          .join(', ');
        const changed =
          prepared(db, `UPDATE bookings SET ${sets} WHERE id = ? AND revision = ?`).run(...rest, id, Number(expectedRevision)).changes > 0;
        if (changed) appendHistory(db, record.booking, change);
        return changed;
      }),
    );
  }

  list(owner: { visitorId?: string; memberId?: string } = {}): Promise<StoredBooking[]> {
    return this.x.exec((db) => {
      const where: string[] = [];
      const params: string[] = [];
      if (owner.visitorId !== undefined) {
        where.push('visitor_id = ?');
        params.push(owner.visitorId);
      }
      if (owner.memberId !== undefined) {
        where.push('member_id = ?');
        params.push(owner.memberId);
      }
      const sql = `SELECT booking_json, skip_availability, visitor_id, member_id FROM bookings
        ${where.length ? `WHERE ${where.join(' OR ')}` : ''} ORDER BY created_date, rowid`;
      return (prepared(db, sql).all(...params) as Row[]).map(toRecord);
    });
  }

  countUnpaidInSession(owner: { visitorId: string } | { memberId: string }, session: SessionKey): Promise<number> {
    return this.x.exec((db) => {
      const [who, id] = 'visitorId' in owner ? ['visitor_id', owner.visitorId] : ['member_id', owner.memberId];
      const [where, params] =
        'eventId' in session
          ? ['event_id = ?', [session.eventId]]
          : 'courseScheduleId' in session
            ? ['schedule_id = ? AND event_id IS NULL', [session.courseScheduleId]]
            : ['service_id = ? AND start_utc = ? AND event_id IS NULL', [session.serviceId, session.startUtc]];
      const row = prepared(
        db,
        `SELECT COUNT(*) AS n FROM bookings WHERE ${who} = ? AND ${where}
         AND status IN ('CREATED', 'PENDING', 'CONFIRMED') AND payment_status NOT IN ('PAID', 'PARTIALLY_PAID')`,
      ).get(id, ...params) as { n: number };
      return row.n;
    });
  }

  listForEvent(eventId: string, statuses: readonly Booking['status'][]): Promise<StoredBooking[]> {
    return this.x.exec((db) => {
      if (statuses.length === 0) return [];
      // At most one statement per number of statuses (six), so caching each stays small.
      const rows = prepared(
        db,
        `SELECT booking_json, skip_availability, visitor_id, member_id FROM bookings
         WHERE event_id = ? AND status IN (${statuses.map(() => '?').join(', ')}) ORDER BY created_date, rowid`,
      ).all(eventId, ...statuses) as Row[];
      return rows.map(toRecord);
    });
  }

  history(bookingId: string): Promise<BookingHistoryEntry[]> {
    return this.x.exec((db) =>
      (
        prepared(db, 'SELECT * FROM booking_history WHERE booking_id = ? ORDER BY seq').all(bookingId) as {
          booking_id: string;
          revision: number;
          action: string;
          from_status: Booking['status'] | null;
          to_status: Booking['status'];
          actor_kind: BookingChange['actor']['kind'];
          actor_id: string | null;
          changed_date: string;
          booking_json: string;
          notification: string | null;
        }[]
      ).map((r) => ({
        bookingId: r.booking_id,
        revision: String(r.revision),
        action: r.action,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        actor: { kind: r.actor_kind, ...(r.actor_id ? { id: r.actor_id } : {}) },
        at: r.changed_date,
        booking: fromJson<Booking>(r.booking_json, {} as Booking),
        ...(r.notification ? { notification: fromJson<ChangeNotification>(r.notification, {}) } : {}),
      })),
    );
  }

  saveAccessToken(tokenHash: string, t: BookingAccessToken, maxLive: number): Promise<void> {
    return this.x.exec((db) => {
      prepared(
        db,
        'INSERT INTO booking_access_tokens (token_hash, booking_id, family_id, created_date, expires_at) VALUES (?, ?, ?, ?, ?)',
      ).run(tokenHash, t.bookingId, t.familyId ?? null, t.createdDate, t.expiresAt);
      // Keep the newest `maxLive`: a leaked old link stops working once enough new ones were asked for.
      prepared(
        db,
        `UPDATE booking_access_tokens SET revoked_at = ? WHERE token_hash IN (
           SELECT token_hash FROM booking_access_tokens WHERE booking_id = ? AND revoked_at IS NULL AND expires_at > ?
           ORDER BY created_date DESC, rowid DESC LIMIT -1 OFFSET ?)`,
      ).run(t.createdDate, t.bookingId, t.createdDate, maxLive);
    });
  }

  findByAccessToken(tokenHash: string, now: string): Promise<BookingAccessToken | null> {
    return this.x.exec((db) => {
      const r = prepared(
        db,
        'SELECT booking_id, family_id, created_date, expires_at FROM booking_access_tokens WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?',
      ).get(tokenHash, now) as { booking_id: string; family_id: string | null; created_date: string; expires_at: string } | undefined;
      return r
        ? {
            bookingId: r.booking_id,
            ...(r.family_id ? { familyId: r.family_id } : {}),
            createdDate: r.created_date,
            expiresAt: r.expires_at,
          }
        : null;
    });
  }

  revokeAccessTokensOfFamily(familyId: string, at: string): Promise<number> {
    return this.x.exec(
      (db) =>
        prepared(db, 'UPDATE booking_access_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL').run(at, familyId)
          .changes,
    );
  }
}
