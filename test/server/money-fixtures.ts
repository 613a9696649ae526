/** Factories for the money tests: a server whose sandbox the test holds, carts, members, and counts. */
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, OWNER_KEY, type TestServer } from './helpers.js';
import { NOW, visitorToken, classBooking, type DemoService } from './bookings-fixtures.js';
import { SandboxProvider } from '../../server/domain/payments/sandbox.js';
import type { PaymentProvider } from '../../server/domain/payments/provider.js';

export const APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';
export const visa = { provider: 'sandbox', cardToken: 'tok_visa' };
export const lineItems = (...ids: string[]) => ids.map((id) => ({ quantity: 1, catalogReference: { appId: APP_ID, catalogItemId: id } }));

/** A seeded server on the fixed clock, paying through `provider` (a fresh sandbox unless given). */
export async function startMoneyServer(provider: PaymentProvider = new SandboxProvider()): Promise<TestServer> {
  return startServer({
    now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
    server: { clock: () => NOW, paymentProviders: [provider] },
  });
}

export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function book(server: TestServer, token: string, body: Record<string, unknown>) {
  const r = await server.call('POST', '/bookings/v2/bookings', { body, token });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.booking as { id: string; status: string; revision: string; paymentStatus: string };
}

export async function checkout(server: TestServer, token: string, ...ids: string[]) {
  const r = await server.call('POST', '/ecom/v1/checkouts', { body: { lineItems: lineItems(...ids) }, token });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.checkout as { id: string };
}

/** A visitor with one CREATED class booking and a checkout for it. */
export async function cart(server: TestServer, service: DemoService, eventId: string, option: 'ONLINE' | 'OFFLINE' = 'ONLINE') {
  const token = await visitorToken(server);
  const booking = await book(server, token, classBooking(service, eventId, { selectedPaymentOption: option }));
  const co = await checkout(server, token, booking.id);
  return { token, bookingId: booking.id, checkoutId: co.id };
}

export const getBooking = async (server: TestServer, id: string) =>
  (await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY })).body.booking;
export const getOrder = async (server: TestServer, id: string) =>
  (await server.call('GET', `/ecom/v1/orders/${id}`, { token: OWNER_KEY })).body.order;

/** A new member, signed in (registration answers no member: its id comes from `GET /members/v1/members/my`). */
export async function newMember(server: TestServer, email: string): Promise<{ token: string; id: string }> {
  const reg = await server.call('POST', '/members/v1/members/register', { body: { email, password: 'harbor-money-test-7391' } });
  assert.equal(reg.status, 202, JSON.stringify(reg.body));
  const login = await server.call('POST', '/oauth2/token', { body: { grantType: 'password', email, password: 'harbor-money-test-7391' } });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const token = login.body.access_token as string;
  const me = await server.call('GET', '/members/v1/members/my', { token });
  return { token, id: me.body.member.id as string };
}

export async function planNamed(server: TestServer, name: string): Promise<{ id: string }> {
  return (await server.call('GET', '/pricing-plans/v2/plans')).body.plans.find((p: { name: string }) => p.name === name);
}

/** Rows of `sql` (a COUNT(*) AS n query). */
export async function count(server: TestServer, sql: string, ...params: (string | number | null)[]): Promise<number> {
  const [row] = await server.sql<{ n: number | string }>(sql, ...params);
  return Number(row?.n); // PostgreSQL answers COUNT(*) as a bigint, which pg reads as text
}

/** Payment rows of an order by kind and status. */
export async function paymentRows(server: TestServer, orderId: string) {
  const rows = await server.storage.commerce.payments.listForOrder(orderId);
  return {
    charges: rows.filter((p) => p.kind === 'CHARGE' && p.status === 'SUCCEEDED').length,
    refunds: rows.filter((p) => p.kind === 'REFUND' && p.status === 'SUCCEEDED').length,
  };
}
