/** Payments in SQLite: charges and refunds of orders and plan orders, with the provider's reference. */
import type { PaymentRecord, PaymentStore } from '../commerce-types.js';
import type { SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

interface PaymentRow {
  id: string;
  order_id: string | null;
  plan_order_id: string | null;
  kind: PaymentRecord['kind'];
  provider: string;
  provider_ref: string | null;
  amount_minor: number;
  currency: string;
  status: PaymentRecord['status'];
  reason: string | null;
  created_date: string;
}

const rowToPayment = (r: PaymentRow): PaymentRecord => ({
  id: r.id,
  ...(r.order_id ? { orderId: r.order_id } : {}),
  ...(r.plan_order_id ? { planOrderId: r.plan_order_id } : {}),
  kind: r.kind,
  provider: r.provider,
  ...(r.provider_ref ? { providerRef: r.provider_ref } : {}),
  amountMinor: r.amount_minor,
  currency: r.currency,
  status: r.status,
  ...(r.reason ? { reason: r.reason } : {}),
  createdDate: r.created_date,
});

export class SqlitePaymentStore implements PaymentStore {
  constructor(private readonly x: SqliteExecutor) {}
  insert(p: PaymentRecord): Promise<void> {
    return this.x.exec((db) => {
      prepared(
        db,
        `INSERT INTO payments (id, order_id, plan_order_id, kind, provider, provider_ref, amount_minor, currency, status, reason, created_date, updated_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        p.id,
        p.orderId ?? null,
        p.planOrderId ?? null,
        p.kind,
        p.provider,
        p.providerRef ?? null,
        p.amountMinor,
        p.currency,
        p.status,
        p.reason ?? null,
        p.createdDate,
        p.createdDate,
      );
    });
  }
  listForOrder(orderId: string): Promise<PaymentRecord[]> {
    return this.x.exec((db) =>
      (prepared(db, 'SELECT * FROM payments WHERE order_id = ? ORDER BY created_date, rowid').all(orderId) as PaymentRow[]).map(
        rowToPayment,
      ),
    );
  }
  findByProviderRef(provider: string, ref: string): Promise<PaymentRecord | null> {
    return this.x.exec((db) => {
      const r = prepared(db, "SELECT * FROM payments WHERE provider = ? AND provider_ref = ? AND kind = 'CHARGE'").get(provider, ref) as
        PaymentRow | undefined;
      return r ? rowToPayment(r) : null;
    });
  }
  setStatus(id: string, status: PaymentRecord['status'], reason?: string): Promise<void> {
    return this.x.exec((db) => {
      prepared(db, 'UPDATE payments SET status = ?, reason = COALESCE(?, reason), updated_date = ? WHERE id = ?').run(
        status,
        reason ?? null,
        new Date().toISOString(),
        id,
      );
    });
  }
  moveStatus(id: string, from: PaymentRecord['status'], to: PaymentRecord['status'], reason?: string): Promise<boolean> {
    return this.x.exec(
      (db) =>
        prepared(db, 'UPDATE payments SET status = ?, reason = COALESCE(?, reason), updated_date = ? WHERE id = ? AND status = ?').run(
          to,
          reason ?? null,
          new Date().toISOString(),
          id,
          from,
        ).changes > 0,
    );
  }
}
