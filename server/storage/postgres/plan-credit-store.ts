/**
 * Plan credits in PostgreSQL, as in SQLite (sqlite/plan-credit-store.ts): a booking paid with a plan takes
 * credits, and gives them back when it ends early. Each decision is one conditional statement (the plan order's
 * row, or the use's row, is locked by the UPDATE that decides), inside a transaction with what follows from it.
 */
import type { CreditUse, PlanCreditStore } from '../commerce-types.js';
import type { PostgresExecutor } from './executor.js';
import { iso, isoOrNull } from './rows.js';

interface CreditRow {
  booking_id: string;
  plan_order_id: string;
  credits: number;
  used_date: Date;
  returned_date: Date | null;
}

const rowToCreditUse = (r: CreditRow): CreditUse => {
  const returned = isoOrNull(r.returned_date);
  return {
    bookingId: r.booking_id,
    planOrderId: r.plan_order_id,
    credits: r.credits,
    usedDate: iso(r.used_date),
    ...(returned ? { returnedDate: returned } : {}),
  };
};

const SELECT = 'SELECT booking_id, plan_order_id, credits, used_date, returned_date FROM plan_credit_uses';

export class PostgresPlanCreditStore implements PlanCreditStore {
  constructor(private readonly x: PostgresExecutor) {}

  use(u: Omit<CreditUse, 'returnedDate'>): Promise<boolean> {
    return this.x.transaction(async () => {
      // NULL credits_remaining is an unlimited plan: nothing to take. A canceled plan gives nothing.
      const taken = await this.x.query(
        `UPDATE member_plan_orders SET credits_remaining = credits_remaining - $1
         WHERE id = $2 AND canceled_date IS NULL AND (credits_remaining IS NULL OR credits_remaining >= $1) RETURNING id`,
        [u.credits, u.planOrderId],
      );
      if (taken.length === 0) return false;
      await this.x.query('INSERT INTO plan_credit_uses (booking_id, plan_order_id, credits, used_date) VALUES ($1, $2, $3, $4)', [
        u.bookingId,
        u.planOrderId,
        u.credits,
        u.usedDate,
      ]);
      return true;
    });
  }

  giveBack(bookingId: string, at: string): Promise<number> {
    return this.x.transaction(async () => {
      // Marking the use returned is the decision: of two callers, the second finds it returned already.
      const use = await this.x.one<{ plan_order_id: string; credits: number }>(
        'UPDATE plan_credit_uses SET returned_date = $1 WHERE booking_id = $2 AND returned_date IS NULL RETURNING plan_order_id, credits',
        [at, bookingId],
      );
      if (!use) return 0;
      // A canceled plan's credits are gone for good: nothing comes back to it.
      await this.x.query(
        `UPDATE member_plan_orders SET credits_remaining = credits_remaining + $1
         WHERE id = $2 AND credits_remaining IS NOT NULL AND canceled_date IS NULL`,
        [use.credits, use.plan_order_id],
      );
      return use.credits;
    });
  }

  async forBooking(bookingId: string): Promise<CreditUse | null> {
    const r = await this.x.one<CreditRow>(`${SELECT} WHERE booking_id = $1`, [bookingId]);
    return r ? rowToCreditUse(r) : null;
  }

  async openUsesOf(planOrderId: string): Promise<CreditUse[]> {
    return (
      await this.x.query<CreditRow>(`${SELECT} WHERE plan_order_id = $1 AND returned_date IS NULL ORDER BY used_date, rowid`, [planOrderId])
    ).map(rowToCreditUse);
  }
}
