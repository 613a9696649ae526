/**
 * A pricing plan bought with a payment that fails after it was accepted (sandbox `tok_async_declined`) ends:
 * CANCELED in the member's plans with no credits, its bookings still ahead declined, and it pays for nothing more.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import { serviceNamed, eventIdAt, classBooking, type DemoService } from './bookings-fixtures.js';
import { SandboxProvider } from '../../server/domain/payments/sandbox.js';
import { startMoneyServer, book, checkout, until, newMember, planNamed, getBooking, count } from './money-fixtures.js';

describe('a plan whose payment fails later', () => {
  let server: TestServer;
  let vinyasa: DemoService;
  before(async () => {
    server = await startMoneyServer(new SandboxProvider({ settleAfterMs: 400 }));
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
  });
  after(() => server.close());

  const plansOf = async (token: string) => (await server.call('GET', '/pricing-plans/v2/member/orders', { token })).body.orders;

  it('is canceled with its credits gone; the booking it paid for is declined; it pays for no new booking', async () => {
    const member = await newMember(server, 'late.failure@example.com');
    const pass = await planNamed(server, '10-Class Pass');
    const bought = await server.call('POST', '/pricing-plans/v2/orders', {
      token: member.token,
      body: { planId: pass.id, payment: { provider: 'sandbox', cardToken: 'tok_async_declined' } },
    });
    assert.equal(bought.status, 200);
    assert.equal(bought.body.order.status, 'ACTIVE', 'accepted for later settlement: usable at once');

    // Booked with the plan before the bank's answer arrives.
    const booking = await book(
      server,
      member.token,
      classBooking(vinyasa, await eventIdAt(server, vinyasa, '2026-12-09T18:00:00'), { selectedPaymentOption: 'MEMBERSHIP' }),
    );
    const co = await checkout(server, member.token, booking.id);
    const order = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { token: member.token, body: {} });
    assert.equal(order.status, 200, JSON.stringify(order.body));
    assert.equal((await getBooking(server, booking.id)).status, 'CONFIRMED');
    assert.equal((await plansOf(member.token))[0].credits.remaining, 9);

    const [ended] = await until(
      () => plansOf(member.token),
      (orders) => orders[0]?.status !== 'ACTIVE',
      'the plan to end',
      4_000,
    );
    assert.equal(ended.status, 'CANCELED');
    assert.equal(ended.credits.remaining, 0, 'its credits are gone');
    assert.equal(ended.cancellation.cause, 'PAYMENT_FAILURE');

    const declined = await until(
      () => getBooking(server, booking.id),
      (b) => b.status !== 'CONFIRMED',
      'the booking to be declined',
      2_000,
    );
    assert.equal(declined.status, 'DECLINED');
    assert.equal(declined.paymentStatus, 'NOT_PAID');
    assert.equal((await plansOf(member.token))[0].credits.remaining, 0, 'the declined booking gives no credit back to a canceled plan');
    assert.equal(
      await count(server, "SELECT COUNT(*) AS n FROM payments WHERE plan_order_id = ? AND status = 'FAILED'", bought.body.order.id),
      1,
    );

    const next = await book(
      server,
      member.token,
      classBooking(vinyasa, await eventIdAt(server, vinyasa, '2026-12-14T18:00:00'), { selectedPaymentOption: 'MEMBERSHIP' }),
    );
    const co2 = await checkout(server, member.token, next.id);
    const refused = await server.call('POST', `/ecom/v1/checkouts/${co2.id}/create-order`, { token: member.token, body: {} });
    assert.equal(refused.status, 428);
    assert.equal(refused.body.details.applicationError.code, 'PLAN_CANCELED');
    assert.equal((await getBooking(server, next.id)).status, 'CREATED');
  });
});
