/**
 * An order's money after it was placed, over HTTP: every change goes through the payment state machine, so a
 * refunded order cannot be marked as paid (and refunded again), marking twice does nothing twice, a late
 * settlement that arrives twice counts once, and a refund racing a mark-as-paid keeps the books straight.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import { OWNER_KEY, serviceNamed, eventIdAt, appointmentBooking, visitorToken, type DemoService } from './bookings-fixtures.js';
import { SandboxProvider } from '../../server/domain/payments/sandbox.js';
import type { ChargeResult, PaymentProvider, SettlementListener } from '../../server/domain/payments/provider.js';
import { startMoneyServer, cart, book, checkout, until, sleep, getBooking, getOrder, paymentRows, visa } from './money-fixtures.js';

const history = async (server: TestServer, id: string) =>
  (await server.call('GET', `/bookings/v2/bookings/${id}/history`, { token: OWNER_KEY })).body.history as { action: string }[];
const markAsPaid = (server: TestServer, orderId: string) =>
  server.call('POST', `/ecom/v1/orders/${orderId}/mark-as-paid`, { token: OWNER_KEY, body: {} });
const cancel = async (server: TestServer, bookingId: string) =>
  server.call('POST', `/bookings/v2/bookings/${bookingId}/cancel`, {
    token: OWNER_KEY,
    body: { revision: (await getBooking(server, bookingId)).revision },
  });
/** Cancel, reading the revision again if a concurrent change (mark-as-paid) bumped it. */
async function cancelRetrying(server: TestServer, bookingId: string) {
  for (;;) {
    const r = await cancel(server, bookingId);
    if (r.status !== 409 || r.body.details.applicationError.code !== 'BOOKING_REVISION_MISMATCH') return r;
  }
}
const code = (r: { body: { details: { applicationError: { code: string } } } }) => r.body.details.applicationError.code;

describe('order payments follow the state machine', () => {
  let server: TestServer;
  let vinyasa: DemoService;
  let training: DemoService;
  before(async () => {
    server = await startMoneyServer(new SandboxProvider());
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    training = await serviceNamed(server, 'Personal Training');
  });
  after(() => server.close());

  async function paidOrder(date: string) {
    const c = await cart(server, vinyasa, await eventIdAt(server, vinyasa, date));
    const order = await server.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, { token: c.token, body: { payment: visa } });
    assert.equal(order.status, 200);
    return { ...c, orderId: order.body.orderId as string };
  }

  it('a refunded order cannot be marked as paid: 409, and nothing is refunded twice', async () => {
    const o = await paidOrder('2026-12-07T18:00:00');
    assert.equal((await cancel(server, o.bookingId)).status, 200);
    await until(
      () => getOrder(server, o.orderId),
      (x) => x.paymentStatus === 'FULLY_REFUNDED',
      'the refund',
    );
    const marked = await markAsPaid(server, o.orderId);
    assert.equal(marked.status, 409);
    assert.equal(code(marked), 'INVALID_PAYMENT_STATUS');
    assert.match(marked.body.message, /refunded in full/);
    await sleep(200); // a second refund, if any, runs after the booking change
    assert.deepEqual(await paymentRows(server, o.orderId), { charges: 1, refunds: 1 });
    assert.equal((await getOrder(server, o.orderId)).paymentStatus, 'FULLY_REFUNDED');
    assert.equal((await getBooking(server, o.bookingId)).paymentStatus, 'REFUNDED');
  });

  it('marking an unpaid order as paid twice changes it once; the second is 409', async () => {
    const c = await cart(server, vinyasa, await eventIdAt(server, vinyasa, '2026-12-09T18:00:00'), 'OFFLINE');
    const { orderId } = (await server.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, { token: c.token, body: {} })).body;
    const first = await markAsPaid(server, orderId);
    assert.equal(first.status, 200);
    assert.equal(first.body.order.paymentStatus, 'PAID');
    const second = await markAsPaid(server, orderId);
    assert.equal(second.status, 409);
    assert.match(second.body.message, /already paid/);
    assert.equal((await history(server, c.bookingId)).filter((h) => h.action === 'PAYMENT_STATUS').length, 1);
    assert.equal((await getOrder(server, orderId)).updatedDate, first.body.order.updatedDate);
  });

  it('a deposit order marked as paid, then canceled, refunds the online deposit once and keeps the rest', async () => {
    const token = await visitorToken(server);
    const booking = await book(
      server,
      token,
      appointmentBooking(training, '2026-12-02T13:00:00', '2026-12-02T14:00:00', { depositSelected: true }),
    );
    const co = await checkout(server, token, booking.id);
    const { orderId } = (await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { token, body: { payment: visa } })).body;
    assert.equal((await markAsPaid(server, orderId)).body.order.paymentStatus, 'PAID');
    assert.equal((await cancel(server, booking.id)).status, 200);
    const refunded = await until(
      () => getOrder(server, orderId),
      (x) => x.paymentStatus !== 'PAID',
      'the refund',
    );
    assert.equal(refunded.paymentStatus, 'PARTIALLY_REFUNDED');
    assert.equal(refunded.balance.totalPaid.amount, '60.00');
    assert.equal(refunded.balanceSummary.paid.formattedAmount, '$60.00');
    assert.equal((await markAsPaid(server, orderId)).status, 409);
    await sleep(100);
    assert.deepEqual(await paymentRows(server, orderId), { charges: 1, refunds: 1 });
  });

  it('a paid order cannot be declined; the refusal says what to do', async () => {
    const o = await paidOrder('2026-12-11T18:00:00');
    const declined = await server.call('POST', `/ecom/v1/orders/${o.orderId}/decline`, { token: OWNER_KEY, body: {} });
    assert.equal(declined.status, 409);
    assert.match(declined.body.message, /cancel its bookings instead/);
  });

  it('a refund racing a mark-as-paid: one refund, and the order says what was really kept', async () => {
    const token = await visitorToken(server);
    const booking = await book(
      server,
      token,
      appointmentBooking(training, '2026-12-04T10:00:00', '2026-12-04T11:00:00', { depositSelected: true }),
    );
    const co = await checkout(server, token, booking.id);
    const { orderId } = (await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { token, body: { payment: visa } })).body;
    const [canceled] = await Promise.all([cancelRetrying(server, booking.id), markAsPaid(server, orderId)]);
    assert.equal(canceled.status, 200);
    const final = await until(
      () => getOrder(server, orderId),
      (x) => x.paymentStatus.endsWith('REFUNDED'),
      'the refund',
    );
    await sleep(100);
    assert.deepEqual(await paymentRows(server, orderId), { charges: 1, refunds: 1 });
    // Marked first: 80.00 paid, 20.00 back. Refunded first: the 20.00 deposit back, nothing left to mark.
    const expected = final.paymentStatus === 'PARTIALLY_REFUNDED' ? '60.00' : '0.00';
    assert.equal(final.balance.totalPaid.amount, expected);
    assert.equal((await getBooking(server, booking.id)).paymentStatus, 'REFUNDED');
  });
});

/** A provider whose late answers the test sends by hand, as many times as it likes. */
class ManualProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private readonly listeners = new Set<SettlementListener>();
  readonly charges: string[] = [];
  async charge(): Promise<ChargeResult> {
    const chargeId = `ch_${crypto.randomUUID()}`;
    this.charges.push(chargeId);
    return { outcome: 'pending', chargeId };
  }
  async refund() {
    return { outcome: 'succeeded' as const, refundId: `re_${crypto.randomUUID()}` };
  }
  onSettled(listener: SettlementListener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  settle(chargeId: string, outcome: 'succeeded' | 'failed') {
    for (const l of this.listeners) l({ chargeId, orderId: '', outcome, ...(outcome === 'failed' ? { reason: 'The bank said no.' } : {}) });
  }
}

describe('late settlements that arrive more than once', () => {
  let server: TestServer;
  let provider: ManualProvider;
  let vinyasa: DemoService;
  before(async () => {
    provider = new ManualProvider();
    server = await startMoneyServer(provider);
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
  });
  after(() => server.close());

  it('a failure reported three times declines once; a success after it changes nothing', async () => {
    const c = await cart(server, vinyasa, await eventIdAt(server, vinyasa, '2026-12-07T18:00:00'));
    const { orderId } = (
      await server.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, { token: c.token, body: { payment: visa } })
    ).body;
    assert.equal((await getOrder(server, orderId)).paymentStatus, 'PENDING');
    const chargeId = provider.charges.at(-1) ?? '';
    provider.settle(chargeId, 'failed');
    provider.settle(chargeId, 'failed');
    provider.settle(chargeId, 'failed');
    await until(
      () => getOrder(server, orderId),
      (o) => o.paymentStatus === 'DECLINED',
      'the decline',
    );
    provider.settle(chargeId, 'succeeded');
    await sleep(150);
    const order = await getOrder(server, orderId);
    assert.equal(order.status, 'REJECTED');
    assert.equal(order.paymentStatus, 'DECLINED');
    assert.equal((await history(server, c.bookingId)).filter((h) => h.action === 'ORDER_DECLINED').length, 1);
  });

  it('a success reported twice settles once', async () => {
    const c = await cart(server, vinyasa, await eventIdAt(server, vinyasa, '2026-12-09T18:00:00'));
    const { orderId } = (
      await server.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, { token: c.token, body: { payment: visa } })
    ).body;
    const chargeId = provider.charges.at(-1) ?? '';
    provider.settle(chargeId, 'succeeded');
    provider.settle(chargeId, 'succeeded');
    const paid = await until(
      () => getOrder(server, orderId),
      (o) => o.paymentStatus === 'PAID',
      'the settlement',
    );
    await sleep(100);
    assert.equal((await getOrder(server, orderId)).updatedDate, paid.updatedDate);
    provider.settle(chargeId, 'failed');
    await sleep(100);
    assert.equal((await getOrder(server, orderId)).paymentStatus, 'PAID', 'a failure after the success cannot undo it');
  });
});
