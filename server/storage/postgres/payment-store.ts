/** Payments in PostgreSQL, as in SQLite (sqlite/payment-store.ts): charges and refunds of orders and plan orders. */
import type { PaymentRecord, PaymentStore } from '../commerce-types.js';
import type { PostgresExecutor } from './executor.js';
import { iso, num } from './rows.js';

interface PaymentRow {
  id: string;
  order_id: string | null;
  plan_order_id: string | null;
  kind: PaymentRecord['kind'];
  provider: string;
  provider_ref: string | null;
  amount_minor: string | number;
  currency: string;
  status: PaymentRecord['status'];
  reason: string | null;
  created_date: Date;
}

const rowToPayment = (r: PaymentRow): PaymentRecord => ({
  id: r.id,
  ...(r.order_id ? { orderId: r.order_id } : {}),
  ...(r.plan_order_id ? { planOrderId: r.plan_order_id } : {}),
  kind: r.kind,
  provider: r.provider,
  ...(r.provider_ref ? { providerRef: r.provider_ref } : {}),
  amountMinor: num(r.amount_minor),
  currency: r.currency,
  status: r.status,
  ...(r.reason ? { reason: r.reason } : {}),
  createdDate: iso(r.created_date),
});

const SELECT =
  'SELECT id, order_id, plan_order_id, kind, provider, provider_ref, amount_minor, currency, status, reason, created_date FROM payments';

export class PostgresPaymentStore implements PaymentStore {
  constructor(private readonly x: PostgresExecutor) {}

  async insert(p: PaymentRecord): Promise<void> {
    await this.x.query(
      `INSERT INTO payments (id, order_id, plan_order_id, kind, provider, provider_ref, amount_minor, currency, status, reason, created_date, updated_date)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [
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
      ],
    );
  }

  async listForOrder(orderId: string): Promise<PaymentRecord[]> {
    return (await this.x.query<PaymentRow>(`${SELECT} WHERE order_id = $1 ORDER BY created_date, rowid`, [orderId])).map(rowToPayment);
  }

  async findByProviderRef(provider: string, ref: string): Promise<PaymentRecord | null> {
    // SQLite answers the first such charge through its (provider, provider_ref) index: the oldest row.
    const r = await this.x.one<PaymentRow>(
      `${SELECT} WHERE provider = $1 AND provider_ref = $2 AND kind = 'CHARGE' ORDER BY rowid LIMIT 1`,
      [provider, ref],
    );
    return r ? rowToPayment(r) : null;
  }

  async setStatus(id: string, status: PaymentRecord['status'], reason?: string): Promise<void> {
    await this.x.query('UPDATE payments SET status = $1, reason = COALESCE($2, reason), updated_date = $3 WHERE id = $4', [
      status,
      reason ?? null,
      new Date().toISOString(),
      id,
    ]);
  }

  async moveStatus(id: string, from: PaymentRecord['status'], to: PaymentRecord['status'], reason?: string): Promise<boolean> {
    // One statement: of two callers moving the same payment from `from`, exactly one sees its row (READ COMMITTED
    // re-reads the row after the other's commit and finds the status moved).
    const moved = await this.x.query(
      'UPDATE payments SET status = $1, reason = COALESCE($2, reason), updated_date = $3 WHERE id = $4 AND status = $5 RETURNING id',
      [to, reason ?? null, new Date().toISOString(), id, from],
    );
    return moved.length > 0;
  }
}
