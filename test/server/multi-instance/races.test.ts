/**
 * Capacity races on two instances sharing one PostgreSQL (issue 14, contract sections 6 and 14): the section 6
 * invariant holds across processes exactly as within one. 500 visitors split across both instances race for the
 * last 3 spots of a free class; 40 customers split across both pay for the last 2 spots of a paid class.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SandboxProvider } from '../../../server/domain/payments/sandbox.js';
import { OWNER_KEY, visitorToken, serviceNamed, eventIdAt, classBooking } from '../bookings-fixtures.js';
import { cart, visa } from '../money-fixtures.js';
import { startPair, tally, type Pair } from './two-instances.js';

const VISITORS = 500;
const PAYERS = 40;

describe('races on two instances over one PostgreSQL', () => {
  let pair: Pair;
  before(async () => {
    pair = await startPair(() => ({ paymentProviders: [new SandboxProvider()] }));
  });
  after(() => pair.close());

  /** Bookings blocking the session (CONFIRMED or PENDING), and those of them flagged doubleBooked. */
  const blocking = async (eventId: string) => {
    const rows = await pair.a.storage.bookings.listForEvent(eventId, ['CONFIRMED', 'PENDING']);
    return { plain: rows.filter((r) => !r.booking.doubleBooked).length, flagged: rows.filter((r) => r.booking.doubleBooked).length };
  };

  it(`${VISITORS} visitors split across both for the last 3 spots of a free class: exactly 3 block, the rest declined or refused, no 5xx`, async () => {
    const yoga = await serviceNamed(pair.a, 'Community Yoga');
    const eventId = await eventIdAt(pair.a, yoga, '2026-12-05T10:00:00');
    // Each visitor gets its token from the instance it books on; the owner's decision goes to the other one.
    const tokens = await Promise.all(Array.from({ length: VISITORS }, (_, i) => visitorToken(pair.both[i % 2] ?? pair.a)));
    let sampling = true;
    let maxBlocking = 0;
    const sampler = (async () => {
      while (sampling) {
        maxBlocking = Math.max(maxBlocking, (await blocking(eventId)).plain);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const outcomes = await Promise.all(
      tokens.map(async (token, i) => {
        const [mine, other] = i % 2 === 0 ? [pair.a, pair.b] : [pair.b, pair.a];
        const created = await mine.call('POST', '/bookings/v2/bookings', {
          token,
          body: classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }),
        });
        if (created.status !== 200) {
          return { create: created.status, code: created.body?.details?.applicationError?.code as string | undefined };
        }
        const decided = await other.call('POST', `/bookings/v2/confirmation/${created.body.booking.id}:confirmOrDecline`, {
          token: OWNER_KEY,
          body: {},
        });
        return { create: 200, decide: decided.status, status: decided.body?.booking?.status as string | undefined };
      }),
    );
    sampling = false;
    await sampler;

    const creates = tally(outcomes.map((o) => o.create));
    const decisions = tally(outcomes.flatMap((o) => (o.decide === undefined ? [] : [o.decide])));
    // Every status code: creates are 200 or 428 (full), decisions are all 200.
    assert.deepEqual(
      Object.keys(creates).filter((s) => s !== '200' && s !== '428'),
      [],
      JSON.stringify(creates),
    );
    assert.deepEqual(Object.keys(decisions), ['200'], JSON.stringify(decisions));
    const refused = outcomes.filter((o) => o.create === 428);
    assert.ok(
      refused.every((o) => o.code === 'SLOT_NOT_AVAILABLE' || o.code === 'SESSION_CAPACITY_EXCEEDED'),
      JSON.stringify([...new Set(refused.map((o) => o.code))]),
    );
    const confirmed = outcomes.filter((o) => o.status === 'CONFIRMED').length;
    const declined = outcomes.filter((o) => o.status === 'DECLINED').length;
    assert.equal(confirmed, 3, JSON.stringify({ creates, decisions }));
    assert.equal(confirmed + declined + refused.length, VISITORS);
    assert.ok(maxBlocking <= 3, `at one point ${maxBlocking} bookings blocked a session of 3`);
    assert.deepEqual(await blocking(eventId), { plain: 3, flagged: 0 });
    // Both instances answer the same for the session: no room left.
    for (const server of pair.both) {
      const late = await server.call('POST', '/bookings/v2/bookings', {
        token: await visitorToken(server),
        body: classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }),
      });
      assert.equal(late.status, 428, JSON.stringify(late.body));
    }
  });

  it(`${PAYERS} customers split across both pay for the last 2 spots: 2 normal, the overflow kept as doubleBooked with one notification each, one charge each`, async () => {
    const vinyasa = await serviceNamed(pair.b, 'Vinyasa Flow');
    const eventId = await eventIdAt(pair.b, vinyasa, '2026-12-07T18:00:00');
    // Fill 10 of the 12 spots through both instances.
    for (let i = 0; i < 10; i++) {
      const r = await (pair.both[i % 2] ?? pair.a).call('POST', '/bookings/v2/bookings', {
        token: OWNER_KEY,
        body: {
          ...classBooking(vinyasa, eventId, { selectedPaymentOption: 'OFFLINE' }),
          flowControlSettings: { skipBusinessConfirmation: true },
        },
      });
      assert.equal(r.body.booking?.status, 'CONFIRMED', JSON.stringify(r.body));
    }
    assert.deepEqual(await blocking(eventId), { plain: 10, flagged: 0 });
    const notificationsBefore = (await pair.a.call('GET', '/bookings/v2/notifications', { token: OWNER_KEY })).body.notifications
      .length as number;
    // Everyone has a booking and a checkout on one instance while 2 spots are left; all pay at once on the other.
    const carts = await Promise.all(Array.from({ length: PAYERS }, (_, i) => cart(pair.both[i % 2] ?? pair.a, vinyasa, eventId)));
    const paid = await Promise.all(
      carts.map(async (c, i) => {
        const other = pair.both[(i + 1) % 2] ?? pair.a;
        const order = await other.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, {
          token: c.token,
          body: { payment: visa },
        });
        return { status: order.status, orderId: order.body?.orderId as string, bookingId: c.bookingId, body: order.body };
      }),
    );
    assert.deepEqual(tally(paid.map((p) => p.status)), { 200: PAYERS }, JSON.stringify(paid.find((p) => p.status !== 200)?.body));
    const bookings = await Promise.all(
      paid.map(
        async (p, i) =>
          (await (pair.both[i % 2] ?? pair.a).call('GET', `/bookings/v2/bookings/${p.bookingId}`, { token: OWNER_KEY })).body.booking,
      ),
    );
    assert.ok(
      bookings.every((b) => b.status === 'CONFIRMED' && b.paymentStatus === 'PAID'),
      'paid bookings are never declined',
    );
    const flagged = new Set(bookings.filter((b) => b.doubleBooked === true).map((b) => b.id as string));
    assert.equal(flagged.size, PAYERS - 2);
    assert.deepEqual(await blocking(eventId), { plain: 12, flagged: PAYERS - 2 });
    // One owner notification per flagged booking, the same list on both instances.
    const lists = await Promise.all(pair.both.map((s) => s.call('GET', '/bookings/v2/notifications', { token: OWNER_KEY })));
    assert.deepEqual(lists[0]?.body, lists[1]?.body);
    const notifications = (lists[0]?.body.notifications as { bookingId: string }[]).slice(0, -notificationsBefore || undefined);
    assert.equal(notifications.length, PAYERS - 2);
    assert.deepEqual(new Set(notifications.map((n) => n.bookingId)), flagged);
    // One charge per order, of the class's price.
    for (const p of paid) {
      const charges = (await pair.a.storage.commerce.payments.listForOrder(p.orderId)).filter((r) => r.kind === 'CHARGE');
      assert.equal(charges.length, 1, `order ${p.orderId}: ${charges.length} charges`);
      assert.equal(charges[0]?.status, 'SUCCEEDED');
      assert.equal(charges[0]?.amountMinor, 2000);
    }
  });
});
