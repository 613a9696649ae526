/** The order payment state machine, pure: every (state × event) pair, written out here independently. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PAYMENT_EVENT_TYPES,
  PAYMENT_STATES,
  decide,
  openingStatus,
  type PaymentEvent,
  type PaymentEventType,
} from '../../server/domain/payments/payment-state.js';
import type { OrderPaymentStatus } from '../../src/model/checkout.js';

/** One event of each type; amounts chosen so that a refund leaves something and a settlement pays in full. */
const EVENTS: Record<PaymentEventType, PaymentEvent> = {
  CHARGE_SETTLED: { type: 'CHARGE_SETTLED', paidMinor: 2000, totalMinor: 2000 },
  CHARGE_FAILED: { type: 'CHARGE_FAILED' },
  MARK_PAID: { type: 'MARK_PAID' },
  REFUND: { type: 'REFUND', remainingMinor: 500 },
  DECLINE_UNPAID: { type: 'DECLINE_UNPAID' },
};

type Expect = OrderPaymentStatus | 'ignore' | 'refuse';
const X = 'refuse' as const;
const I = 'ignore' as const;

//                      CHARGE_SETTLED  CHARGE_FAILED  MARK_PAID  REFUND                DECLINE_UNPAID
const EXPECTED: Record<OrderPaymentStatus, [Expect, Expect, Expect, Expect, Expect]> = {
  NOT_PAID: [X, X, 'PAID', X, 'NOT_PAID'],
  PENDING: ['PAID', 'DECLINED', X, X, X],
  PARTIALLY_PAID: [I, X, 'PAID', 'PARTIALLY_REFUNDED', X],
  PAID: [I, X, X, 'PARTIALLY_REFUNDED', X],
  PARTIALLY_REFUNDED: [I, X, X, 'PARTIALLY_REFUNDED', X],
  FULLY_REFUNDED: [I, X, X, X, X],
  DECLINED: [X, I, X, X, X],
};

describe('order payment state machine', () => {
  for (const from of PAYMENT_STATES) {
    for (const [i, type] of PAYMENT_EVENT_TYPES.entries()) {
      const expected = EXPECTED[from][i];
      it(`${from} × ${type} → ${expected}`, () => {
        const d = decide(from, EVENTS[type]);
        if (expected === 'refuse') {
          assert.equal(d.kind, 'refuse');
          assert.ok(d.kind === 'refuse' && d.message.length > 20, 'a refusal says what to do');
        } else if (expected === 'ignore') assert.equal(d.kind, 'ignore');
        else assert.deepEqual(d, { kind: 'move', from, to: expected });
      });
    }
  }

  it('covers exactly the seven states and five events', () => {
    assert.equal(PAYMENT_STATES.length * PAYMENT_EVENT_TYPES.length, 35);
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...PAYMENT_STATES].sort());
  });

  it('amounts decide the target: a refund of everything is FULLY_REFUNDED, a partial settlement PARTIALLY_PAID', () => {
    assert.deepEqual(decide('PAID', { type: 'REFUND', remainingMinor: 0 }), { kind: 'move', from: 'PAID', to: 'FULLY_REFUNDED' });
    assert.deepEqual(decide('PARTIALLY_REFUNDED', { type: 'REFUND', remainingMinor: 0 }), {
      kind: 'move',
      from: 'PARTIALLY_REFUNDED',
      to: 'FULLY_REFUNDED',
    });
    assert.deepEqual(decide('PENDING', { type: 'CHARGE_SETTLED', paidMinor: 2000, totalMinor: 8000 }), {
      kind: 'move',
      from: 'PENDING',
      to: 'PARTIALLY_PAID',
    });
  });

  it('an order opens PENDING while its charge settles, else by what was paid', () => {
    assert.equal(openingStatus(2000, 2000, true), 'PENDING');
    assert.equal(openingStatus(2000, 2000, false), 'PAID');
    assert.equal(openingStatus(2000, 8000, false), 'PARTIALLY_PAID');
    assert.equal(openingStatus(0, 2000, false), 'NOT_PAID');
    assert.equal(openingStatus(0, 0, false), 'PAID');
  });
});
