/** Wix's SDK, money: the eCom checkout and order (eCom's price shape), members and pricing plans. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bareToken, failureOf, noAuth, sdkClient, startBookingServer, visitorAccessToken, type SdkClient } from './sdk-fixtures.js';
import { serviceNamed } from '../bookings-fixtures.js';
import { BOOKINGS_APP_ID } from '../../../src/model/checkout.js';
import { DEMO_MEMBER } from '../../../server/seed/demo.js';
import type { TestServer } from '../helpers.js';

describe("Wix's SDK: checkout, orders, members and plans", () => {
  let server: TestServer;
  let visitor: SdkClient;
  before(async () => {
    ({ server } = await startBookingServer());
    visitor = sdkClient(server, bareToken(await visitorAccessToken(server)));
  });
  after(() => server.close());

  it("checkout.createCheckout / getCheckout / createOrder and orders.getOrder answer eCom's prices", async () => {
    const training = await serviceNamed(server, 'Personal Training');
    const { booking } = await visitor.bookings.createBooking({
      bookedEntity: {
        slot: {
          serviceId: training.id,
          scheduleId: training.scheduleId,
          startDate: '2026-12-02T10:00:00',
          endDate: '2026-12-02T11:00:00',
          timezone: 'America/New_York',
        },
      },
      contactDetails: { firstName: 'Eve', email: 'eve@example.com' },
      totalParticipants: 1,
      selectedPaymentOption: 'ONLINE',
      depositSelected: true,
    });
    const created = await visitor.checkout.createCheckout({
      lineItems: [{ quantity: 1, catalogReference: { appId: BOOKINGS_APP_ID, catalogItemId: booking?._id ?? '' } }],
      channelType: 'WEB',
    });
    const checkoutId = created._id ?? '';
    assert.ok(checkoutId);
    assert.deepEqual(created.payNow?.total, {
      amount: '20.00',
      convertedAmount: '20.00',
      formattedAmount: '$20.00',
      formattedConvertedAmount: '$20.00',
    });
    assert.equal(created.priceSummary?.total?.amount, '80.00');
    assert.equal(created.payLater?.total?.formattedAmount, '$60.00');
    assert.equal(created.lineItems?.[0]?.depositAmount?.amount, '20.00');
    assert.equal(created.lineItems?.[0]?.paymentOption, 'DEPOSIT_ONLINE');
    assert.equal(created.currency, 'USD');

    const read = await visitor.checkout.getCheckout(checkoutId);
    assert.equal(read.payNow?.total?.amount, '20.00');

    // Wix's createOrder carries no card: something is due now, so it is refused and says why.
    const unpaid = await failureOf(() => visitor.checkout.createOrder(checkoutId));
    assert.equal(unpaid.status, 400);
    // createOrderAndCharge pays with a payment token (the sandbox's test card).
    const { orderId } = await visitor.checkout.createOrderAndCharge(checkoutId, { paymentToken: 'tok_visa' });
    assert.ok(orderId);
    const again = await visitor.checkout.createOrderAndCharge(checkoutId, { paymentToken: 'tok_visa' });
    assert.equal(again.orderId, orderId, 'a checkout is ordered once');
    const order = await visitor.orders.getOrder(orderId);
    assert.equal(order.paymentStatus, 'PARTIALLY_PAID');
    assert.equal(order.priceSummary?.total?.amount, '80.00');
    assert.equal(order.balanceSummary?.balance?.amount, '60.00');
    assert.equal(order.balanceSummary?.paid?.formattedAmount, '$20.00');

    const stranger = sdkClient(server, bareToken(await visitorAccessToken(server)));
    assert.deepEqual(await failureOf(() => stranger.orders.getOrder(orderId)), { code: 'ORDER_NOT_FOUND', status: 404 });
  });

  it('checkout.createOrderAndCharge with a declined card: PAYMENT_DECLINED, and the booking stays CREATED', async () => {
    const flow = await serviceNamed(server, 'Vinyasa Flow');
    const { timeSlots } = await visitor.eventTimeSlots.listEventTimeSlots({ serviceIds: [flow.id], cursorPaging: { limit: 1 } });
    const { booking } = await visitor.bookings.createBooking({
      bookedEntity: { slot: { serviceId: flow.id, eventId: timeSlots?.[0]?.eventInfo?.eventId ?? '' } },
      contactDetails: { firstName: 'Dee', email: 'dee@example.com' },
      totalParticipants: 1,
      selectedPaymentOption: 'ONLINE',
    });
    const co = await visitor.checkout.createCheckout({
      lineItems: [{ quantity: 1, catalogReference: { appId: BOOKINGS_APP_ID, catalogItemId: booking?._id ?? '' } }],
      channelType: 'WEB',
    });
    assert.equal(co.payNow?.total?.amount, '20.00');
    assert.deepEqual(await failureOf(() => visitor.checkout.createOrderAndCharge(co._id ?? '', { paymentToken: 'tok_declined' })), {
      code: 'PAYMENT_DECLINED',
      status: 402,
    });
    const { extendedBookings } = await visitor.extendedBookings.queryExtendedBookings({ filter: { id: booking?._id } });
    assert.equal(extendedBookings?.[0]?.booking?.status, 'CREATED');
  });

  it('members.getCurrentMember and planOrders.memberListOrders for a signed-in member', async () => {
    const login = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'password', email: DEMO_MEMBER.email, password: DEMO_MEMBER.password },
    });
    const member = sdkClient(server, bareToken(login.body.access_token as string));
    const { member: me } = await member.members.getCurrentMember();
    assert.equal(me?.loginEmail ?? me?.contact?.emails?.[0] ?? (me as { email?: string } | undefined)?.email, DEMO_MEMBER.email);
    const { orders } = await member.planOrders.memberListOrders();
    assert.equal(orders?.[0]?.planName, '10-Class Pass');
    assert.deepEqual((orders?.[0] as { credits?: unknown } | undefined)?.credits, { total: 10, remaining: 7 });
    assert.deepEqual(await failureOf(() => visitor.members.getCurrentMember()), { code: 'MEMBER_LOGIN_REQUIRED', status: 403 });
  });

  it('plans.listPlans, listPublicPlans, queryPublicPlans and getPlan, for anyone', async () => {
    const anyone = sdkClient(server, noAuth());
    const listed = await anyone.plans.listPlans();
    assert.deepEqual((listed.plans ?? []).map((p) => p.name).sort(), ['10-Class Pass', 'Unlimited Monthly']);
    const publicPlans = await anyone.plans.listPublicPlans({ limit: 1 });
    assert.equal(publicPlans.plans?.length, 1);
    assert.equal(publicPlans.pagingMetadata?.total, 2);
    const all = await anyone.plans.queryPublicPlans().find();
    assert.equal(all.totalCount, 2);
    const unlimited = all.items.find((p) => p.name === 'Unlimited Monthly');
    assert.equal(unlimited?.pricing?.price?.value, '99.00');
    const queried = await anyone.plans
      .queryPublicPlans()
      .eq('_id', unlimited?._id ?? '')
      .find();
    assert.deepEqual(
      queried.items.map((p) => p.name),
      ['Unlimited Monthly'],
    );
    const one = await anyone.plans.getPlan(unlimited?._id ?? '');
    assert.equal(one.name, 'Unlimited Monthly');
    assert.deepEqual(await failureOf(() => anyone.plans.getPlan('no-such-plan')), { code: 'PLAN_NOT_FOUND', status: 404 });
  });
});
