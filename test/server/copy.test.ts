/**
 * `booking-server copy` (contract section 14): a business built through the API on SQLite (every booking status,
 * members, plans, orders, tokens) is copied to PostgreSQL and back to a new SQLite file; servers on the copies give
 * the same answers to the same calls. Non-empty targets, missing flags, unreachable databases and other schema
 * versions are refused with exit code 2.
 */
// storage-agnostic: it opens SQLite and PostgreSQL itself; BOOKINGS_TEST_STORAGE changes nothing here.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Temporal } from 'temporal-polyfill';
import { startServerOn, OWNER_KEY, type TestServer } from './helpers.js';
import { NOW, visitorToken, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';
import { APP_ID, visa, newMember, planNamed } from './money-fixtures.js';
import { freshDatabase, type TestDatabase } from './postgres-fixtures.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { createPostgresStorage } from '../../server/storage/postgres/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import { copyDatabase } from '../../server/storage/copy/copy.js';
import { runCopy } from '../../server/storage/copy/command.js';
const CLI = fileURLToPath(new URL('../../server/cli.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bookings-copy-'));
const sourceFile = join(dir, 'source.sqlite');
const serverOptions = { clock: () => NOW };

/** Ids and tokens of what the business holds, for the calls that compare both sides. */
interface Business {
  bookings: string[];
  orders: string[];
  visitor: string;
  member: string;
  anonymous: string;
  idempotent: { key: string; body: unknown };
}

async function buildBusiness(server: TestServer): Promise<Business> {
  const yoga = await serviceNamed(server, 'Community Yoga');
  const vinyasa = await serviceNamed(server, 'Vinyasa Flow');
  const saturday = (n: number) => eventIdAt(server, yoga, `${new Date(Date.UTC(2026, 11, 5 + 7 * n)).toISOString().slice(0, 10)}T10:00:00`);
  const visitor = await visitorToken(server);
  const bookings: string[] = [];
  const book = async (token: string, body: Record<string, unknown>, headers?: Record<string, string>) => {
    const r = await server.call('POST', '/bookings/v2/bookings', { token, body, ...(headers ? { headers } : {}) });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    bookings.push(r.body.booking.id);
    return r.body.booking as { id: string; revision: string; status: string };
  };
  const act = async (b: { id: string; revision: string }, action: string, token = OWNER_KEY) => {
    const r = await server.call('POST', `/bookings/v2/bookings/${b.id}/${action}`, { token, body: { revision: b.revision } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking as { id: string; revision: string; status: string };
  };
  const offline = { selectedPaymentOption: 'OFFLINE' };
  const kept = await book(visitor, classBooking(yoga, await saturday(0), offline)); // CREATED
  await act(await book(await visitorToken(server), classBooking(yoga, await saturday(1), offline)), 'confirm');
  await act(await book(await visitorToken(server), classBooking(yoga, await saturday(1), offline)), 'mark_booking_as_pending');
  await act(await book(await visitorToken(server), classBooking(yoga, await saturday(2), offline)), 'decline');
  await act(await book(visitor, classBooking(yoga, await saturday(3), offline)), 'cancel', visitor);
  // A full Vinyasa Flow: two on the waiting list, one of them confirmed past capacity (an owner notification).
  const full = await eventIdAt(server, vinyasa, '2026-12-14T18:00:00');
  for (let i = 0; i < 12; i++) {
    await book(OWNER_KEY, { ...classBooking(vinyasa, full), flowControlSettings: { skipBusinessConfirmation: true } });
  }
  await book(await visitorToken(server), classBooking(vinyasa, full, { selectedPaymentOption: 'ONLINE' })); // WAITING_LIST
  await act(await book(await visitorToken(server), classBooking(vinyasa, full, { selectedPaymentOption: 'ONLINE' })), 'confirm');
  // A member buys a plan (a payment) and books with it (a credit used), through a checkout and an order.
  const member = await newMember(server, 'copied.member@example.com');
  const bought = await server.call('POST', '/pricing-plans/v2/orders', {
    token: member.token,
    body: { planId: (await planNamed(server, '10-Class Pass')).id, payment: visa },
  });
  assert.equal(bought.status, 200, JSON.stringify(bought.body));
  const orders: string[] = [];
  const order = async (token: string, bookingId: string, body: Record<string, unknown>) => {
    const lineItems = [{ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: bookingId } }];
    const co = await server.call('POST', '/ecom/v1/checkouts', { token, body: { lineItems } });
    const r = await server.call('POST', `/ecom/v1/checkouts/${co.body.checkout.id}/create-order`, { token, body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    orders.push(r.body.orderId);
  };
  const session = await eventIdAt(server, vinyasa, '2026-12-02T18:00:00');
  await order(member.token, (await book(member.token, classBooking(vinyasa, session, { selectedPaymentOption: 'MEMBERSHIP' }))).id, {});
  const payer = await visitorToken(server);
  await order(payer, (await book(payer, classBooking(vinyasa, session, { selectedPaymentOption: 'ONLINE' }))).id, { payment: visa });
  // An idempotent create, and an anonymous token for the visitor's booking.
  const idempotent = { key: 'copy-test-key-1', body: classBooking(yoga, await saturday(4), offline) };
  await book(visitor, idempotent.body as Record<string, unknown>, { 'idempotency-key': idempotent.key });
  const anonymous = (await server.call('GET', `/v1/anonymous-bookings/${kept.id}/token`, { token: visitor })).body.token as string;
  assert.ok(anonymous);
  return { bookings, orders, visitor, member: member.token, anonymous, idempotent };
}

/** The same calls on any side; their statuses and bodies must be equal. */
async function answers(server: TestServer, b: Business): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const ask = async (name: string, method: string, path: string, options: Parameters<TestServer['call']>[2] = {}) => {
    const r = await server.call(method, path, options);
    out[name] = { status: r.status, body: r.body };
    return r;
  };
  const services = await ask('services', 'POST', '/bookings/v2/services/query', { body: {} });
  for (const s of services.body.services as { id: string }[]) {
    await ask(`variants ${s.id}`, 'GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${s.id}`);
  }
  await ask('plans', 'GET', '/pricing-plans/v2/plans');
  for (const id of b.bookings) {
    await ask(`booking ${id}`, 'GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY });
    await ask(`history ${id}`, 'GET', `/bookings/v2/bookings/${id}/history`, { token: OWNER_KEY });
  }
  const query = { query: { paging: { limit: 100 } } };
  await ask('extended', 'POST', '/bookings-reader/v2/extended-bookings/query', { token: OWNER_KEY, body: query });
  await ask('visitor extended', 'POST', '/bookings-reader/v2/extended-bookings/query', { token: b.visitor, body: query });
  await ask('member', 'GET', '/members/v1/members/my', { token: b.member });
  await ask('member plan orders', 'GET', '/pricing-plans/v2/member/orders', { token: b.member });
  for (const id of b.orders) await ask(`order ${id}`, 'GET', `/ecom/v1/orders/${id}`, { token: OWNER_KEY });
  await ask('notifications', 'GET', '/bookings/v2/notifications', { token: OWNER_KEY });
  await ask('anonymous', 'GET', `/v1/anonymous-bookings/${b.anonymous}`);
  const headers = { 'idempotency-key': b.idempotent.key };
  await ask('idempotent replay', 'POST', '/bookings/v2/bookings', { token: b.visitor, body: b.idempotent.body, headers });
  return out;
}

describe('booking-server copy', () => {
  const databases: TestDatabase[] = [];
  let business: Business;
  let expected: Record<string, unknown>;
  let postgres: TestDatabase;

  before(async () => {
    const storage = createSqliteStorage(sourceFile);
    await seedDemo(storage, Temporal.Instant.fromEpochMilliseconds(NOW.getTime()));
    const source = await startServerOn(storage, serverOptions);
    try {
      business = await buildBusiness(source);
      expected = await answers(source, business);
      const statuses = business.bookings.map(
        (id) => (expected[`booking ${id}`] as { body: { booking: { status: string } } }).body.booking.status,
      );
      assert.deepEqual([...new Set(statuses)].sort(), ['CANCELED', 'CONFIRMED', 'CREATED', 'DECLINED', 'PENDING', 'WAITING_LIST']);
      assert.equal((expected['notifications'] as { body: { notifications: unknown[] } }).body.notifications.length, 1);
    } finally {
      await source.close();
    }
    postgres = await freshDatabase();
    databases.push(postgres);
  });
  after(async () => {
    for (const db of databases) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies SQLite to PostgreSQL as a real process: the same answers there, tokens included', async () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'copy', '--from', sourceFile, '--to', postgres.url], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^copied .*source\.sqlite → postgres:\/\//);
    assert.match(run.stdout, /^ {2}bookings +\d+$/m);
    assert.match(run.stdout, /^ {2}total +\d+ rows in/m);
    const copy = await startServerOn(await createPostgresStorage(postgres.url), serverOptions);
    try {
      assert.deepEqual(await answers(copy, business), expected);
    } finally {
      await copy.close();
    }
  });

  it('copies PostgreSQL back to a new SQLite file a server opens with the same answers', async () => {
    const backup = join(dir, 'backup.sqlite');
    const summary = await copyDatabase(postgres.url, backup);
    assert.equal(summary.tables.find((t) => t.name === 'bookings')?.rows, business.bookings.length);
    const copied = summary.tables.map((t) => t.name);
    assert.ok(copied.indexOf('event_spots') > copied.indexOf('bookings'), 'counts after bookings');
    const copy = await startServerOn(createSqliteStorage(backup), serverOptions);
    try {
      const every = `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'`;
      assert.deepEqual(copied.sort(), (await copy.sql<{ name: string }>(every)).map((r) => r.name).sort(), 'every table');
      assert.deepEqual(await answers(copy, business), expected);
    } finally {
      await copy.close();
    }
  });

  it('refuses a non-empty target, PostgreSQL or SQLite, and changes nothing', async () => {
    const before = readFileSync(join(dir, 'backup.sqlite'));
    const io = output();
    assert.equal(await runCopy(['--from', postgres.url, '--to', join(dir, 'backup.sqlite')], io), 2);
    assert.match(io.text, /backup\.sqlite is not empty \(rows in .*\).*Nothing was changed/s);
    assert.deepEqual(readFileSync(join(dir, 'backup.sqlite')), before);
    const bookings = async () => {
      const storage = await createPostgresStorage(postgres.url);
      const n = (await storage.bookings.list()).length;
      await storage.close();
      return n;
    };
    const held = await bookings();
    const again = output();
    assert.equal(await runCopy(['--from', sourceFile, '--to', postgres.url], again), 2);
    assert.match(again.text, /is not empty .*Copy into a new, empty database/s);
    assert.doesNotMatch(again.text, /:[^:@/]+@/, 'the password is not printed');
    assert.equal(await bookings(), held);
  });

  it('refuses a missing flag, an unreachable database, two SQLite files and a source at another schema version', async () => {
    const refused = async (argv: string[], pattern: RegExp) => {
      const io = output();
      assert.equal(await runCopy(argv, io), 2, io.text);
      assert.match(io.text, pattern);
    };
    await refused(['--from', sourceFile], /needs both --from and --to \(missing --to\)/);
    await refused(['--to', postgres.url], /missing --from/);
    await refused(['--from', join(dir, 'nothing.sqlite'), '--to', join(dir, 'x.sqlite')], /one of --from and --to must be a postgres/);
    await refused(['--from', join(dir, 'nothing.sqlite'), '--to', postgres.url], /There is no SQLite file at .*nothing\.sqlite/);
    const unreachable = 'postgres://nobody:secret@127.0.0.1:1/none';
    await refused(
      ['--from', unreachable, '--to', join(dir, 'y.sqlite')],
      /Could not reach the PostgreSQL database postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none/,
    );
    await refused(['--from', sourceFile, '--to', unreachable], /Could not reach .*--to/);
    const old = join(dir, 'old.sqlite');
    copyFileSync(sourceFile, old);
    const db = new Database(old);
    db.prepare('DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)').run();
    db.close();
    const empty = await freshDatabase();
    databases.push(empty);
    await refused(['--from', old, '--to', empty.url], /not at this booking-server's schema version: it lacks migrations \d+/);
    const newer = new Database(old);
    newer.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (998, 'x', ''), (999, 'y', '')`).run();
    newer.close();
    await refused(['--from', old, '--to', empty.url], /migrations this booking-server does not know \(998, 999\)/);
    const check = await startServerOn(await createPostgresStorage(empty.url), serverOptions);
    try {
      assert.deepEqual(await check.sql('SELECT id FROM bookings'), []);
    } finally {
      await check.close();
    }
  });

  it('copies 30,000 bookings and their history each way, in batches, every row arriving', async () => {
    const big = join(dir, 'big.sqlite');
    copyFileSync(sourceFile, big);
    const db = new Database(big);
    const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    const clone = (table: string, id: string) =>
      columns(table)
        .filter((c) => c !== 'seq')
        .map((c) => (c === id ? `'bulk-' || n` : c))
        .join(', ');
    db.exec(`WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 30000)
      INSERT INTO bookings (${columns('bookings').join(', ')}) SELECT ${clone('bookings', 'id')} FROM k, bookings WHERE id = '${business.bookings[0]}'`);
    db.exec(`INSERT INTO booking_history (${columns('booking_history')
      .filter((c) => c !== 'seq')
      .join(', ')})
      SELECT ${clone('booking_history', 'booking_id')} FROM (SELECT substr(id, 6) AS n FROM bookings WHERE id LIKE 'bulk-%'), booking_history
      WHERE booking_id = '${business.bookings[0]}'`);
    db.close();
    const target = await freshDatabase();
    databases.push(target);
    const there = await copyDatabase(big, target.url);
    assert.equal(there.tables.find((t) => t.name === 'bookings')?.rows, business.bookings.length + 30_000);
    const back = await copyDatabase(target.url, join(dir, 'big-back.sqlite'));
    assert.deepEqual(back.tables, there.tables);
    // How fast is the bench's business, not a test's (a shared machine may be slow): the rate is only reported.
    for (const [name, s] of [
      ['SQLite → PostgreSQL', there],
      ['PostgreSQL → SQLite', back],
    ] as const) {
      process.stderr.write(`# ${name}: ${s.rows} rows in ${Math.round(s.ms)} ms (${Math.round(s.rows / (s.ms / 1000))} rows/s)\n`);
    }
  });

  it('a server on the PostgreSQL copy adds bookings past the copied ids and history numbers', async () => {
    const copy = await startServerOn(await createPostgresStorage(postgres.url), serverOptions);
    try {
      const yoga = await serviceNamed(copy, 'Community Yoga');
      const r = await copy.call('POST', '/bookings/v2/bookings', {
        token: business.visitor,
        body: classBooking(yoga, await eventIdAt(copy, yoga, '2026-12-26T10:00:00')),
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const [last] = await copy.sql<{ id: string }>('SELECT booking_id AS id FROM booking_history ORDER BY seq DESC LIMIT 1');
      assert.equal(last?.id, r.body.booking.id);
      const [newest] = await copy.sql<{ id: string }>('SELECT id FROM bookings ORDER BY rowid DESC LIMIT 1');
      assert.equal(newest?.id, r.body.booking.id);
    } finally {
      await copy.close();
    }
  });
});

function output(): { text: string; out(text: string): void; err(text: string): void } {
  const io = { text: '', out: () => undefined, err: (more: string) => void (io.text += more) };
  return io;
}
