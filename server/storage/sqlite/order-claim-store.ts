/**
 * Claims on a checkout and its bookings while an order is placed: only the claimant charges. One synchronous
 * statement group per call, so of racing create-orders exactly one wins; a claim past its lease (its process
 * died) is taken over.
 */
import type { OrderClaimOutcome, OrderClaimStore } from '../commerce-types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqliteOrderClaimStore implements OrderClaimStore {
  constructor(private readonly x: SqliteExecutor) {}

  claim(input: {
    checkoutId: string;
    bookingIds: string[];
    claimId: string;
    at: string;
    claimedUntil: string;
  }): Promise<OrderClaimOutcome> {
    return this.x.exec((db) =>
      db.transaction((): OrderClaimOutcome => {
        const subjects = [`checkout:${input.checkoutId}`, ...input.bookingIds.map((id) => `booking:${id}`)];
        const lapse = prepared(db, 'DELETE FROM order_claims WHERE subject = ? AND claimed_until <= ?');
        for (const s of subjects) lapse.run(s, input.at);
        const held = prepared(db, 'SELECT checkout_id FROM order_claims WHERE subject = ?');
        if (held.get(subjects[0])) return { kind: 'busy' };
        for (const bookingId of input.bookingIds) {
          const other = held.get(`booking:${bookingId}`) as { checkout_id: string } | undefined;
          if (other) return other.checkout_id === input.checkoutId ? { kind: 'busy' } : { kind: 'booking-busy', bookingId };
        }
        const insert = prepared(db, 'INSERT INTO order_claims (subject, checkout_id, claim_id, claimed_until) VALUES (?, ?, ?, ?)');
        for (const s of subjects) insert.run(s, input.checkoutId, input.claimId, input.claimedUntil);
        return { kind: 'claimed' };
      })(),
    );
  }

  release(claimId: string): Promise<void> {
    return this.x.exec((db) => {
      prepared(db, 'DELETE FROM order_claims WHERE claim_id = ?').run(claimId);
    });
  }
}
