/**
 * PostgreSQL's migrations (server/storage/postgres/migrations) against SQLite's, on a throwaway PostgreSQL
 * reached through `psql` (no driver needed): the same versions and names, every SQLite table, column, index and
 * trigger present, the data steps of migrations 6 and 8 giving the same rows, and the occupancy triggers keeping
 * `resource_busy` and `event_spots` exactly as SQLite's do through inserts, updates and deletes of bookings.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../scripts/postgres.mjs';
import { migrations as pgMigrations } from '../../server/storage/postgres/migrations/index.js';
import { migrations as liteMigrations } from '../../server/storage/sqlite/migrations/index.js';

/** Columns PostgreSQL adds: `rowid` stands in for SQLite's implicit rowid where the stores order by it. */
const ROWID_TABLES = ['bookings', 'owner_notifications', 'booking_access_tokens', 'order_bookings', 'payments', 'plan_credit_uses'];

let server: ThrowawayPostgres;
const lite = new Database(':memory:');

/** Runs SQL on PostgreSQL as one implicit transaction (as migrate.ts does); unaligned rows, `|` between fields. */
function psql(sql: string): string[] {
  // A DST zone for the session: nothing the migrations compute may depend on it.
  const r = spawnSync('psql', [server.url, '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
    env: { ...process.env, PGTZ: 'Europe/Berlin' },
  });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr || r.error?.message}\n${sql}`);
  return r.stdout.split('\n').filter((line) => line !== '');
}

/** Runs SQL written in the dialect both engines share on both. */
function both(sql: string): void {
  lite.exec(sql);
  psql(sql);
}

function migrateBoth(from: number, to: number): void {
  for (let i = from; i <= to; i++) {
    lite.exec(liteMigrations[i - 1]!.sql);
    psql(pgMigrations[i - 1]!.sql);
  }
}

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const liteRows = (sql: string) => (lite.prepare(sql).raw().all() as unknown[][]).map((r) => r.join('|'));

/** Both engines' occupancy counts as comparable lines. */
function counts(): { pg: string[]; lite: string[] } {
  const busy = 'SELECT resource_id, start_ms, end_ms, status, service_id, bookings FROM resource_busy ORDER BY 1, 2, 3, 4, 5';
  const spots = (start: string, end: string) =>
    `SELECT event_id, status, service_id, ${start}, ${end}, participants FROM event_spots ORDER BY 1, 2, 3, 4, 5`;
  return {
    pg: [...psql(busy), ...psql(spots(iso('start_utc'), iso('end_utc')))],
    lite: [...liteRows(busy), ...liteRows(spots('start_utc', 'end_utc'))],
  };
}

function assertSameCounts(step: string): string[] {
  const { pg, lite: sqlite } = counts();
  assert.deepEqual(pg, sqlite, `after ${step}`);
  return pg;
}

const T = (hour: number, day = 10) => `'2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z'`;
const CREATED = `'2025-02-20T10:00:00.000Z'`;

/** One booking row in the shared dialect. */
function booking(id: string, service: string, event: string | null, resource: string | null, start: number, status: string, n = 1) {
  const q = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
  return `INSERT INTO bookings (id, service_id, schedule_id, event_id, resource_id, start_utc, end_utc, status, payment_status,
    participants, booking_json, revision, created_date, updated_date) VALUES ('${id}', '${service}', 'sch-${service}', ${q(event)},
    ${q(resource)}, ${T(start)}, ${T(start + 1)}, '${status}', 'NOT_PAID', ${n}, '{"id":"${id}"}', 1, ${CREATED}, ${CREATED});`;
}

const SEED = `
INSERT INTO booking_policies (id, name, is_default, policy_json, revision, created_date, updated_date)
  VALUES ('p1', 'Default', TRUE, '{}', 1, ${CREATED}, ${CREATED});
INSERT INTO services (id, type, name, default_capacity, rate_type, currency, pay_online, pay_in_person, pay_deposit,
  pay_pricing_plan, online_enabled, require_manual_approval, allow_multiple_requests, schedule_id, session_durations_json,
  policy_id, revision, created_date, updated_date) VALUES
  ('yoga', 'CLASS', 'Yoga', 10, 'NO_FEE', 'USD', FALSE, TRUE, FALSE, FALSE, TRUE, FALSE, FALSE, 'sch-yoga', '[60]', 'p1', 1, ${CREATED}, ${CREATED}),
  ('cut', 'APPOINTMENT', 'Cut', 1, 'NO_FEE', 'USD', FALSE, TRUE, FALSE, FALSE, TRUE, FALSE, FALSE, 'sch-cut', '[60]', 'p1', 1, ${CREATED}, ${CREATED});
INSERT INTO auth_tokens (token_hash, kind, subject_kind, subject_id, session_id, expires_at, created_date)
  VALUES ('h1', 'access', 'visitor', 'v1', 'sess1', '2025-03-01T00:00:00.000Z', ${CREATED});
${booking('old-cut', 'cut', null, 'ann', 9, 'CONFIRMED')}
${booking('old-cut-2', 'cut', null, 'ann', 9, 'CONFIRMED')}
${booking('old-yoga', 'yoga', 'e1', null, 18, 'PENDING', 2)}
${booking('old-gone', 'yoga', 'e1', null, 18, 'CANCELED', 5)}
INSERT INTO booking_access_tokens (token_hash, booking_id, created_date) VALUES ('t1', 'old-cut', '2025-02-01T10:30:00.000Z');
`;

describe('PostgreSQL migrations', () => {
  before(async () => {
    server = await startThrowawayPostgres();
    lite.pragma('foreign_keys = ON');
  });
  after(() => {
    lite.close();
    server?.stop();
  });

  it('has the same versions and names as SQLite, in order', () => {
    assert.deepEqual(
      pgMigrations.map((m) => [m.version, m.name]),
      liteMigrations.map((m) => [m.version, m.name]),
    );
  });

  it('migration 6 fills families and 90-day expiries as SQLite does, in UTC', () => {
    migrateBoth(1, 5);
    both(SEED);
    migrateBoth(6, 6);
    assert.deepEqual(psql(`SELECT token_hash, family_id FROM auth_tokens`), liteRows(`SELECT token_hash, family_id FROM auth_tokens`));
    const liteExpiry = liteRows(`SELECT token_hash, expires_at FROM booking_access_tokens`);
    assert.deepEqual(liteExpiry, ['t1|2025-05-02T10:30:00.000Z']);
    assert.deepEqual(psql(`SELECT token_hash, ${iso('expires_at')} FROM booking_access_tokens`), liteExpiry);
  });

  it('migration 8 counts the bookings already there as SQLite does', () => {
    migrateBoth(7, 8);
    assert.deepEqual(assertSameCounts('migration 8'), [
      'ann|1741597200000|1741600800000|CONFIRMED|cut|2',
      'e1|PENDING|yoga|2025-03-10T18:00:00.000Z|2025-03-10T19:00:00.000Z|2',
    ]);
  });

  it('has every SQLite table with the same columns, and the same indexes and triggers', () => {
    const tables = liteRows(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
    assert.deepEqual(psql(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`), tables);
    for (const table of tables) {
      const columns = psql(`SELECT column_name FROM information_schema.columns WHERE table_name = '${table}' ORDER BY ordinal_position`);
      assert.equal(columns.includes('rowid'), ROWID_TABLES.includes(table), `${table}.rowid`);
      // In SQLite's order (a copy may rely on it), rowid aside: PostgreSQL puts it before columns added later.
      const expected = liteRows(`SELECT name FROM pragma_table_info('${table}')`);
      assert.deepEqual(
        columns.filter((c) => c !== 'rowid'),
        expected,
        table,
      );
    }
    const pgIndexes = new Set(psql(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`));
    for (const index of liteRows(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`)) {
      assert.ok(pgIndexes.has(index), `index ${index}`);
    }
    assert.ok(!pgIndexes.has('bookings_event') && !pgIndexes.has('bookings_resource_time'), 'migration 7 drops them');
    assert.deepEqual(
      psql(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`),
      liteRows(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1`),
    );
  });

  it('uses PostgreSQL types: boolean flags, jsonb documents, timestamptz instants, bigint money, text local times', () => {
    const type = (table: string, column: string) =>
      psql(`SELECT data_type FROM information_schema.columns WHERE table_name = '${table}' AND column_name = '${column}'`)[0];
    const expected: [string, string, string][] = [
      ['services', 'hidden', 'boolean'],
      ['services', 'price_minor', 'bigint'],
      ['services', 'locations_json', 'jsonb'],
      ['bookings', 'double_booked', 'boolean'],
      ['bookings', 'start_utc', 'timestamp with time zone'],
      ['bookings', 'booking_json', 'jsonb'],
      ['bookings', 'revision', 'integer'],
      ['session_rules', 'start_local', 'text'],
      ['session_exceptions', 'local_start', 'text'],
      ['orders', 'total_minor', 'bigint'],
      ['idempotency_keys', 'claimed_until', 'timestamp with time zone'],
      ['resource_busy', 'start_ms', 'bigint'],
      ['event_spots', 'start_utc', 'timestamp with time zone'],
      ['members', 'email', 'USER-DEFINED'],
    ];
    for (const [table, column, dataType] of expected) assert.equal(type(table, column), dataType, `${table}.${column}`);
  });

  it('finds contacts and members by email without regard to case, as COLLATE NOCASE does', () => {
    psql(`INSERT INTO contacts (id, email, created_date, updated_date) VALUES ('c1', 'Ann@Example.com', ${CREATED}, ${CREATED})`);
    assert.deepEqual(psql(`SELECT id FROM contacts WHERE email = 'ann@example.COM'`), ['c1']);
    assert.throws(() =>
      psql(`INSERT INTO contacts (id, email, created_date, updated_date) VALUES ('c2', 'ANN@example.com', now(), now())`),
    );
  });

  it('keeps resource_busy and event_spots as SQLite triggers do through inserts, updates and deletes', () => {
    const steps: [string, string][] = [
      [
        'three on one staff time',
        [
          booking('b1', 'cut', null, 'bob', 10, 'CONFIRMED'),
          booking('b2', 'cut', null, 'bob', 10, 'PENDING'),
          booking('b3', 'cut', null, 'bob', 10, 'CONFIRMED'),
        ].join(''),
      ],
      [
        'a session filling',
        [
          booking('c1', 'yoga', 'e2', null, 18, 'CONFIRMED', 2),
          booking('c2', 'yoga', 'e2', null, 18, 'WAITING_LIST'),
          booking('c3', 'yoga', 'e2', null, 18, 'CONFIRMED', 3),
          booking('c4', 'yoga', 'e2', null, 18, 'CANCELED'),
        ].join(''),
      ],
      ['a cancel', `UPDATE bookings SET status = 'CANCELED' WHERE id = 'b1';`],
      ['a reschedule', `UPDATE bookings SET start_utc = ${T(12)}, end_utc = ${T(13)} WHERE id = 'b3';`],
      ['more participants', `UPDATE bookings SET participants = 4 WHERE id = 'c1';`],
      ['off the waitlist', `UPDATE bookings SET status = 'CONFIRMED' WHERE id = 'c2';`],
      ['a change no count sees', `UPDATE bookings SET payment_status = 'PAID', revision = 2 WHERE id IN ('b2', 'c1');`],
      ['deletes', `DELETE FROM bookings WHERE id IN ('c3', 'b2');`],
      ['another staff member', `UPDATE bookings SET resource_id = 'cat' WHERE id = 'b3';`],
      ['back from canceled', `UPDATE bookings SET status = 'PENDING' WHERE id IN ('c4', 'b1');`],
      ['a session moved', `UPDATE bookings SET start_utc = ${T(18, 11)}, end_utc = ${T(19, 11)} WHERE event_id = 'e2';`],
      ['no staff member any more', `UPDATE bookings SET resource_id = NULL WHERE id = 'b3';`],
      ['a whole session canceled', `UPDATE bookings SET status = 'CANCELED' WHERE event_id = 'e1';`],
    ];
    for (const [name, sql] of steps) {
      both(sql);
      assertSameCounts(name);
    }
    assert.deepEqual(assertSameCounts('the end'), [
      'ann|1741597200000|1741600800000|CONFIRMED|cut|2',
      'bob|1741600800000|1741604400000|PENDING|cut|1',
      'e2|CONFIRMED|yoga|2025-03-11T18:00:00.000Z|2025-03-11T19:00:00.000Z|5',
      'e2|PENDING|yoga|2025-03-11T18:00:00.000Z|2025-03-11T19:00:00.000Z|1',
    ]);
  });
});
