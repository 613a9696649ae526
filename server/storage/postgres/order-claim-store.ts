/**
 * Claims on a checkout and its bookings while an order is placed, as in SQLite (sqlite/order-claim-store.ts): only
 * the claimant charges; a claim past its lease (its process died) is taken over. One transaction per claim that
 * locks every subject it names (advisory locks, taken in sorted order) before it reads them, so of racing
 * create-orders on any instances exactly one wins; the primary key on `subject` stands behind it.
 */
import type { OrderClaimOutcome, OrderClaimStore } from '../commerce-types.js';
import type { PostgresExecutor } from './executor.js';

export class PostgresOrderClaimStore implements OrderClaimStore {
  constructor(private readonly x: PostgresExecutor) {}

  claim(input: {
    checkoutId: string;
    bookingIds: string[];
    claimId: string;
    at: string;
    claimedUntil: string;
  }): Promise<OrderClaimOutcome> {
    return this.x.transaction(async (): Promise<OrderClaimOutcome> => {
      const checkout = `checkout:${input.checkoutId}`;
      const subjects = [checkout, ...input.bookingIds.map((id) => `booking:${id}`)];
      await this.x.lock(...subjects.map((s) => `order-claim:${s}`));
      // Statement by statement, in the same order as SQLite, so a failure (a booking named twice) is the same one.
      for (const s of subjects) {
        await this.x.query('DELETE FROM order_claims WHERE subject = $1 AND claimed_until <= $2::timestamptz', [s, input.at]);
      }
      const held = (subject: string): Promise<{ checkout_id: string } | null> =>
        this.x.one<{ checkout_id: string }>('SELECT checkout_id FROM order_claims WHERE subject = $1', [subject]);
      if (await held(checkout)) return { kind: 'busy' };
      for (const bookingId of input.bookingIds) {
        const other = await held(`booking:${bookingId}`);
        if (other) return other.checkout_id === input.checkoutId ? { kind: 'busy' } : { kind: 'booking-busy', bookingId };
      }
      for (const s of subjects) {
        await this.x.query('INSERT INTO order_claims (subject, checkout_id, claim_id, claimed_until) VALUES ($1, $2, $3, $4)', [
          s,
          input.checkoutId,
          input.claimId,
          input.claimedUntil,
        ]);
      }
      return { kind: 'claimed' };
    });
  }

  async release(claimId: string): Promise<void> {
    await this.x.query('DELETE FROM order_claims WHERE claim_id = $1', [claimId]);
  }
}
