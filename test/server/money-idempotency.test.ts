/**
 * Idempotency-Key on every create call (contract section 1): plan orders, create-order, registration and
 * checkouts replay the first answer with `idempotent-replayed: true` and create nothing new; the same key with
 * another body is 409 IDEMPOTENCY_KEY_REUSED; parallel retries with one key make one entity.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestServer } from './helpers.js';
import { serviceNamed, eventIdAt, type DemoService } from './bookings-fixtures.js';
import { SandboxProvider } from '../../server/domain/payments/sandbox.js';
import { Idempotency } from '../../server/domain/bookings/idempotency.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { DomainError } from '../../server/domain/errors.js';
import { statusOf } from '../../server/http/error-status.js';
import { startMoneyServer, cart, count, newMember, planNamed, lineItems, visa } from './money-fixtures.js';

const key = (k: string) => ({ 'idempotency-key': k });

describe('idempotent create calls', () => {
  let server: TestServer;
  let sandbox: SandboxProvider;
  let vinyasa: DemoService;
  let eventId: string;
  before(async () => {
    sandbox = new SandboxProvider({ latencyMs: 5 });
    server = await startMoneyServer(sandbox);
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    eventId = await eventIdAt(server, vinyasa, '2026-12-14T18:00:00');
  });
  after(() => server.close());

  it('a plan purchase retried with its key answers the first order, charges once; another plan with that key is 409', async () => {
    const member = await newMember(server, 'plan.retry@example.com');
    const pass = await planNamed(server, '10-Class Pass');
    const unlimited = await planNamed(server, 'Unlimited Monthly');
    const charges = sandbox.ledger().charges;
    const buy = (planId: string) =>
      server.call('POST', '/pricing-plans/v2/orders', { token: member.token, body: { planId, payment: visa }, headers: key('plan-1') });
    const first = await buy(pass.id);
    const second = await buy(pass.id);
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.deepEqual(second.body, first.body);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    const other = await buy(unlimited.id);
    assert.equal(other.status, 409);
    assert.equal(other.body.details.applicationError.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await count(server, 'SELECT COUNT(*) AS n FROM member_plan_orders WHERE member_id = ?', member.id), 1);
    assert.equal(sandbox.ledger().charges - charges, 1);
  });

  it('50 parallel plan purchases with one key: one plan order, one charge, 49 replays', async () => {
    const member = await newMember(server, 'plan.parallel@example.com');
    const pass = await planNamed(server, '10-Class Pass');
    const charges = sandbox.ledger().charges;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        server.call('POST', '/pricing-plans/v2/orders', {
          token: member.token,
          body: { planId: pass.id, payment: visa },
          headers: key('plan-50'),
        }),
      ),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [200]);
    assert.equal(new Set(answers.map((a) => a.body.order.id)).size, 1);
    assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true').length, 49);
    assert.equal(await count(server, 'SELECT COUNT(*) AS n FROM member_plan_orders WHERE member_id = ?', member.id), 1);
    assert.equal(sandbox.ledger().charges - charges, 1);
  });

  it('create-order: the same key replays the orderId; on another checkout it is 409 and orders nothing', async () => {
    const a = await cart(server, vinyasa, eventId);
    const first = await server.call('POST', `/ecom/v1/checkouts/${a.checkoutId}/create-order`, {
      token: a.token,
      body: { payment: visa },
      headers: key('order-1'),
    });
    const again = await server.call('POST', `/ecom/v1/checkouts/${a.checkoutId}/create-order`, {
      token: a.token,
      body: { payment: visa },
      headers: key('order-1'),
    });
    assert.equal(first.status, 200);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    // A second booking and checkout of the same visitor, paid with the key already used.
    const b = await server.call('POST', '/bookings/v2/bookings', {
      token: a.token,
      body: {
        booking: {
          bookedEntity: { slot: { serviceId: vinyasa.id, eventId: await eventIdAt(server, vinyasa, '2026-12-16T18:00:00') } },
          contactDetails: { firstName: 'A', email: 'a@example.com' },
          totalParticipants: 1,
          selectedPaymentOption: 'ONLINE',
        },
      },
    });
    const co = await server.call('POST', '/ecom/v1/checkouts', { token: a.token, body: { lineItems: lineItems(b.body.booking.id) } });
    const reused = await server.call('POST', `/ecom/v1/checkouts/${co.body.checkout.id}/create-order`, {
      token: a.token,
      body: { payment: visa },
      headers: key('order-1'),
    });
    assert.equal(reused.status, 409);
    assert.equal(reused.body.details.applicationError.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await count(server, 'SELECT COUNT(*) AS n FROM orders WHERE checkout_id = ?', co.body.checkout.id), 0);
  });

  it('a checkout retried with its key is the same checkout, replayed', async () => {
    const a = await cart(server, vinyasa, eventId);
    const make = () =>
      server.call('POST', '/ecom/v1/checkouts', {
        token: a.token,
        body: { lineItems: lineItems(a.bookingId) },
        headers: key('checkout-1'),
      });
    const before = await count(server, 'SELECT COUNT(*) AS n FROM checkouts');
    const [first, second] = [await make(), await make()];
    assert.equal(second.body.checkout.id, first.body.checkout.id);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count(server, 'SELECT COUNT(*) AS n FROM checkouts'), before + 1);
  });

  it('registration: the same key and body replay the answer; another body is 409; 10 parallel retries make one member', async () => {
    const body = { email: 'reg.once@example.com', password: 'harbor-money-test-7391', firstName: 'Ren' };
    const first = await server.call('POST', '/members/v1/members/register', { body, headers: key('reg-1') });
    const again = await server.call('POST', '/members/v1/members/register', { body, headers: key('reg-1') });
    assert.equal(first.status, 202);
    assert.equal(again.status, 202, JSON.stringify(again.body));
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    const other = await server.call('POST', '/members/v1/members/register', {
      body: { ...body, password: 'harbor-money-test-8462' },
      headers: key('reg-1'),
    });
    assert.equal(other.status, 409);
    assert.equal(other.body.details.applicationError.code, 'IDEMPOTENCY_KEY_REUSED');

    const parallel = { email: 'reg.parallel@example.com', password: 'harbor-money-test-7391' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        server.call('POST', '/members/v1/members/register', { body: parallel, headers: key('reg-parallel') }),
      ),
    );
    assert.deepEqual([...new Set(answers.map((a) => a.status))], [202]);
    assert.equal(new Set(answers.map((a) => JSON.stringify(a.body))).size, 1);
    assert.equal(await count(server, "SELECT COUNT(*) AS n FROM members WHERE email = 'reg.parallel@example.com'"), 1);
  });
});

describe('the idempotency claim', () => {
  const dir = mkdtempSync(join(tmpdir(), 'money-idem-'));
  const storage = createSqliteStorage(join(dir, 'db.sqlite'));
  const clock = { now: new Date('2026-12-01T15:00:00.000Z') };
  after(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a duplicate that waits too long for the first request is 409 IDEMPOTENCY_REQUEST_IN_PROGRESS with Retry-After, then replays', async () => {
    const idem = new Idempotency(storage, () => clock.now, { waitMs: 50 });
    let finish: (v: { id: string }) => void = () => undefined;
    const first = idem.run(
      { scope: 't', key: 'slow', request: { a: 1 } },
      () => new Promise<{ id: string }>((resolve) => (finish = resolve)),
    );
    await new Promise((r) => setTimeout(r, 10));
    await assert.rejects(
      idem.run({ scope: 't', key: 'slow', request: { a: 1 } }, async () => ({ id: 'second' })),
      (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.equal(statusOf(e.code), 409);
        assert.equal(e.code, 'IDEMPOTENCY_REQUEST_IN_PROGRESS');
        assert.equal(e.data['retryAfterSeconds'], 1);
        return true;
      },
    );
    finish({ id: 'first' });
    assert.deepEqual(await first, { statusCode: 200, body: { id: 'first' }, replayed: false });
    assert.deepEqual(await idem.run({ scope: 't', key: 'slow', request: { a: 1 } }, async () => ({ id: 'third' })), {
      statusCode: 200,
      body: { id: 'first' },
      replayed: true,
    });
  });

  it('a claim whose process died is taken over once its lease is over; a failed request is not remembered', async () => {
    const idem = new Idempotency(storage, () => clock.now, { waitMs: 0, leaseMs: 60_000 });
    void idem.run({ scope: 't', key: 'dead', request: {} }, () => new Promise<never>(() => undefined)); // never answers
    await new Promise((r) => setTimeout(r, 10));
    clock.now = new Date(clock.now.getTime() + 61_000);
    assert.equal((await idem.run({ scope: 't', key: 'dead', request: {} }, async () => 'taken over')).body, 'taken over');
    await assert.rejects(idem.run({ scope: 't', key: 'fails', request: {} }, async () => Promise.reject(new Error('boom'))));
    assert.equal((await idem.run({ scope: 't', key: 'fails', request: { other: true } }, async () => 'ran again')).body, 'ran again');
  });
});
