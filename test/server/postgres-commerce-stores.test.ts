/**
 * The PostgreSQL commerce stores against the SQLite ones, differentially: every call runs on both (SQLite in
 * memory, PostgreSQL on a fresh migrated database), and every answer must be deepEqual between the two as well as
 * equal to the value written here. Covers checkouts, orders and their bookings (revisions, refund states), payments
 * (ordering, provider references, status moves), plan credits (use, give back, unlimited and canceled plans), plan
 * order cancellation, and order claims; the claims, revisions, status moves and credits also race on two executors
 * of the same database (two instances): exactly one wins.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckoutRecord, OrderRecord } from '../../src/model/checkout.js';
import type { CommerceStores, OrderBookingLink, PaymentRecord, StoredOrder } from '../../server/storage/commerce-types.js';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/index.js';
import { PostgresExecutor } from '../../server/storage/postgres/executor.js';
import { createPostgresCommerceStores } from '../../server/storage/postgres/commerce-stores.js';
import { migratedDatabase } from './postgres-fixtures.js';

const T = '2026-03-01T10:00:00.000Z';
const money = (value: string) => ({ value, currency: 'EUR' });
const summary = (value: string) => ({ subtotal: money(value), total: money(value) });

let sqlite: SqliteStorage;
let pg: Awaited<ReturnType<typeof migratedDatabase>>;
let other: PostgresExecutor;
let S: CommerceStores;
let P: CommerceStores;
/** The stores of a second instance on the same PostgreSQL database. */
let P2: CommerceStores;

/** Runs the call on both backends; the answers must be the same, and are returned. */
async function both<T>(call: (s: CommerceStores) => Promise<T>): Promise<T> {
  const [fromSqlite, fromPostgres] = [await call(S), await call(P)];
  assert.deepEqual(fromPostgres, fromSqlite);
  return fromSqlite;
}
async function bothReject(call: (s: CommerceStores) => Promise<unknown>): Promise<void> {
  await assert.rejects(call(S));
  await assert.rejects(call(P));
}
/** A parent row, inserted with plain SQL on both sides. */
async function insert(table: string, row: Record<string, string | number | null>): Promise<void> {
  const keys = Object.keys(row);
  const text = `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')})`;
  await sqlite.executor.exec((db) => db.prepare(text.replace(/\$\d+/g, '?')).run(...Object.values(row)));
  await pg.x.query(text, Object.values(row));
}
async function remaining(planOrderId: string): Promise<number | null> {
  const q = 'SELECT credits_remaining AS r FROM member_plan_orders WHERE id = $1';
  const a = await sqlite.executor.exec((db) => db.prepare(q.replace('$1', '?')).get(planOrderId) as { r: number | null });
  const b = await pg.x.one<{ r: number | null }>(q, [planOrderId]);
  assert.deepEqual(b, a);
  return a.r;
}

const item = { id: 'li1', quantity: 1, catalogReference: { appId: 'app', catalogItemId: 'b1' }, price: money('10.00') };
// Dates not in toISOString's form: the documents must come back with their own text.
const checkout = (id: string): CheckoutRecord => ({
  ...{ id, lineItems: [{ ...item, paymentOption: 'FULL_PAYMENT_ONLINE' }], priceSummary: summary('10.00'), payNow: summary('10.00') },
  ...{ payLater: summary('0.00'), currency: 'EUR', createdDate: '2026-03-01T10:00:00Z', updatedDate: '2026-03-01T10:00:00.5+00:00' },
});
const order = (id: string, checkoutId: string, over: Partial<OrderRecord> = {}): OrderRecord => ({
  ...{ id, checkoutId, status: 'INITIALIZED', paymentStatus: 'NOT_PAID', lineItems: checkout(checkoutId).lineItems },
  ...{ priceSummary: summary('90000000000.00'), balance: { balance: money('90000000000.00') } },
  ...{ createdDate: '2026-03-01T10:00:01Z', updatedDate: '2026-03-01T10:00:01Z', ...over },
});
const link = (bookingId: string, orderId: string): OrderBookingLink => {
  return { bookingId, orderId, paymentOption: 'FULL_PAYMENT_ONLINE', priceMinor: 4_500_000_000_000, payNowMinor: 4_500_000_000_000 };
};
const at = (seconds: number) => new Date(Date.parse(T) + seconds * 1000).toISOString();
const claim = (checkoutId: string, bookingIds: string[], claimId: string, t = 0) => {
  return { checkoutId, bookingIds, claimId, at: at(t), claimedUntil: at(t + 30) };
};
const payment = (id: string, over: Partial<PaymentRecord> = {}): PaymentRecord => {
  const money = { amountMinor: 9_000_000_000_000, currency: 'EUR', status: 'PENDING' as const, createdDate: T };
  return { id, orderId: 'o1', kind: 'CHARGE', provider: 'sandbox', ...money, ...over };
};

// Hooks inside the suite: the fixture's file-level `after` stops the PostgreSQL server once they have run.
describe('PostgreSQL commerce stores answer as the SQLite ones', () => {
  before(async () => {
    sqlite = createSqliteStorage(':memory:');
    pg = await migratedDatabase();
    other = new PostgresExecutor({ connectionString: pg.url });
    [S, P, P2] = [sqlite.commerce, createPostgresCommerceStores(pg.x), createPostgresCommerceStores(other)];
    const dates = { created_date: T, updated_date: T };
    await insert('booking_policies', { id: 'pol', name: 'Policy', is_default: 0, policy_json: '{}', revision: 1, ...dates });
    const flags = { pay_online: 1, pay_in_person: 1, pay_deposit: 0, pay_pricing_plan: 1, online_enabled: 1 };
    await insert('services', {
      ...{ id: 'svc', type: 'APPOINTMENT', name: 'Massage', default_capacity: 1, rate_type: 'FIXED', currency: 'EUR', ...flags },
      ...{ require_manual_approval: 0, allow_multiple_requests: 0, schedule_id: 'sch', session_durations_json: '[60]', policy_id: 'pol' },
      ...{ revision: 1, ...dates },
    });
    for (let i = 1; i <= 12; i++) {
      const day = `2026-04-${String(i).padStart(2, '0')}`;
      const times = { start_utc: `${day}T10:00:00.000Z`, end_utc: `${day}T11:00:00.000Z`, status: 'CREATED', payment_status: 'NOT_PAID' };
      const row = { id: `b${i}`, service_id: 'svc', schedule_id: 'sch', participants: 1, booking_json: '{}', revision: 1 };
      await insert('bookings', { ...row, ...times, ...dates });
    }
    await insert('contacts', { id: 'c1', ...dates });
    await insert('members', { id: 'm1', contact_id: 'c1', email: 'ann@example.com', password_hash: 'x', ...dates });
    const plan = { id: 'plan', name: 'Ten', price_minor: 5000, currency: 'EUR', credits: 3, duration_days: 30 };
    await insert('pricing_plans', { ...plan, created_date: T });
    const credits: Record<string, number | null> = { po1: 3, po2: null, po3: 1, po4: 5 };
    for (const [i, [id, n]] of Object.entries(credits).entries()) {
      const dated = { start_date: T, expiration_date: '2026-04-01T10:00:00.000Z', created_date: `2026-03-01T10:00:0${i}.000Z` };
      await insert('member_plan_orders', { id, plan_id: 'plan', member_id: 'm1', credits_total: n, credits_remaining: n, ...dated });
    }
  });
  after(async () => {
    await other?.close();
    await pg?.close();
    await sqlite?.close();
  });

  it('checkouts: insert, get (the document as written), setOrderId, a duplicate id refused', async () => {
    for (const id of ['ch1', 'ch2', 'ch3', 'ch4']) await both((s) => s.checkouts.insert({ checkout: checkout(id), scope: 'visitor:v1' }));
    assert.deepEqual(await both((s) => s.checkouts.get('ch1')), { checkout: checkout('ch1'), scope: 'visitor:v1' });
    assert.equal(await both((s) => s.checkouts.get('nope')), null);
    await both((s) => s.checkouts.setOrderId('ch1', 'o1'));
    assert.deepEqual(await both((s) => s.checkouts.get('ch1')), { checkout: { ...checkout('ch1'), orderId: 'o1' }, scope: 'visitor:v1' });
    await bothReject((s) => s.checkouts.insert({ checkout: checkout('ch1'), scope: 'owner' }));
  });

  it('orders: insert with bookings, get, revisions, links, refund states', async () => {
    const stored: StoredOrder = { order: order('o1', 'ch1'), scope: 'member:m1', paidMinor: 0, totalMinor: 9_000_000_000_000, revision: 1 };
    await both((s) => s.orders.insert(stored, [link('b1', 'o1'), link('b2', 'o1')]));
    assert.deepEqual(await both((s) => s.orders.get('o1')), stored);
    assert.equal(await both((s) => s.orders.get('nope')), null);
    const approved = order('o1', 'ch1', { status: 'APPROVED', paymentStatus: 'PAID', updatedDate: '2026-03-01T10:05:00Z' });
    const paid: StoredOrder = { ...stored, order: approved, paidMinor: 9_000_000_000_000, revision: 2 };
    assert.equal(await both((s) => s.orders.update(paid, 5)), false);
    assert.equal(await both((s) => s.orders.update(paid, 1)), true);
    assert.equal(await both((s) => s.orders.update(paid, 1)), false);
    assert.deepEqual(await both((s) => s.orders.get('o1')), paid);
    assert.deepEqual(await both((s) => s.orders.links('o1')), [link('b1', 'o1'), link('b2', 'o1')]);
    assert.deepEqual(await both((s) => s.orders.links('nope')), []);
    assert.deepEqual(await both((s) => s.orders.linkForBooking('b2')), link('b2', 'o1'));
    assert.equal(await both((s) => s.orders.linkForBooking('b9')), null);
    assert.equal(await both((s) => s.orders.moveRefund('b1', 'CLAIMED', 'DONE')), false);
    assert.equal(await both((s) => s.orders.moveRefund('b1', null, 'CLAIMED')), true);
    assert.equal(await both((s) => s.orders.moveRefund('b1', null, 'CLAIMED')), false);
    assert.deepEqual(await both((s) => s.orders.linkForBooking('b1')), { ...link('b1', 'o1'), refundState: 'CLAIMED' });
    assert.equal(await both((s) => s.orders.moveRefund('b1', 'CLAIMED', 'DONE')), true);
    assert.deepEqual(await both((s) => s.orders.links('o1')), [{ ...link('b1', 'o1'), refundState: 'DONE' }, link('b2', 'o1')]);
    assert.equal(await both((s) => s.orders.moveRefund('b1', 'DONE', null)), true);
    assert.deepEqual(await both((s) => s.orders.linkForBooking('b1')), link('b1', 'o1'));
    assert.equal(await both((s) => s.orders.moveRefund('nope', null, 'CLAIMED')), false);
    await bothReject((s) => s.orders.insert({ ...stored, order: order('o1', 'ch2') }, []));
  });

  it('orders: a booking already in an order is refused; PostgreSQL keeps nothing of that order', async () => {
    const stored: StoredOrder = { order: order('o2', 'ch2'), scope: 'owner', paidMinor: 0, totalMinor: 100, revision: 1 };
    await bothReject((s) => s.orders.insert(stored, [link('b3', 'o2'), link('b1', 'o2')]));
    // SQLite writes the order and each booking in statements of their own (no transaction): there, the order stays.
    assert.equal((await S.orders.get('o2'))?.order.id, 'o2');
    assert.equal(await P.orders.get('o2'), null);
    assert.equal(await P.orders.linkForBooking('b3'), null);
  });

  it('orders: two instances updating the same revision, or moving the same refund: exactly one wins', async () => {
    const o3: StoredOrder = { order: order('o3', 'ch3'), scope: 'owner', paidMinor: 0, totalMinor: 100, revision: 1 };
    await both((s) => s.orders.insert(o3, [link('b4', 'o3')]));
    for (let round = 1; round <= 5; round++) {
      const next = { ...o3, revision: round + 1 };
      const won = await Promise.all([P.orders.update(next, round), P2.orders.update(next, round)]);
      assert.deepEqual(won.filter(Boolean).length, 1);
      const refunds = await Promise.all([P.orders.moveRefund('b4', null, 'CLAIMED'), P2.orders.moveRefund('b4', null, 'CLAIMED')]);
      assert.equal(refunds.filter(Boolean).length, 1);
      assert.equal(await P.orders.moveRefund('b4', 'CLAIMED', null), true);
    }
    assert.equal((await P.orders.get('o3'))?.revision, 6);
  });

  it('payments: insert, listForOrder in time then arrival order, findByProviderRef, setStatus, moveStatus', async () => {
    const p1 = payment('p1', { providerRef: 'ref-1', reason: '' });
    const p2 = payment('p2', { kind: 'REFUND', providerRef: 'ref-1', amountMinor: 500, createdDate: '2026-03-01T11:00:00.000Z' });
    const p3 = payment('p3', { providerRef: 'ref-3' });
    const p0 = payment('p0', { status: 'SUCCEEDED', createdDate: '2026-03-01T09:00:00.000Z' });
    const plan = payment('pp', { orderId: undefined, planOrderId: 'po4', providerRef: 'ref-p', amountMinor: 5000 });
    delete plan.orderId;
    for (const p of [p1, p2, p3, p0, plan]) await both((s) => s.payments.insert(p));
    const { reason: _empty, ...p1Read } = p1; // an empty reason reads as none
    assert.deepEqual(await both((s) => s.payments.listForOrder('o1')), [p0, p1Read, p3, p2]);
    assert.deepEqual(await both((s) => s.payments.listForOrder('nope')), []);
    assert.deepEqual(await both((s) => s.payments.findByProviderRef('sandbox', 'ref-1')), p1Read);
    assert.deepEqual(await both((s) => s.payments.findByProviderRef('sandbox', 'ref-p')), plan);
    assert.equal(await both((s) => s.payments.findByProviderRef('other', 'ref-1')), null);
    await bothReject((s) => s.payments.insert(p1));
    await both((s) => s.payments.setStatus('p3', 'FAILED', 'card declined'));
    await both((s) => s.payments.setStatus('p3', 'PENDING'));
    assert.deepEqual(await both((s) => s.payments.findByProviderRef('sandbox', 'ref-3')), { ...p3, reason: 'card declined' });
    assert.equal(await both((s) => s.payments.moveStatus('p3', 'SUCCEEDED', 'FAILED')), false);
    assert.equal(await both((s) => s.payments.moveStatus('p3', 'PENDING', 'SUCCEEDED')), true);
    assert.equal(await both((s) => s.payments.moveStatus('p3', 'PENDING', 'FAILED', 'late')), false);
    assert.equal(await both((s) => s.payments.moveStatus('p1', 'PENDING', 'FAILED', 'expired')), true);
    const [p1Failed, p3Done] = [
      { ...p1Read, status: 'FAILED', reason: 'expired' },
      { ...p3, status: 'SUCCEEDED', reason: 'card declined' },
    ];
    assert.deepEqual(await both((s) => s.payments.listForOrder('o1')), [p0, p1Failed, p3Done, p2]);
    for (let round = 0; round < 5; round++) {
      const from = round % 2 === 0 ? 'SUCCEEDED' : 'PENDING';
      const to = round % 2 === 0 ? 'PENDING' : 'SUCCEEDED';
      const won = await Promise.all([P.payments.moveStatus('p3', from, to), P2.payments.moveStatus('p3', from, to)]);
      assert.equal(won.filter(Boolean).length, 1);
    }
  });

  it('plan credits: use, give back once, unlimited and canceled plans, plan order cancellation', async () => {
    const use = (bookingId: string, planOrderId: string, credits: number, usedDate = T) => ({ bookingId, planOrderId, credits, usedDate });
    assert.equal(await both((s) => s.credits.use(use('b5', 'po1', 2))), true);
    assert.equal(await remaining('po1'), 1);
    assert.equal(await both((s) => s.credits.use(use('b6', 'po1', 2))), false);
    assert.equal(await both((s) => s.credits.use({ ...use('b6', 'po1', 1), usedDate: '2026-03-01T09:00:00.000Z' })), true);
    assert.equal(await remaining('po1'), 0);
    assert.equal(await both((s) => s.credits.use(use('b7', 'nope', 1))), false);
    assert.deepEqual(await both((s) => s.credits.forBooking('b5')), use('b5', 'po1', 2));
    assert.equal(await both((s) => s.credits.forBooking('b7')), null);
    const earlier = use('b6', 'po1', 1, '2026-03-01T09:00:00.000Z');
    assert.deepEqual(await both((s) => s.credits.openUsesOf('po1')), [earlier, use('b5', 'po1', 2)]);
    assert.equal(await both((s) => s.credits.giveBack('b5', '2026-03-02T10:00:00.000Z')), 2);
    assert.equal(await both((s) => s.credits.giveBack('b5', '2026-03-03T10:00:00.000Z')), 0);
    assert.equal(await both((s) => s.credits.giveBack('b7', T)), 0);
    assert.equal(await remaining('po1'), 2);
    assert.deepEqual(await both((s) => s.credits.forBooking('b5')), { ...use('b5', 'po1', 2), returnedDate: '2026-03-02T10:00:00.000Z' });
    assert.deepEqual(await both((s) => s.credits.openUsesOf('po1')), [earlier]);
    // A booking uses credits once: a second use is refused and takes nothing.
    await bothReject((s) => s.credits.use(use('b6', 'po1', 1)));
    assert.equal(await remaining('po1'), 2);
    // Unlimited: nothing counted.
    assert.equal(await both((s) => s.credits.use(use('b8', 'po2', 5))), true);
    assert.equal(await remaining('po2'), null);
    assert.equal(await both((s) => s.credits.giveBack('b8', T)), 5);
    assert.equal(await remaining('po2'), null);
    // Canceled: its credits gone, nothing taken from it or given back to it.
    assert.deepEqual(await both((s) => s.planOrders.cancellations('m1')), []);
    assert.equal(await both((s) => s.planOrders.cancel('po1', '2026-03-05T10:00:00.000Z', 'payment failed')), true);
    assert.equal(await both((s) => s.planOrders.cancel('po1', '2026-03-06T10:00:00.000Z', 'again')), false);
    assert.equal(await both((s) => s.planOrders.cancel('nope', T, 'x')), false);
    assert.equal(await remaining('po1'), 0);
    assert.equal(await both((s) => s.credits.use(use('b9', 'po1', 1))), false);
    assert.equal(await both((s) => s.credits.giveBack('b6', T)), 1);
    assert.equal(await remaining('po1'), 0);
    assert.equal(await both((s) => s.planOrders.cancel('po2', '2026-03-04T10:00:00.000Z', '')), true);
    assert.equal(await remaining('po2'), null);
    assert.deepEqual(await both((s) => s.planOrders.cancellations('m1')), [
      { planOrderId: 'po1', canceledDate: '2026-03-05T10:00:00.000Z', reason: 'payment failed' },
      { planOrderId: 'po2', canceledDate: '2026-03-04T10:00:00.000Z', reason: '' },
    ]);
    assert.deepEqual(await both((s) => s.planOrders.cancellations('nobody')), []);
  });

  it('plan credits: two instances taking the last credit, or giving one back: exactly once', async () => {
    const [a, b] = await Promise.all([
      P.credits.use({ bookingId: 'b10', planOrderId: 'po3', credits: 1, usedDate: T }),
      P2.credits.use({ bookingId: 'b11', planOrderId: 'po3', credits: 1, usedDate: T }),
    ]);
    assert.equal([a, b].filter(Boolean).length, 1);
    const winner = a ? 'b10' : 'b11';
    const back = await Promise.all([P.credits.giveBack(winner, T), P2.credits.giveBack(winner, T)]);
    assert.deepEqual(back.sort(), [0, 1]);
    assert.equal((await pg.x.one<{ r: number }>('SELECT credits_remaining AS r FROM member_plan_orders WHERE id = $1', ['po3']))?.r, 1);
  });

  it('order claims: claim, busy, booking-busy, release, lapsed claims taken over, all or nothing', async () => {
    assert.deepEqual(await both((s) => s.orderClaims.claim(claim('ch1', ['b1', 'b2'], 'k1'))), { kind: 'claimed' });
    assert.deepEqual(await both((s) => s.orderClaims.claim(claim('ch1', ['b1', 'b2'], 'k2', 10))), { kind: 'busy' });
    assert.deepEqual(await both((s) => s.orderClaims.claim(claim('ch1', [], 'k2', 10))), { kind: 'busy' });
    assert.deepEqual(await both((s) => s.orderClaims.claim(claim('ch2', ['b3', 'b2'], 'k3', 10))), {
      kind: 'booking-busy',
      bookingId: 'b2',
    });
    assert.deepEqual(await both((s) => s.orderClaims.claim(claim('ch2', ['b3'], 'k4', 10))), { kind: 'claimed' });
    await both((s) => s.orderClaims.release('k1'));
    await both((s) => s.orderClaims.release('nope'));
    assert.deepEqual(await both((s) => s.orderClaims.claim(claim('ch3', ['b2', 'b3'], 'k5', 20))), {
      kind: 'booking-busy',
      bookingId: 'b3',
    });
    // k4's lease ended at 40: taken over.
    assert.deepEqual(await both((s) => s.orderClaims.claim(claim('ch3', ['b2', 'b3'], 'k5', 40))), { kind: 'claimed' });
    // A booking named twice: refused, and nothing of the claim is kept.
    await bothReject((s) => s.orderClaims.claim(claim('ch4', ['b12', 'b12'], 'k6', 40)));
    assert.deepEqual(await both((s) => s.orderClaims.claim(claim('ch4', ['b12'], 'k7', 40))), { kind: 'claimed' });
  });

  it('order claims: two instances claiming the same checkout, or the same booking: exactly one wins', async () => {
    for (let round = 0; round < 6; round++) {
      const t = 1000 + round * 100;
      const race = (a: [string, string[]], b: [string, string[]], id: string) =>
        Promise.all([P.orderClaims.claim(claim(...a, `${id}a`, t)), P2.orderClaims.claim(claim(...b, `${id}b`, t))]);
      const same = await race([`r${round}`, ['b9']], [`r${round}`, ['b9']], `x${round}`);
      assert.deepEqual(same.map((o) => o.kind).sort(), ['busy', 'claimed']);
      const overlap = await race([`s${round}`, ['b10', 'b11']], [`u${round}`, ['b11', 'b10']], `y${round}`);
      assert.deepEqual(overlap.map((o) => o.kind).sort(), ['booking-busy', 'claimed']);
      for (const k of ['x', 'y']) for (const side of ['a', 'b']) await P.orderClaims.release(`${k}${round}${side}`);
    }
  });
});
