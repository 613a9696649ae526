/** Checkouts in SQLite: the checkout document, its caller's scope, and the order placed from it. */
import type { CheckoutRecord } from '../../../src/model/checkout.js';
import type { CheckoutStore, StoredCheckout } from '../commerce-types.js';
import { fromJson, toJson, type SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

export class SqliteCheckoutStore implements CheckoutStore {
  constructor(private readonly x: SqliteExecutor) {}
  insert(r: StoredCheckout): Promise<void> {
    return this.x.exec((db) => {
      prepared(
        db,
        'INSERT INTO checkouts (id, scope, checkout_json, order_id, created_date, updated_date) VALUES (?, ?, ?, NULL, ?, ?)',
      ).run(r.checkout.id, r.scope, toJson(r.checkout), r.checkout.createdDate, r.checkout.updatedDate);
    });
  }
  get(id: string): Promise<StoredCheckout | null> {
    return this.x.exec((db) => {
      const row = prepared(db, 'SELECT scope, checkout_json, order_id FROM checkouts WHERE id = ?').get(id) as
        { scope: string; checkout_json: string; order_id: string | null } | undefined;
      if (!row) return null;
      const checkout = fromJson<CheckoutRecord>(row.checkout_json, {} as CheckoutRecord);
      return { scope: row.scope, checkout: { ...checkout, ...(row.order_id ? { orderId: row.order_id } : {}) } };
    });
  }
  setOrderId(checkoutId: string, orderId: string): Promise<void> {
    return this.x.exec((db) => {
      prepared(db, 'UPDATE checkouts SET order_id = ?, updated_date = ? WHERE id = ?').run(orderId, new Date().toISOString(), checkoutId);
    });
  }
}
