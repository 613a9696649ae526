/** Members and pricing plans over real HTTP (contract sections 2 and 8). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import { startBookingServer, serviceNamed, eventIdAt, classBooking, type DemoService } from './bookings-fixtures.js';

const APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';

async function login(server: TestServer, email: string, password: string) {
  return server.call('POST', '/oauth2/token', { body: { grantType: 'password', email, password } });
}

describe('members', () => {
  let server: TestServer;
  before(async () => {
    ({ server } = await startBookingServer());
  });
  after(() => server.close());

  it('registers, signs in, reads itself, refreshes, and signs out (the tokens stop working at once)', async () => {
    const reg = await server.call('POST', '/members/v1/members/register', {
      body: { email: 'new.member@example.com', password: 'correct horse', firstName: 'Nia' },
    });
    assert.equal(reg.status, 202);
    assert.deepEqual(reg.body, { registration: { loginEmail: 'new.member@example.com', status: 'ACCEPTED' } });
    const stored = await server.storage.members.getByEmail('new.member@example.com');
    assert.match(stored?.passwordHash ?? '', /^scrypt\$/);

    const again = await server.call('POST', '/members/v1/members/register', {
      body: { email: 'NEW.member@example.com', password: 'another one' },
    });
    assert.equal(again.status, 202, 'a known email is answered as a new one (test/server/members-registration.test.ts)');
    assert.deepEqual(again.body, reg.body);
    assert.equal((await login(server, 'new.member@example.com', 'another one')).status, 401, 'no second account');

    const tokens = await login(server, 'new.member@example.com', 'correct horse');
    assert.equal(tokens.status, 200);
    const me = await server.call('GET', '/members/v1/members/my', { token: tokens.body.access_token });
    assert.equal(me.body.member.profile.firstName, 'Nia');
    assert.equal(
      (await server.call('GET', '/members/v1/members/my', { token: tokens.body.refresh_token })).status,
      401,
      'a refresh token is not an access token',
    );

    const refreshed = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'refresh_token', refresh_token: tokens.body.refresh_token },
    });
    assert.equal(refreshed.status, 200);
    const revoke = await server.call('POST', '/oauth2/revoke', { body: { token: refreshed.body.access_token } });
    assert.equal(revoke.status, 200);
    assert.equal((await server.call('GET', '/members/v1/members/my', { token: refreshed.body.access_token })).status, 401);
  });

  it('answers a wrong password and an unknown email alike, and refuses a weak password', async () => {
    const wrong = await login(server, 'member@example.com', 'not-it');
    const unknown = await login(server, 'nobody@example.com', 'not-it');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.equal(wrong.body.message, unknown.body.message);
    const weak = await server.call('POST', '/members/v1/members/register', { body: { email: 'x@example.com', password: 'short' } });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.details.validationError.fieldViolations[0].field, 'password');
  });

  it('throttles sign-in after repeated failures with 429 and Retry-After', async () => {
    await server.call('POST', '/members/v1/members/register', { body: { email: 'target@example.com', password: 'the real one' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(server, 'target@example.com', `guess ${i}`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    const locked = await login(server, 'target@example.com', 'the real one');
    assert.equal(locked.status, 429, 'even the right password waits out the lock');
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
  });

  it('a visitor is not a member', async () => {
    const visitor = (await server.call('POST', '/oauth2/token', { body: { grantType: 'anonymous', clientId: 't' } })).body.access_token;
    assert.equal((await server.call('GET', '/members/v1/members/my', { token: visitor })).status, 403);
    assert.equal((await server.call('GET', '/members/v1/members/my')).status, 401);
  });
});

describe('pricing plans', () => {
  let server: TestServer;
  let vinyasa: DemoService;
  let member: string;
  before(async () => {
    ({ server } = await startBookingServer());
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    member = (await login(server, 'member@example.com', 'harbor-demo')).body.access_token;
  });
  after(() => server.close());

  const credits = async (token: string) => {
    const { body } = await server.call('GET', '/pricing-plans/v2/member/orders', { token });
    return body.orders.map(
      (o: { planName: string; credits?: { remaining: number } }) => `${o.planName}:${o.credits?.remaining ?? 'unlimited'}`,
    );
  };

  it('lists the two demo plans publicly', async () => {
    const { body } = await server.call('GET', '/pricing-plans/v2/plans');
    assert.deepEqual(
      body.plans.map((p: { name: string; pricing: { price: { value: string } } }) => [p.name, p.pricing.price.value]).sort(),
      [
        ['10-Class Pass', '150.00'],
        ['Unlimited Monthly', '99.00'],
      ],
    );
  });

  it('the demo member books Vinyasa Flow with MEMBERSHIP: 7 credits become 6; cancelling gives it back', async () => {
    assert.deepEqual(await credits(member), ['10-Class Pass:7']);
    const created = await server.call('POST', '/bookings/v2/bookings', {
      token: member,
      body: classBooking(vinyasa, await eventIdAt(server, vinyasa, '2026-12-02T18:00:00'), { selectedPaymentOption: 'MEMBERSHIP' }),
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const booking = created.body.booking;
    assert.ok(booking.createdBy.memberId);
    const co = await server.call('POST', '/ecom/v1/checkouts', {
      token: member,
      body: { lineItems: [{ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: booking.id } }] },
    });
    assert.equal(co.body.checkout.lineItems[0].paymentOption, 'MEMBERSHIP');
    assert.equal(co.body.checkout.payNow.total.amount, '0.00');
    const order = await server.call('POST', `/ecom/v1/checkouts/${co.body.checkout.id}/create-order`, { token: member, body: {} });
    assert.equal(order.status, 200, JSON.stringify(order.body));
    const confirmed = (await server.call('GET', `/bookings/v2/bookings/${booking.id}`, { token: member })).body.booking;
    assert.equal(confirmed.status, 'CONFIRMED');
    assert.deepEqual(await credits(member), ['10-Class Pass:6']);

    const cancel = await server.call('POST', `/bookings/v2/bookings/${booking.id}/cancel`, {
      token: member,
      body: { revision: confirmed.revision },
    });
    assert.equal(cancel.status, 200);
    assert.deepEqual(await credits(member), ['10-Class Pass:7']);
  });

  it('refuses MEMBERSHIP with a clear error when the plan has no credits left or has expired', async () => {
    await server.call('POST', '/members/v1/members/register', {
      body: { email: 'broke@example.com', password: 'buyer password 1' },
    });
    const token = (await login(server, 'broke@example.com', 'buyer password 1')).body.access_token;
    const memberId = (await server.call('GET', '/members/v1/members/my', { token })).body.member.id;
    const plan = (await server.call('GET', '/pricing-plans/v2/plans')).body.plans.find((p: { name: string }) => p.name === '10-Class Pass');
    const now = new Date('2026-12-01T15:00:00.000Z');
    await server.storage.plans.insertMemberOrder({
      id: crypto.randomUUID(),
      planId: plan.id,
      planName: plan.name,
      memberId,
      status: 'ACTIVE',
      credits: { total: 10, remaining: 0 },
      startDate: now.toISOString(),
      expirationDate: new Date(now.getTime() + 86_400_000 * 30).toISOString(),
    });
    const booking = (
      await server.call('POST', '/bookings/v2/bookings', {
        token,
        body: classBooking(vinyasa, await eventIdAt(server, vinyasa, '2026-12-04T18:00:00'), { selectedPaymentOption: 'MEMBERSHIP' }),
      })
    ).body.booking;
    const co = (
      await server.call('POST', '/ecom/v1/checkouts', {
        token,
        body: { lineItems: [{ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: booking.id } }] },
      })
    ).body.checkout;
    const empty = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { token, body: {} });
    assert.equal(empty.status, 428);
    assert.equal(empty.body.details.applicationError.code, 'NO_CREDITS_LEFT');
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${booking.id}`, { token })).body.booking.status, 'CREATED');

    await server.sql(
      "UPDATE member_plan_orders SET expiration_date = '2026-11-01T00:00:00.000Z', credits_remaining = 5 WHERE member_id = ?",
      memberId,
    );
    const expired = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { token, body: {} });
    assert.equal(expired.status, 428);
    assert.equal(expired.body.details.applicationError.code, 'PLAN_EXPIRED');
  });

  it('a member buys a plan with the sandbox card and sees its credits; a declined card buys nothing', async () => {
    const plan = (await server.call('GET', '/pricing-plans/v2/plans')).body.plans.find((p: { name: string }) => p.name === '10-Class Pass');
    await server.call('POST', '/members/v1/members/register', { body: { email: 'buyer@example.com', password: 'buyer password 1' } });
    const token = (await login(server, 'buyer@example.com', 'buyer password 1')).body.access_token;
    const declined = await server.call('POST', '/pricing-plans/v2/orders', {
      token,
      body: { planId: plan.id, payment: { provider: 'sandbox', cardToken: 'tok_declined' } },
    });
    assert.equal(declined.status, 402);
    assert.deepEqual(await credits(token), []);
    const bought = await server.call('POST', '/pricing-plans/v2/orders', {
      token,
      body: { planId: plan.id, payment: { provider: 'sandbox', cardToken: 'tok_visa' } },
    });
    assert.equal(bought.status, 200);
    assert.deepEqual(await credits(token), ['10-Class Pass:10']);
    const visitor = (await server.call('POST', '/oauth2/token', { body: { grantType: 'anonymous', clientId: 't' } })).body.access_token;
    assert.equal(
      (
        await server.call('POST', '/pricing-plans/v2/orders', {
          token: visitor,
          body: { planId: plan.id, payment: { provider: 'sandbox', cardToken: 'tok_visa' } },
        })
      ).status,
      403,
    );
  });
});
