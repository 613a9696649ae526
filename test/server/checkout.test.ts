/** Price, deposit, checkout and payment over real HTTP (contract section 7; issue "Done when" points). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import {
  startBookingServer,
  visitorToken,
  serviceNamed,
  eventIdAt,
  classBooking,
  appointmentBooking,
  OWNER_KEY,
  type DemoService,
} from './bookings-fixtures.js';

const APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';
const lineItems = (...ids: string[]) => ids.map((id) => ({ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: id } }));
const visa = { provider: 'sandbox', cardToken: 'tok_visa' };

async function book(server: TestServer, token: string, body: Record<string, unknown>) {
  const r = await server.call('POST', '/bookings/v2/bookings', { body, token });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.booking as { id: string; status: string; revision: string; paymentStatus: string };
}

async function checkout(server: TestServer, token: string, ...ids: string[]) {
  const r = await server.call('POST', '/ecom/v1/checkouts', { body: { lineItems: lineItems(...ids) }, token });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.checkout;
}

const getBooking = async (server: TestServer, id: string) =>
  (await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY })).body.booking;

describe('checkout and payment', () => {
  let server: TestServer;
  let training: DemoService;
  let climb: DemoService;
  let community: DemoService;
  before(async () => {
    ({ server } = await startBookingServer());
    training = await serviceNamed(server, 'Personal Training');
    climb = await serviceNamed(server, 'Family Climb');
    community = await serviceNamed(server, 'Community Yoga');
  });
  after(() => server.close());

  it('Personal Training 60 min with the deposit: 80.00 total, 20.00 now, 60.00 later; PENDING and PARTIALLY_PAID; confirmed; then PAID', async () => {
    const token = await visitorToken(server);
    const booking = await book(
      server,
      token,
      appointmentBooking(training, '2026-12-02T10:00:00', '2026-12-02T11:00:00', { depositSelected: true }),
    );
    assert.equal(booking.status, 'CREATED');
    const co = await checkout(server, token, booking.id);
    assert.equal(co.priceSummary.total.amount, '80.00');
    assert.equal(co.payNow.total.amount, '20.00');
    assert.equal(co.payLater.total.amount, '60.00');
    assert.equal(co.lineItems[0].paymentOption, 'DEPOSIT_ONLINE');
    assert.deepEqual(co.lineItems[0].depositAmount, {
      amount: '20.00',
      convertedAmount: '20.00',
      formattedAmount: '$20.00',
      formattedConvertedAmount: '$20.00',
    });
    assert.equal(co.currency, 'USD');
    assert.equal(co.payNow.total.formattedAmount, '$20.00', "formatted in the business's locale (en-US)");

    const order = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { body: { payment: visa }, token });
    assert.equal(order.status, 200, JSON.stringify(order.body));
    const orderId = order.body.orderId as string;
    let b = await getBooking(server, booking.id);
    assert.equal(b.status, 'PENDING', 'the service requires manual approval');
    assert.equal(b.paymentStatus, 'PARTIALLY_PAID');
    const o = (await server.call('GET', `/ecom/v1/orders/${orderId}`, { token })).body.order;
    assert.equal(o.paymentStatus, 'PARTIALLY_PAID');
    assert.equal(o.balance.balance.amount, '60.00');
    assert.equal(o.balanceSummary.balance.formattedAmount, '$60.00');
    assert.equal(o.balanceSummary.paid.amount, '20.00');
    assert.equal(o.currency, 'USD');

    const confirmed = await server.call('POST', `/bookings/v2/bookings/${booking.id}/confirm`, {
      body: { revision: b.revision },
      token: OWNER_KEY,
    });
    assert.equal(confirmed.body.booking.status, 'CONFIRMED');

    const paid = await server.call('POST', `/ecom/v1/orders/${orderId}/mark-as-paid`, { body: {}, token: OWNER_KEY });
    assert.equal(paid.status, 200);
    assert.equal(paid.body.order.paymentStatus, 'PAID');
    assert.equal(paid.body.order.balance.balance.amount, '0.00');
    assert.equal(paid.body.order.balanceSummary.paid.amount, '80.00');
    b = await getBooking(server, booking.id);
    assert.equal(b.paymentStatus, 'PAID');
    assert.equal(b.status, 'CONFIRMED');
  });

  it('prices a 30-minute Personal Training at 45.00 from its slot', async () => {
    const token = await visitorToken(server);
    const booking = await book(server, token, appointmentBooking(training, '2026-12-03T14:00:00', '2026-12-03T14:30:00'));
    const co = await checkout(server, token, booking.id);
    assert.equal(co.priceSummary.total.amount, '45.00');
    assert.equal(co.payNow.total.amount, '45.00');
  });

  it('Family Climb with 2 Adults and 1 Child costs 46.00', async () => {
    const token = await visitorToken(server);
    const variants = (await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${climb.id}`)).body.serviceVariants;
    const optionId = variants.options.values[0].id;
    const body = classBooking(climb, await eventIdAt(server, climb, '2026-12-06T09:00:00'), { selectedPaymentOption: 'ONLINE' });
    const inner = body['booking'] as Record<string, unknown>;
    delete inner['totalParticipants'];
    inner['participantsChoices'] = {
      serviceChoices: [
        { numberOfParticipants: 2, choices: [{ optionId, custom: 'Adult' }] },
        { numberOfParticipants: 1, choices: [{ optionId, custom: 'Child' }] },
      ],
    };
    const booking = await book(server, token, body);
    const co = await checkout(server, token, booking.id);
    assert.equal(co.priceSummary.total.amount, '46.00');
    const order = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { body: { payment: visa }, token });
    assert.equal(order.status, 200);
    const b = await getBooking(server, booking.id);
    assert.equal(b.status, 'CONFIRMED');
    assert.equal(b.paymentStatus, 'PAID');
  });

  it('Community Yoga is 0.00, EXEMPT and CONFIRMED at once, with no payment asked', async () => {
    const token = await visitorToken(server);
    const booking = await book(
      server,
      token,
      classBooking(community, await eventIdAt(server, community, '2026-12-05T10:00:00'), { selectedPaymentOption: 'OFFLINE' }),
    );
    const co = await checkout(server, token, booking.id);
    assert.equal(co.priceSummary.total.amount, '0.00');
    assert.equal(co.payNow.total.amount, '0.00');
    const order = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { body: {}, token });
    assert.equal(order.status, 200);
    const b = await getBooking(server, booking.id);
    assert.equal(b.status, 'CONFIRMED');
    assert.equal(b.paymentStatus, 'EXEMPT');
  });

  it('a declined card leaves the booking CREATED, creates no order and says why; another card then works', async () => {
    const token = await visitorToken(server);
    const booking = await book(server, token, appointmentBooking(training, '2026-12-04T09:00:00', '2026-12-04T10:00:00'));
    const co = await checkout(server, token, booking.id);
    const declined = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, {
      body: { payment: { provider: 'sandbox', cardToken: 'tok_declined' } },
      token,
    });
    assert.equal(declined.status, 402);
    assert.equal(declined.body.details.applicationError.code, 'PAYMENT_DECLINED');
    assert.match(declined.body.message, /card was declined.*another card/i);
    assert.equal((await getBooking(server, booking.id)).status, 'CREATED');
    assert.equal((await server.call('GET', `/ecom/v1/checkouts/${co.id}`, { token })).body.checkout.orderId, undefined);

    const outage = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, {
      body: { payment: { provider: 'sandbox', cardToken: 'tok_error' } },
      token,
    });
    assert.equal(outage.status, 503);
    assert.equal(outage.headers.get('retry-after'), '30');
    assert.equal((await getBooking(server, booking.id)).status, 'CREATED');

    const noCard = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { body: {}, token });
    assert.equal(noCard.status, 400);
    assert.equal(noCard.body.details.validationError.fieldViolations[0].field, 'payment');

    const ok = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { body: { payment: visa }, token });
    assert.equal(ok.status, 200);
    assert.equal((await getBooking(server, booking.id)).status, 'PENDING');
  });

  it('a retried create-order never charges twice, sequentially or in parallel', async () => {
    const token = await visitorToken(server);
    const booking = await book(server, token, appointmentBooking(training, '2026-12-04T13:00:00', '2026-12-04T14:00:00'));
    const co = await checkout(server, token, booking.id);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, {
          body: { payment: visa },
          token,
          headers: { 'idempotency-key': 'order-once' },
        }),
      ),
    );
    const ids = new Set(answers.map((a) => a.body.orderId));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(8).fill(200),
    );
    assert.equal(ids.size, 1);
    const again = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { body: { payment: visa }, token });
    assert.equal(again.body.orderId, [...ids][0]);
    const charges = (await server.storage.commerce.payments.listForOrder([...ids][0])).filter((p) => p.kind === 'CHARGE');
    assert.equal(charges.length, 1);
    assert.equal(charges[0]?.amountMinor, 8000);
  });

  it('nobody else reads an order or a checkout; a visitor cannot mark one as paid', async () => {
    const token = await visitorToken(server);
    const stranger = await visitorToken(server);
    const booking = await book(
      server,
      token,
      classBooking(community, await eventIdAt(server, community, '2026-12-12T10:00:00'), { selectedPaymentOption: 'OFFLINE' }),
    );
    const co = await checkout(server, token, booking.id);
    assert.equal((await server.call('GET', `/ecom/v1/checkouts/${co.id}`, { token: stranger })).status, 404);
    assert.equal(
      (await server.call('POST', '/ecom/v1/checkouts', { body: { lineItems: lineItems(booking.id) }, token: stranger })).status,
      404,
    );
    const { orderId } = (await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { body: {}, token })).body;
    assert.equal((await server.call('GET', `/ecom/v1/orders/${orderId}`, { token: stranger })).status, 404);
    assert.equal((await server.call('GET', `/ecom/v1/orders/${orderId}`)).status, 401);
    assert.equal((await server.call('POST', `/ecom/v1/orders/${orderId}/mark-as-paid`, { body: {}, token })).status, 403);
    assert.equal((await server.call('GET', `/ecom/v1/orders/${orderId}`, { token: OWNER_KEY })).status, 200);
  });

  it('refuses a checkout of a booking that is not CREATED, or from another app', async () => {
    const token = await visitorToken(server);
    const booking = await book(
      server,
      token,
      classBooking(community, await eventIdAt(server, community, '2026-12-19T10:00:00'), { selectedPaymentOption: 'OFFLINE' }),
    );
    const wrongApp = await server.call('POST', '/ecom/v1/checkouts', {
      body: { lineItems: [{ quantity: 1, catalogReference: { appId: 'x', catalogItemId: booking.id } }] },
      token,
    });
    assert.equal(wrongApp.status, 400);
    const co = await checkout(server, token, booking.id);
    await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { body: {}, token });
    const twice = await server.call('POST', '/ecom/v1/checkouts', { body: { lineItems: lineItems(booking.id) }, token });
    assert.equal(twice.status, 428);
    assert.equal(twice.body.details.applicationError.code, 'BOOKING_NOT_AWAITING_CHECKOUT');
  });
});
