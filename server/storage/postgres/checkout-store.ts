/**
 * Checkouts in PostgreSQL, as in SQLite (sqlite/checkout-store.ts): the checkout document (jsonb), its caller's
 * scope, and the order placed from it. The document comes back as it was written, so its timestamps keep their text.
 */
import type { CheckoutRecord } from '../../../src/model/checkout.js';
import type { CheckoutStore, StoredCheckout } from '../commerce-types.js';
import type { PostgresExecutor } from './executor.js';
import { json } from './rows.js';

interface CheckoutRow {
  scope: string;
  checkout_json: CheckoutRecord;
  order_id: string | null;
}

export class PostgresCheckoutStore implements CheckoutStore {
  constructor(private readonly x: PostgresExecutor) {}

  async insert(r: StoredCheckout): Promise<void> {
    await this.x.query(
      'INSERT INTO checkouts (id, scope, checkout_json, order_id, created_date, updated_date) VALUES ($1, $2, $3, NULL, $4, $5)',
      [r.checkout.id, r.scope, json(r.checkout), r.checkout.createdDate, r.checkout.updatedDate],
    );
  }

  async get(id: string): Promise<StoredCheckout | null> {
    const row = await this.x.one<CheckoutRow>('SELECT scope, checkout_json, order_id FROM checkouts WHERE id = $1', [id]);
    if (!row) return null;
    return { scope: row.scope, checkout: { ...row.checkout_json, ...(row.order_id ? { orderId: row.order_id } : {}) } };
  }

  async setOrderId(checkoutId: string, orderId: string): Promise<void> {
    await this.x.query('UPDATE checkouts SET order_id = $1, updated_date = $2 WHERE id = $3', [
      orderId,
      new Date().toISOString(),
      checkoutId,
    ]);
  }
}
