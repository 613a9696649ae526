/**
 * Bookings in PostgreSQL, as in SQLite (sqlite/booking-store.ts): `booking_json` (jsonb) holds the whole Booking
 * document, and the indexed columns beside it are derived from it on every write. Each write appends a
 * `booking_history` line in the same transaction. `rowid` (an identity) keeps arrival order among rows made in
 * the same millisecond, as SQLite's implicit rowid does.
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
import type { Param, PostgresExecutor } from './executor.js';
import { iso, json, num } from './rows.js';

interface Row {
  booking_json: Booking;
  skip_availability: boolean;
  visitor_id: string | null;
  member_id: string | null;
}

const toRecord = (r: Row): StoredBooking => ({
  booking: r.booking_json,
  skipAvailabilityValidation: r.skip_availability,
  visitorId: r.visitor_id,
  memberId: r.member_id,
});

const SELECT = 'SELECT booking_json, skip_availability, visitor_id, member_id FROM bookings';

/** The indexed columns, in the order of COLUMNS below. */
function columns(record: StoredBooking): Param[] {
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
    b.doubleBooked === true,
    record.skipAvailabilityValidation,
    record.visitorId,
    record.memberId,
    b.contactDetails.contactId ?? null,
    json(b),
    Number(b.revision),
    b.createdDate,
    b.updatedDate,
  ];
}

const COLUMNS = [
  'id',
  'service_id',
  'schedule_id',
  'event_id',
  'resource_id',
  'start_utc',
  'end_utc',
  'status',
  'payment_status',
  'participants',
  'double_booked',
  'skip_availability',
  'visitor_id',
  'member_id',
  'contact_id',
  'booking_json',
  'revision',
  'created_date',
  'updated_date',
];
const INSERT = `INSERT INTO bookings (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
// $1 is the id; the other columns are set from $2 on, and the expected revision is the last parameter.
const UPDATE = `UPDATE bookings SET ${COLUMNS.slice(1)
  .map((c, i) => `${c} = $${i + 2}`)
  .join(', ')} WHERE id = $1 AND revision = $${COLUMNS.length + 1} RETURNING 1`;

/** The largest value of an `integer` column: a revision past it (or not a whole number) matches no row. */
const MAX_INT = 2_147_483_647;

async function appendHistory(x: PostgresExecutor, b: Booking, change: BookingChange): Promise<void> {
  await x.query(
    `INSERT INTO booking_history (booking_id, revision, action, from_status, to_status, actor_kind, actor_id, changed_date, booking_json,
       notification) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      b.id,
      Number(b.revision),
      change.action,
      change.fromStatus,
      b.status,
      change.actor.kind,
      change.actor.id ?? null,
      change.at,
      json(b),
      change.notification ? json(change.notification) : null,
    ],
  );
}

interface HistoryRow {
  booking_id: string;
  revision: number;
  action: string;
  from_status: Booking['status'] | null;
  to_status: Booking['status'];
  actor_kind: BookingChange['actor']['kind'];
  actor_id: string | null;
  changed_date: Date;
  booking_json: Booking;
  notification: ChangeNotification | null;
}

export class PostgresBookingStore implements BookingStore {
  constructor(private readonly x: PostgresExecutor) {}

  async get(id: string): Promise<StoredBooking | null> {
    const r = await this.x.one<Row>(`${SELECT} WHERE id = $1`, [id]);
    return r ? toRecord(r) : null;
  }

  insert(record: StoredBooking, change: BookingChange): Promise<void> {
    return this.x.transaction(async () => {
      await this.x.query(INSERT, columns(record));
      await appendHistory(this.x, record.booking, change);
    });
  }

  update(record: StoredBooking, expectedRevision: string, change: BookingChange): Promise<boolean> {
    const expected = Number(expectedRevision);
    // SQLite compares any value and finds no row; PostgreSQL would refuse to cast it to integer.
    if (!Number.isInteger(expected) || Math.abs(expected) > MAX_INT) return Promise.resolve(false);
    return this.x.transaction(async () => {
      const changed = (await this.x.query(UPDATE, [...columns(record), expected])).length > 0;
      if (changed) await appendHistory(this.x, record.booking, change);
      return changed;
    });
  }

  async list(owner: { visitorId?: string; memberId?: string } = {}): Promise<StoredBooking[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (owner.visitorId !== undefined) {
      params.push(owner.visitorId);
      where.push(`visitor_id = $${params.length}`);
    }
    if (owner.memberId !== undefined) {
      params.push(owner.memberId);
      where.push(`member_id = $${params.length}`);
    }
    const rows = await this.x.query<Row>(
      `${SELECT} ${where.length ? `WHERE ${where.join(' OR ')}` : ''} ORDER BY created_date, rowid`,
      params,
    );
    return rows.map(toRecord);
  }

  async countUnpaidInSession(owner: { visitorId: string } | { memberId: string }, session: SessionKey): Promise<number> {
    const [who, id] = 'visitorId' in owner ? ['visitor_id', owner.visitorId] : ['member_id', owner.memberId];
    const [where, params] =
      'eventId' in session
        ? ['event_id = $2', [session.eventId]]
        : 'courseScheduleId' in session
          ? ['schedule_id = $2 AND event_id IS NULL', [session.courseScheduleId]]
          : ['service_id = $2 AND start_utc = $3 AND event_id IS NULL', [session.serviceId, session.startUtc]];
    const row = await this.x.one<{ n: string }>(
      `SELECT COUNT(*) AS n FROM bookings WHERE ${who} = $1 AND ${where}
       AND status IN ('CREATED', 'PENDING', 'CONFIRMED') AND payment_status NOT IN ('PAID', 'PARTIALLY_PAID')`,
      [id, ...params],
    );
    return row ? num(row.n) : 0;
  }

  async listForEvent(eventId: string, statuses: readonly Booking['status'][]): Promise<StoredBooking[]> {
    if (statuses.length === 0) return [];
    const rows = await this.x.query<Row>(`${SELECT} WHERE event_id = $1 AND status = ANY($2::text[]) ORDER BY created_date, rowid`, [
      eventId,
      statuses,
    ]);
    return rows.map(toRecord);
  }

  async history(bookingId: string): Promise<BookingHistoryEntry[]> {
    const rows = await this.x.query<HistoryRow>('SELECT * FROM booking_history WHERE booking_id = $1 ORDER BY seq', [bookingId]);
    return rows.map((r) => ({
      bookingId: r.booking_id,
      revision: String(r.revision),
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      actor: { kind: r.actor_kind, ...(r.actor_id ? { id: r.actor_id } : {}) },
      at: iso(r.changed_date),
      booking: r.booking_json,
      ...(r.notification ? { notification: r.notification } : {}),
    }));
  }

  saveAccessToken(tokenHash: string, t: BookingAccessToken, maxLive: number): Promise<void> {
    return this.x.transaction(async () => {
      await this.x.query(
        'INSERT INTO booking_access_tokens (token_hash, booking_id, family_id, created_date, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [tokenHash, t.bookingId, t.familyId ?? null, t.createdDate, t.expiresAt],
      );
      // Keep the newest `maxLive`: a leaked old link stops working once enough new ones were asked for.
      await this.x.query(
        `UPDATE booking_access_tokens SET revoked_at = $1 WHERE token_hash IN (
           SELECT token_hash FROM booking_access_tokens WHERE booking_id = $2 AND revoked_at IS NULL AND expires_at > $1
           ORDER BY created_date DESC, rowid DESC OFFSET $3)`,
        [t.createdDate, t.bookingId, Math.max(0, maxLive)],
      );
    });
  }

  async findByAccessToken(tokenHash: string, now: string): Promise<BookingAccessToken | null> {
    const r = await this.x.one<{ booking_id: string; family_id: string | null; created_date: Date; expires_at: Date }>(
      `SELECT booking_id, family_id, created_date, expires_at FROM booking_access_tokens
       WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
      [tokenHash, now],
    );
    return r
      ? {
          bookingId: r.booking_id,
          ...(r.family_id ? { familyId: r.family_id } : {}),
          createdDate: iso(r.created_date),
          expiresAt: iso(r.expires_at),
        }
      : null;
  }

  async revokeAccessTokensOfFamily(familyId: string, at: string): Promise<number> {
    const rows = await this.x.query(
      'UPDATE booking_access_tokens SET revoked_at = $1 WHERE family_id = $2 AND revoked_at IS NULL RETURNING 1',
      [at, familyId],
    );
    return rows.length;
  }
}
