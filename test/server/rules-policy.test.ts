/**
 * The server's cancellation and reschedule policy over the shared table (test/rules-tables): before the window,
 * inside it, exactly at its edge, already started, disabled, anonymous not allowed, the owner ignoring it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions, cancellationAllowed, rescheduleAllowed } from '../../server/domain/bookings/policy.js';
import { cancellationClosesAt } from '../../src/policy/index.js';
import { POLICY_ROWS, aPolicy, aRuleBooking, before, START } from '../rules-tables/index.js';
import { ACTIVE_STATUSES, FINAL_STATUSES, isFinalStatus } from '../../src/lifecycle/index.js';

describe('shared policy rules, server side', () => {
  for (const row of POLICY_ROWS) {
    it(`${row.name} (${row.caller})`, () => {
      assert.deepEqual(allowedActions(row.policy, row.booking, new Date(row.now), row.caller), row.expect);
    });
  }

  it('says why: started, past the window, disabled, anonymous', () => {
    const confirmed = aRuleBooking('CONFIRMED');
    const reason = (answer: { allowed: boolean; reason?: string }) => (answer.allowed ? 'allowed' : answer.reason);
    assert.match(
      String(reason(cancellationAllowed(aPolicy(), confirmed, new Date(START)))),
      /already started; it can no longer be canceled/,
    );
    assert.match(String(reason(rescheduleAllowed(aPolicy(), confirmed, new Date(before(90))))), /up to 120 minutes before the start/);
    const off = aPolicy({ cancellationPolicy: { enabled: false, limitLatestCancellation: false, latestCancellationInMinutes: 0 } });
    assert.match(String(reason(cancellationAllowed(off, confirmed, new Date(before(600))))), /does not let customers cancel online/);
    const closed = aPolicy({
      cancellationPolicy: { enabled: true, limitLatestCancellation: false, latestCancellationInMinutes: 0, allowAnonymous: false },
    });
    assert.match(String(reason(cancellationAllowed(closed, confirmed, new Date(before(600)), true))), /without signing in/);
  });

  it('the cancel window closes at the first instant the policy refuses', () => {
    for (const row of POLICY_ROWS.filter((r) => r.caller === 'customer' && r.booking.status === 'CONFIRMED')) {
      const closes = cancellationClosesAt(row.policy, row.booking);
      if (closes === undefined) continue;
      const at = (ms: number) => allowedActions(row.policy, row.booking, new Date(ms), 'customer').cancel;
      assert.equal(at(closes - 1), true, `${row.name}: open just before`);
      assert.equal(at(closes), false, `${row.name}: closed at`);
    }
  });

  it('final statuses are DECLINED and CANCELED; every other status is active', () => {
    assert.deepEqual([...FINAL_STATUSES].sort(), ['CANCELED', 'DECLINED']);
    assert.deepEqual([...ACTIVE_STATUSES].sort(), ['CONFIRMED', 'CREATED', 'PENDING', 'WAITING_LIST']);
    assert.equal(isFinalStatus('CANCELED'), true);
    assert.equal(isFinalStatus('PENDING'), false);
  });
});
