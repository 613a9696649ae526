/** Plan credits in SQLite: a booking paid with a plan takes credits, and gives them back when it ends early. */
import type { CreditUse, PlanCreditStore } from '../commerce-types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface CreditRow {
  booking_id: string;
  plan_order_id: string;
  credits: number;
  used_date: string;
  returned_date: string | null;
}

const rowToCreditUse = (r: CreditRow): CreditUse => ({
  bookingId: r.booking_id,
  planOrderId: r.plan_order_id,
  credits: r.credits,
  usedDate: r.used_date,
  ...(r.returned_date ? { returnedDate: r.returned_date } : {}),
});

export class SqlitePlanCreditStore implements PlanCreditStore {
  constructor(private readonly x: SqliteExecutor) {}
  use(u: Omit<CreditUse, 'returnedDate'>): Promise<boolean> {
    return this.x.exec((db) =>
      db.transaction(() => {
        // NULL credits_remaining is an unlimited plan: nothing to take. A canceled plan gives nothing.
        const taken = prepared(
          db,
          'UPDATE member_plan_orders SET credits_remaining = credits_remaining - ? WHERE id = ? AND canceled_date IS NULL AND (credits_remaining IS NULL OR credits_remaining >= ?)',
        ).run(u.credits, u.planOrderId, u.credits).changes;
        if (taken === 0) return false;
        prepared(db, 'INSERT INTO plan_credit_uses (booking_id, plan_order_id, credits, used_date) VALUES (?, ?, ?, ?)').run(
          u.bookingId,
          u.planOrderId,
          u.credits,
          u.usedDate,
        );
        return true;
      })(),
    );
  }
  giveBack(bookingId: string, at: string): Promise<number> {
    return this.x.exec((db) =>
      db.transaction(() => {
        const use = prepared(db, 'SELECT plan_order_id, credits FROM plan_credit_uses WHERE booking_id = ? AND returned_date IS NULL').get(
          bookingId,
        ) as { plan_order_id: string; credits: number } | undefined;
        if (!use) return 0;
        prepared(db, 'UPDATE plan_credit_uses SET returned_date = ? WHERE booking_id = ?').run(at, bookingId);
        // A canceled plan's credits are gone for good: nothing comes back to it.
        prepared(
          db,
          'UPDATE member_plan_orders SET credits_remaining = credits_remaining + ? WHERE id = ? AND credits_remaining IS NOT NULL AND canceled_date IS NULL',
        ).run(use.credits, use.plan_order_id);
        return use.credits;
      })(),
    );
  }
  forBooking(bookingId: string): Promise<CreditUse | null> {
    return this.x.exec((db) => {
      const r = prepared(db, 'SELECT * FROM plan_credit_uses WHERE booking_id = ?').get(bookingId) as CreditRow | undefined;
      return r ? rowToCreditUse(r) : null;
    });
  }
  openUsesOf(planOrderId: string): Promise<CreditUse[]> {
    return this.x.exec((db) =>
      (
        prepared(db, 'SELECT * FROM plan_credit_uses WHERE plan_order_id = ? AND returned_date IS NULL ORDER BY used_date, rowid').all(
          planOrderId,
        ) as CreditRow[]
      ).map(rowToCreditUse),
    );
  }
}
