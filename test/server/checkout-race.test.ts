/**
 * Checkout under load and after the fact: 20 customers paying for the last 2 spots at once, the same for a
 * free class, refunds on cancel, and a payment that fails after it was accepted.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, type TestServer } from './helpers.js';
import { NOW, visitorToken, serviceNamed, eventIdAt, classBooking, OWNER_KEY, type DemoService } from './bookings-fixtures.js';
import { SandboxProvider } from '../../server/domain/payments/sandbox.js';

const APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';
const visa = { provider: 'sandbox', cardToken: 'tok_visa' };

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Fill `count` spots of a session with owner bookings confirmed at once. */
async function fill(server: TestServer, service: DemoService, eventId: string, count: number) {
  for (let i = 0; i < count; i++) {
    const r = await server.call('POST', '/bookings/v2/bookings', {
      token: OWNER_KEY,
      body: {
        ...classBooking(service, eventId, { selectedPaymentOption: 'OFFLINE' }),
        flowControlSettings: { skipBusinessConfirmation: true },
      },
    });
    assert.equal(r.body.booking?.status, 'CONFIRMED', JSON.stringify(r.body));
  }
}

interface Cart {
  token: string;
  bookingId: string;
  checkoutId: string;
}

/** A customer's booking and checkout, not yet paid. */
async function cart(server: TestServer, service: DemoService, eventId: string, option: 'ONLINE' | 'OFFLINE'): Promise<Cart> {
  const token = await visitorToken(server);
  const created = await server.call('POST', '/bookings/v2/bookings', {
    token,
    body: classBooking(service, eventId, { selectedPaymentOption: option }),
  });
  assert.equal(created.body.booking?.status, 'CREATED', JSON.stringify(created.body));
  const co = await server.call('POST', '/ecom/v1/checkouts', {
    token,
    body: { lineItems: [{ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: created.body.booking.id } }] },
  });
  return { token, bookingId: created.body.booking.id, checkoutId: co.body.checkout.id };
}

async function pay(server: TestServer, c: Cart, payment?: object) {
  const order = await server.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, {
    token: c.token,
    body: payment ? { payment } : {},
  });
  const booking = (await server.call('GET', `/bookings/v2/bookings/${c.bookingId}`, { token: c.token })).body.booking;
  return { order: order.status, orderId: order.body.orderId as string, booking };
}

/** One customer: a token, a booking, a checkout and an order, as the widget does it. */
async function customer(server: TestServer, service: DemoService, eventId: string, option: 'ONLINE' | 'OFFLINE', payment?: object) {
  const token = await visitorToken(server);
  const created = await server.call('POST', '/bookings/v2/bookings', {
    token,
    body: classBooking(service, eventId, { selectedPaymentOption: option }),
  });
  if (created.status !== 200) return { created: created.status };
  const booking = created.body.booking;
  const co = await server.call('POST', '/ecom/v1/checkouts', {
    token,
    body: { lineItems: [{ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: booking.id } }] },
  });
  const order = await server.call('POST', `/ecom/v1/checkouts/${co.body.checkout.id}/create-order`, {
    token,
    body: payment ? { payment } : {},
  });
  const final = (await server.call('GET', `/bookings/v2/bookings/${booking.id}`, { token })).body.booking;
  return { created: 200, order: order.status, orderId: order.body.orderId as string, booking: final };
}

describe('checkout races', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()), server: { clock: () => NOW } });
  });
  after(() => server.close());

  it('20 customers pay for the last 2 spots at once: 2 normal, 18 kept as doubleBooked with a notification each, each charged once', async () => {
    const vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    const eventId = await eventIdAt(server, vinyasa, '2026-12-07T18:00:00');
    await fill(server, vinyasa, eventId, 10);
    const before = (await server.call('GET', '/bookings/v2/notifications', { token: OWNER_KEY })).body.notifications.length;
    // Everyone has a booking and a checkout while 2 spots are left (CREATED holds no spot); then all pay at once.
    const carts = await Promise.all(Array.from({ length: 20 }, () => cart(server, vinyasa, eventId, 'ONLINE')));
    const results = await Promise.all(carts.map((c) => pay(server, c, visa)));
    assert.deepEqual(
      results.map((r) => r.order),
      Array(20).fill(200),
    );
    const bookings = results.map((r) => r.booking);
    assert.ok(
      bookings.every((b) => b.status === 'CONFIRMED' && b.paymentStatus === 'PAID'),
      'paid bookings are never declined',
    );
    assert.equal(bookings.filter((b) => !b.doubleBooked).length, 2);
    assert.equal(bookings.filter((b) => b.doubleBooked).length, 18);
    const notifications = (await server.call('GET', '/bookings/v2/notifications', { token: OWNER_KEY })).body.notifications;
    assert.equal(notifications.length - before, 18);
    const flagged = new Set(bookings.filter((b) => b.doubleBooked).map((b) => b.id));
    assert.ok(notifications.slice(0, 18).every((n: { bookingId: string }) => flagged.has(n.bookingId)));
    for (const r of results) {
      const charges = (await server.storage.commerce.payments.listForOrder(r.orderId ?? '')).filter((p) => p.kind === 'CHARGE');
      assert.equal(charges.length, 1);
      assert.equal(charges[0]?.amountMinor, 2000);
    }
  });

  it('the same race on a free class: exactly the overflow is DECLINED and nothing blocks past capacity', async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    const eventId = await eventIdAt(server, yoga, '2026-12-12T10:00:00');
    await fill(server, yoga, eventId, 1);
    const results = await Promise.all(Array.from({ length: 20 }, () => customer(server, yoga, eventId, 'OFFLINE')));
    const done = results.filter((r) => r.created === 200);
    const confirmed = done.filter((r) => r.booking.status === 'CONFIRMED');
    assert.equal(confirmed.length, 2);
    assert.ok(confirmed.every((r) => !r.booking.doubleBooked && r.booking.paymentStatus === 'EXEMPT'));
    assert.ok(done.filter((r) => r.booking.status !== 'CONFIRMED').every((r) => r.booking.status === 'DECLINED'));
    assert.ok(
      results.filter((r) => r.created !== 200).every((r) => r.created === 428),
      'a create after the class filled is refused with 428',
    );
    const slots = await server.call('POST', '/service-availability/v2/time-slots/event', {
      body: {
        serviceIds: [yoga.id],
        fromLocalDate: '2026-12-12T00:00:00',
        toLocalDate: '2026-12-13T00:00:00',
        timeZone: 'America/New_York',
      },
    });
    assert.equal(slots.body.timeSlots[0].remainingCapacity, 0);
  });
});

describe('after checkout', () => {
  let server: TestServer;
  let vinyasa: DemoService;
  before(async () => {
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: { clock: () => NOW, paymentProviders: [new SandboxProvider({ settleAfterMs: 30 })] },
    });
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
  });
  after(() => server.close());

  it('cancelling a paid booking within the policy refunds it through the provider', async () => {
    const r = await customer(server, vinyasa, await eventIdAt(server, vinyasa, '2026-12-09T18:00:00'), 'ONLINE', visa);
    const cancel = await server.call('POST', `/bookings/v2/bookings/${r.booking.id}/cancel`, {
      token: OWNER_KEY,
      body: { revision: r.booking.revision },
    });
    assert.equal(cancel.status, 200);
    const refunded = await until(
      () => server.call('GET', `/bookings/v2/bookings/${r.booking.id}`, { token: OWNER_KEY }).then((x) => x.body.booking),
      (b) => b.paymentStatus === 'REFUNDED',
      'the refund',
    );
    assert.equal(refunded.status, 'CANCELED');
    const order = (await server.call('GET', `/ecom/v1/orders/${r.orderId}`, { token: OWNER_KEY })).body.order;
    assert.equal(order.paymentStatus, 'FULLY_REFUNDED');
    const refunds = (await server.storage.commerce.payments.listForOrder(r.orderId ?? '')).filter(
      (p) => p.kind === 'REFUND' && p.status === 'SUCCEEDED',
    );
    assert.equal(refunds.length, 1);
    assert.equal(refunds[0]?.amountMinor, 2000);
  });

  it('a payment accepted for later settlement that then fails declines the booking and frees the spot', async () => {
    const r = await customer(server, vinyasa, await eventIdAt(server, vinyasa, '2026-12-11T18:00:00'), 'ONLINE', {
      provider: 'sandbox',
      cardToken: 'tok_async_declined',
    });
    assert.equal(r.order, 200);
    assert.equal(r.booking.status, 'CONFIRMED', 'it goes CONFIRMED by the usual rule first');
    const declined = await until(
      () => server.call('GET', `/bookings/v2/bookings/${r.booking.id}`, { token: OWNER_KEY }).then((x) => x.body.booking),
      (b) => b.status === 'DECLINED',
      'the late decline',
    );
    assert.equal(declined.paymentStatus, 'NOT_PAID');
    const order = (await server.call('GET', `/ecom/v1/orders/${r.orderId}`, { token: OWNER_KEY })).body.order;
    assert.equal(order.status, 'REJECTED');
    assert.equal(order.paymentStatus, 'DECLINED');
  });

  it('the owner declines an unpaid order: its booking is DECLINED; a paid order cannot be declined', async () => {
    const unpaid = await customer(server, vinyasa, await eventIdAt(server, vinyasa, '2026-12-14T18:00:00'), 'OFFLINE');
    assert.equal(unpaid.booking.status, 'CONFIRMED');
    assert.equal(unpaid.booking.paymentStatus, 'NOT_PAID');
    const decline = await server.call('POST', `/ecom/v1/orders/${unpaid.orderId}/decline`, { token: OWNER_KEY, body: {} });
    assert.equal(decline.status, 200);
    assert.equal(
      (await server.call('GET', `/bookings/v2/bookings/${unpaid.booking.id}`, { token: OWNER_KEY })).body.booking.status,
      'DECLINED',
    );
    const paid = await customer(server, vinyasa, await eventIdAt(server, vinyasa, '2026-12-14T18:00:00'), 'ONLINE', visa);
    const refused = await server.call('POST', `/ecom/v1/orders/${paid.orderId}/decline`, { token: OWNER_KEY, body: {} });
    assert.equal(refused.status, 409);
  });
});
