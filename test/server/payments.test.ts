/** The sandbox payment provider: each test token's outcome, idempotent charges, refunds, late failures. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SandboxProvider } from '../../server/domain/payments/sandbox.js';

const charge = (p: SandboxProvider, cardToken: string, key: string = crypto.randomUUID()) =>
  p.charge({ orderId: 'order-1', amountMinor: 2000, currency: 'USD', cardToken, idempotencyKey: key });

describe('sandbox payment provider', () => {
  it('tok_visa succeeds, tok_declined is declined with a reason, tok_error is an outage', async () => {
    const p = new SandboxProvider();
    assert.equal((await charge(p, 'tok_visa')).outcome, 'succeeded');
    const declined = await charge(p, 'tok_declined');
    assert.equal(declined.outcome, 'declined');
    assert.match(declined.outcome === 'declined' ? declined.reason : '', /declined/);
    assert.equal((await charge(p, 'tok_error')).outcome, 'error');
    assert.equal((await charge(p, 'tok_unknown')).outcome, 'declined');
  });

  it('the same order and key charge once', async () => {
    const p = new SandboxProvider();
    const [a, b] = await Promise.all([charge(p, 'tok_visa', 'k1'), charge(p, 'tok_visa', 'k1')]);
    assert.ok(a.outcome === 'succeeded' && b.outcome === 'succeeded');
    assert.equal(a.chargeId, b.chargeId);
    const c = await charge(p, 'tok_visa', 'k2');
    assert.ok(c.outcome === 'succeeded');
    assert.notEqual(c.chargeId, a.chargeId);
  });

  it('refunds up to what was charged, once per key', async () => {
    const p = new SandboxProvider();
    const paid = await charge(p, 'tok_visa');
    assert.ok(paid.outcome === 'succeeded');
    const refund = { chargeId: paid.chargeId, amountMinor: 1500, currency: 'USD', idempotencyKey: 'r1' };
    const first = await p.refund(refund);
    assert.equal(first.outcome, 'succeeded');
    assert.deepEqual(await p.refund(refund), first);
    assert.equal((await p.refund({ ...refund, idempotencyKey: 'r2' })).outcome, 'error', 'only 5.00 is left to refund');
  });

  it('tok_async_declined is pending, then reports a failed settlement', async () => {
    const p = new SandboxProvider({ settleAfterMs: 10 });
    const settled = new Promise<{ outcome: string; orderId: string }>((resolve) => p.onSettled(resolve));
    const result = await charge(p, 'tok_async_declined');
    assert.equal(result.outcome, 'pending');
    const event = await settled;
    assert.equal(event.outcome, 'failed');
    assert.equal(event.orderId, 'order-1');
    p.close();
  });
});
