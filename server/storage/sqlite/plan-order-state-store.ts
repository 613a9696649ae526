/** Plan orders canceled because their payment failed after the sale: the flag and the credits taken away. */
import type { PlanOrderCancellation, PlanOrderStateStore } from '../commerce-types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqlitePlanOrderStateStore implements PlanOrderStateStore {
  constructor(private readonly x: SqliteExecutor) {}

  cancel(planOrderId: string, at: string, reason: string): Promise<boolean> {
    return this.x.exec(
      (db) =>
        prepared(
          db,
          `UPDATE member_plan_orders SET canceled_date = ?, cancel_reason = ?,
             credits_remaining = CASE WHEN credits_remaining IS NULL THEN NULL ELSE 0 END
           WHERE id = ? AND canceled_date IS NULL`,
        ).run(at, reason, planOrderId).changes > 0,
    );
  }

  cancellations(memberId: string): Promise<PlanOrderCancellation[]> {
    return this.x.exec((db) =>
      (
        prepared(
          db,
          'SELECT id, canceled_date, cancel_reason FROM member_plan_orders WHERE member_id = ? AND canceled_date IS NOT NULL',
        ).all(memberId) as {
          id: string;
          canceled_date: string;
          cancel_reason: string | null;
        }[]
      ).map((r) => ({ planOrderId: r.id, canceledDate: r.canceled_date, reason: r.cancel_reason ?? '' })),
    );
  }
}
