/**
 * Shared set-up of the differential tests of the booking-side PostgreSQL stores (postgres-booking-stores and
 * postgres-identity-stores): the parent rows both engines need, booking factories, and `differential()`, which
 * opens SQLite in memory and a fresh migrated PostgreSQL database around a describe block and runs each call on
 * both, asserting the answers are deepEqual.
 */
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Booking, BookingStatus } from '../../src/model/booking.js';
import type {
  BookingChange,
  BookingOccupancy,
  BookingOccupancyReader,
  BookingStore,
  IdempotencyStore,
  NotificationStore,
  TokenStore,
} from '../../server/storage/types.js';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/index.js';
import type { PostgresExecutor } from '../../server/storage/postgres/executor.js';
import { PostgresBookingStore } from '../../server/storage/postgres/booking-store.js';
import { PostgresOccupancyReader } from '../../server/storage/postgres/occupancy-reader.js';
import { PostgresTokenStore } from '../../server/storage/postgres/token-store.js';
import { PostgresIdempotencyStore } from '../../server/storage/postgres/idempotency-store.js';
import { PostgresNotificationStore } from '../../server/storage/postgres/notification-store.js';
import { migratedDatabase } from './postgres-fixtures.js';

export interface Side {
  bookings: BookingStore;
  occupancy: BookingOccupancyReader;
  tokens: TokenStore;
  idempotency: IdempotencyStore;
  notifications: NotificationStore;
}

export const pgSide = (x: PostgresExecutor): Side => ({
  bookings: new PostgresBookingStore(x),
  occupancy: new PostgresOccupancyReader(x),
  tokens: new PostgresTokenStore(x),
  idempotency: new PostgresIdempotencyStore(x),
  notifications: new PostgresNotificationStore(x),
});

// The parents bookings reference (one SQL text both dialects read: boolean and jsonb literals as text).
export const PARENTS = [
  `INSERT INTO booking_policies (id, name, policy_json, revision, created_date, updated_date)
   VALUES ('pol', 'Default', '{}', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ...['svc-a', 'svc-b', 'svc-c'].map(
    (id) => `INSERT INTO services (id, type, name, default_capacity, rate_type, currency, pay_online, pay_in_person, pay_deposit,
       pay_pricing_plan, online_enabled, require_manual_approval, allow_multiple_requests, schedule_id, session_durations_json,
       policy_id, revision, created_date, updated_date)
     VALUES ('${id}', 'CLASS', '${id}', 5, 'FIXED', 'USD', true, true, false, false, true, false, false, 'sch-${id}', '[60]', 'pol', 1,
       '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ),
];

export const T = (hhmm: string, day = '01') => `2026-12-${day}T${hhmm}:00.000Z`;

export interface Make {
  status?: BookingStatus;
  service?: string;
  event?: string;
  course?: string;
  resource?: string;
  start?: string;
  end?: string;
  people?: number;
  paid?: boolean;
  created?: string;
  contact?: string;
}

export function booking(id: string, m: Make = {}): Booking {
  const service = m.service ?? 'svc-a';
  const start = m.start ?? T('10:00');
  return {
    id,
    bookedEntity: m.course
      ? { schedule: { scheduleId: m.course, serviceId: service }, tags: ['COURSE'] }
      : {
          slot: {
            serviceId: service,
            scheduleId: `sch-${service}`,
            ...(m.event ? { eventId: m.event } : {}),
            startDate: start.slice(0, 19),
            ...(m.resource ? { resource: { id: m.resource, name: 'Ana' } } : {}),
          },
          tags: ['GROUP'],
        },
    contactDetails: { contactId: m.contact ?? 'c-1', firstName: 'Zoë', email: 'zoe@example.com' },
    ...(m.people && m.people > 1
      ? { participantsChoices: { serviceChoices: [{ numberOfParticipants: m.people, choices: [] }] } }
      : { totalParticipants: 1 }),
    status: m.status ?? 'CONFIRMED',
    paymentStatus: m.paid ? 'PAID' : 'NOT_PAID',
    startDate: start,
    endDate: m.end ?? T('11:00'),
    createdDate: m.created ?? T('08:00', '01'),
    updatedDate: m.created ?? T('08:00', '01'),
    revision: '1',
    createdBy: { anonymousVisitorId: 'v-1' },
  };
}

/** Only the order by start is promised: SQLite's order among equal starts follows its query plan. */
export const byStart = (l: BookingOccupancy[]) => [...l].sort((a, b) => a.startUtc.localeCompare(b.startUtc) || a.id.localeCompare(b.id));

export const created: BookingChange = { action: 'CREATE', fromStatus: null, actor: { kind: 'visitor', id: 'v-1' }, at: T('08:00') };

/** Around the calling describe block: both engines, and `same` (and friends) to run a call on both. */
export function differential() {
  let sqlite: SqliteStorage;
  let pg: Awaited<ReturnType<typeof migratedDatabase>>;
  let sides: Side[];

  /** Runs `call` on SQLite then on PostgreSQL; the answers must be deepEqual. Returns SQLite's. */
  async function same<T>(call: (s: Side) => Promise<T>): Promise<T> {
    const [a, b] = [await call(sides[0] as Side), await call(sides[1] as Side)];
    assert.deepEqual(b, a);
    return a;
  }
  /** `same`, for answers whose order among equal keys is the engine's (`norm` sorts those the same way). */
  async function sameAs<T>(call: (s: Side) => Promise<T>, norm: (t: T) => T): Promise<T> {
    const [a, b] = [norm(await call(sides[0] as Side)), norm(await call(sides[1] as Side))];
    assert.deepEqual(b, a);
    return a;
  }
  /** Both sides fail. */
  async function bothFail(call: (s: Side) => Promise<unknown>, message: RegExp = /./): Promise<void> {
    for (const s of sides) await assert.rejects(call(s), message);
  }
  const add = (b: Booking, who: { visitorId?: string; memberId?: string } = { visitorId: 'v-1' }, skip = false) =>
    same((s) =>
      s.bookings.insert(
        { booking: b, skipAvailabilityValidation: skip, visitorId: who.visitorId ?? null, memberId: who.memberId ?? null },
        created,
      ),
    );

  before(async () => {
    sqlite = createSqliteStorage(':memory:');
    pg = await migratedDatabase();
    for (const sql of PARENTS) {
      await sqlite.executor.exec((db) => db.exec(sql));
      await pg.x.query(sql);
    }
    sides = [sqlite, pgSide(pg.x)];
  });
  after(async () => {
    await sqlite.close();
    await pg.close();
  });

  return { same, sameAs, bothFail, add, pg: () => pg };
}
