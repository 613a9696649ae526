/**
 * Create-order races (contract section 7): the charge is claimed before it is made. 50 create-orders of one
 * checkout charge once and make one order; 50 checkouts of one booking paid at once make one order, charge one
 * payNow and never answer 5xx. The sandbox answers after 30 ms, as a real processor's round trip would: that is
 * the window in which two requests used to both charge.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import { serviceNamed, eventIdAt, visitorToken, classBooking, type DemoService } from './bookings-fixtures.js';
import { SandboxProvider } from '../../server/domain/payments/sandbox.js';
import { startMoneyServer, cart, book, checkout, count, paymentRows, getBooking, visa } from './money-fixtures.js';

const PARALLEL = 50;

describe('create-order races', () => {
  let server: TestServer;
  let sandbox: SandboxProvider;
  let vinyasa: DemoService;
  before(async () => {
    sandbox = new SandboxProvider({ latencyMs: 30 });
    server = await startMoneyServer(sandbox);
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
  });
  after(() => server.close());

  it(`${PARALLEL} parallel create-orders of one checkout, each with its own key: one charge, one order, the same orderId for all`, async () => {
    const c = await cart(server, vinyasa, await eventIdAt(server, vinyasa, '2026-12-07T18:00:00'));
    const before = sandbox.ledger();
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        server.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, {
          token: c.token,
          body: { payment: visa },
          headers: { 'idempotency-key': `attempt-${i}` },
        }),
      ),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [200], JSON.stringify(answers.find((a) => a.status !== 200)?.body));
    const orderIds = new Set(answers.map((a) => a.body.orderId));
    assert.equal(orderIds.size, 1, 'every attempt answers the one order');
    const after = sandbox.ledger();
    assert.equal(after.charges - before.charges, 1, 'exactly one successful charge at the provider');
    assert.equal(after.refunds - before.refunds, 0, 'no duplicate charge had to be given back');
    assert.equal(await count(server, 'SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', c.checkoutId), 1);
    assert.deepEqual(await paymentRows(server, [...orderIds][0]), { charges: 1, refunds: 0 });
    const booking = await getBooking(server, c.bookingId);
    assert.equal(booking.paymentStatus, 'PAID');
  });

  it(`${PARALLEL} checkouts of one booking paid at once: no 5xx, one order, net charge of one payNow`, async () => {
    const token = await visitorToken(server);
    const booking = await book(
      server,
      token,
      classBooking(vinyasa, await eventIdAt(server, vinyasa, '2026-12-09T18:00:00'), { selectedPaymentOption: 'ONLINE' }),
    );
    const checkouts = [];
    for (let i = 0; i < PARALLEL; i++) checkouts.push(await checkout(server, token, booking.id));
    const before = sandbox.ledger();
    const answers = await Promise.all(
      checkouts.map((co) => server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { token, body: { payment: visa } })),
    );
    const statuses = answers.map((a) => a.status);
    assert.ok(
      statuses.every((s) => s < 500),
      `no 5xx: ${JSON.stringify(answers.find((a) => a.status >= 500)?.body)}`,
    );
    assert.equal(statuses.filter((s) => s === 200).length, 1, 'one create-order wins');
    for (const loser of answers.filter((a) => a.status !== 200)) {
      assert.ok([409, 428].includes(loser.status));
      assert.ok(
        ['BOOKING_ORDER_IN_PROGRESS', 'BOOKING_ALREADY_ORDERED', 'BOOKING_NOT_AWAITING_CHECKOUT'].includes(
          loser.body.details.applicationError.code,
        ),
        loser.body.message,
      );
    }
    const ids = checkouts.map((co) => co.id);
    assert.equal(await count(server, `SELECT COUNT(*) AS n FROM orders WHERE checkout_id IN (${ids.map(() => '?').join(',')})`, ...ids), 1);
    const after = sandbox.ledger();
    assert.equal(
      after.chargedMinor - before.chargedMinor - (after.refundedMinor - before.refundedMinor),
      2000,
      'the net charge is one payNow',
    );
    assert.equal(after.charges - before.charges, 1, 'a loser is never charged at all');
    assert.equal((await getBooking(server, booking.id)).paymentStatus, 'PAID');
  });
});
