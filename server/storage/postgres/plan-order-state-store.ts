/**
 * Plan orders canceled because their payment failed after the sale, as in SQLite (sqlite/plan-order-state-store.ts):
 * the flag and the credits taken away, in one statement so only one caller cancels.
 */
import type { PlanOrderCancellation, PlanOrderStateStore } from '../commerce-types.js';
import type { PostgresExecutor } from './executor.js';
import { iso } from './rows.js';

export class PostgresPlanOrderStateStore implements PlanOrderStateStore {
  constructor(private readonly x: PostgresExecutor) {}

  async cancel(planOrderId: string, at: string, reason: string): Promise<boolean> {
    const canceled = await this.x.query(
      `UPDATE member_plan_orders SET canceled_date = $1, cancel_reason = $2,
         credits_remaining = CASE WHEN credits_remaining IS NULL THEN NULL ELSE 0 END
       WHERE id = $3 AND canceled_date IS NULL RETURNING id`,
      [at, reason, planOrderId],
    );
    return canceled.length > 0;
  }

  async cancellations(memberId: string): Promise<PlanOrderCancellation[]> {
    // SQLite walks its member index, so in the order the plan orders were made; PostgreSQL has no rowid on this
    // table, and created_date (then id) is that order.
    const rows = await this.x.query<{ id: string; canceled_date: Date; cancel_reason: string | null }>(
      `SELECT id, canceled_date, cancel_reason FROM member_plan_orders
       WHERE member_id = $1 AND canceled_date IS NOT NULL ORDER BY created_date, id`,
      [memberId],
    );
    return rows.map((r) => ({ planOrderId: r.id, canceledDate: iso(r.canceled_date), reason: r.cancel_reason ?? '' }));
  }
}
