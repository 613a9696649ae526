/**
 * The owner's Refund (`POST /ecom/v1/orders/{id}/refund`, an extension) and the business's read of a booking's
 * order (`GET /ecom/v1/orders?bookingId=`): one refund path with the automatic refund after a cancel, so an
 * online charge goes back through the provider once, a payment only marked as paid is recorded as refunded
 * offline, a second Refund or a later cancel gives nothing back twice, and STAFF may not refund.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER_KEY, errorShape, type TestServer } from './helpers.js';
import { appointmentBooking, eventIdAt, serviceNamed, visitorToken, type DemoService, staffToken } from './bookings-fixtures.js';
import { book, cart, checkout, getBooking, getOrder, paymentRows, sleep, startMoneyServer, visa } from './money-fixtures.js';

describe('the owner refunds an order', () => {
  let server: TestServer;
  let vinyasa: DemoService;
  let training: DemoService;
  let staff: string;
  const people = new Map<string, string>();

  before(async () => {
    server = await startMoneyServer();
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    training = await serviceNamed(server, 'Personal Training');
    for (const s of await server.storage.staff.list()) people.set(s.name, s.id);
    staff = await staffToken(server);
  });
  after(() => server.close());

  const refund = (orderId: string, body: Record<string, unknown> = {}, token = OWNER_KEY) =>
    server.call('POST', `/ecom/v1/orders/${orderId}/refund`, { token, body });

  async function placed(date: string, option: 'ONLINE' | 'OFFLINE') {
    const c = await cart(server, vinyasa, await eventIdAt(server, vinyasa, date), option);
    const order = await server.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, {
      token: c.token,
      body: option === 'ONLINE' ? { payment: visa } : {},
    });
    assert.equal(order.status, 200, JSON.stringify(order.body));
    return { ...c, orderId: order.body.orderId as string };
  }

  it('gives back a card payment through the provider once: REFUNDED, FULLY_REFUNDED; again and a later cancel refund nothing more', async () => {
    const o = await placed('2026-12-09T18:00:00', 'ONLINE');
    assert.equal((await getBooking(server, o.bookingId)).paymentStatus, 'PAID');
    const first = await refund(o.orderId, { bookingId: o.bookingId });
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.equal(first.body.order.paymentStatus, 'FULLY_REFUNDED');
    assert.equal(first.body.order.balanceSummary.paid.amount, '0.00');
    const booking = await getBooking(server, o.bookingId);
    assert.equal(booking.paymentStatus, 'REFUNDED');
    assert.notEqual(booking.status, 'CANCELED', 'a refund changes the money, not the booking');
    assert.deepEqual(await paymentRows(server, o.orderId), { charges: 1, refunds: 1 });

    const again = await refund(o.orderId, { bookingId: o.bookingId });
    assert.equal(again.status, 200, 'idempotent');
    assert.equal(again.body.order.paymentStatus, 'FULLY_REFUNDED');
    const canceled = await server.call('POST', `/bookings/v2/bookings/${o.bookingId}/cancel`, {
      token: OWNER_KEY,
      body: { revision: booking.revision },
    });
    assert.equal(canceled.status, 200, JSON.stringify(canceled.body));
    await sleep(200); // the automatic refund after a cancel runs after commit; it must find nothing to do
    assert.deepEqual(await paymentRows(server, o.orderId), { charges: 1, refunds: 1 });
    assert.equal((await getBooking(server, o.bookingId)).paymentStatus, 'REFUNDED');
  });

  it('records a payment only marked as paid as refunded offline', async () => {
    const o = await placed('2026-12-09T18:00:00', 'OFFLINE');
    assert.equal((await server.call('POST', `/ecom/v1/orders/${o.orderId}/mark-as-paid`, { token: OWNER_KEY, body: {} })).status, 200);
    const r = await refund(o.orderId);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.order.paymentStatus, 'FULLY_REFUNDED');
    assert.equal((await getBooking(server, o.bookingId)).paymentStatus, 'REFUNDED');
    const rows = await server.storage.commerce.payments.listForOrder(o.orderId);
    assert.deepEqual(
      rows.map((p) => [p.kind, p.provider, p.status]),
      [['REFUND', 'offline', 'SUCCEEDED']],
    );
    assert.equal(rows[0]?.amountMinor, 2000, 'the class price, $20.00');
  });

  it('refuses what was never paid (409), an order that does not exist (404), and STAFF (403)', async () => {
    const unpaid = await placed('2026-12-09T18:00:00', 'OFFLINE');
    const r = await refund(unpaid.orderId, { bookingId: unpaid.bookingId });
    assert.equal(r.status, 409);
    assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'INVALID_PAYMENT_STATUS' });
    assert.match(r.body.message, /nothing to refund/);
    assert.equal((await refund('no-such-order')).status, 404);
    assert.equal((await refund(unpaid.orderId, { bookingId: 'someone-else' })).status, 404);
    assert.equal((await refund(unpaid.orderId, { bookingId: 7 })).status, 400, 'the body is validated');
    const paid = await placed('2026-12-09T18:00:00', 'ONLINE');
    assert.equal((await refund(paid.orderId, {}, staff)).status, 403);
    assert.equal((await getOrder(server, paid.orderId)).paymentStatus, 'PAID', 'untouched');
  });

  it("reads a booking's order for the business: none yet is an empty list; STAFF only its own (another's is 404)", async () => {
    const token = await visitorToken(server);
    const appointment = async (who: string, start: string) => {
      const body = appointmentBooking(training, start, start.replace('T10', 'T11')) as {
        booking: { bookedEntity: { slot: Record<string, unknown> } };
      };
      body.booking.bookedEntity.slot['resource'] = { id: people.get(who) };
      return book(server, token, body);
    };
    const alexs = await appointment('Alex Rivera', '2026-12-10T10:00:00');
    const sams = await appointment('Sam Patel', '2026-12-10T10:00:00');
    const none = await server.call('GET', `/ecom/v1/orders?bookingId=${alexs.id}`, { token: OWNER_KEY });
    assert.equal(none.status, 200, JSON.stringify(none.body));
    assert.deepEqual(none.body.orders, []);
    const co = await checkout(server, token, alexs.id);
    const placedOrder = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { token, body: { payment: visa } });
    const orderId = placedOrder.body.orderId as string;
    const mine = await server.call('GET', `/ecom/v1/orders?bookingId=${alexs.id}`, { token: staff });
    assert.equal(mine.status, 200, JSON.stringify(mine.body));
    assert.deepEqual(
      mine.body.orders.map((o: { id: string; paymentStatus: string }) => [o.id, o.paymentStatus]),
      [[orderId, 'PAID']],
    );
    assert.equal(mine.body.orders[0].lineItems[0].catalogReference.catalogItemId, alexs.id);
    const others = await server.call('GET', `/ecom/v1/orders?bookingId=${sams.id}`, { token: staff });
    assert.equal(others.status, 404);
    assert.equal((await server.call('GET', `/ecom/v1/orders?bookingId=${sams.id}`, { token })).status, 403, 'not for customers');
    assert.equal((await server.call('GET', '/ecom/v1/orders', { token: OWNER_KEY })).status, 400, 'bookingId is required');
  });
});
