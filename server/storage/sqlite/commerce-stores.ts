/** The SQLite stores for checkout, orders, payments and plan credits, as one `storage.commerce`. */
import type { CommerceStores } from '../commerce-types.js';
import type { SqliteExecutor } from './database.js';
import { SqliteCheckoutStore } from './checkout-store.js';
import { SqliteOrderStore } from './order-store.js';
import { SqlitePaymentStore } from './payment-store.js';
import { SqlitePlanCreditStore } from './plan-credit-store.js';
import { SqliteOrderClaimStore } from './order-claim-store.js';
import { SqlitePlanOrderStateStore } from './plan-order-state-store.js';

export function createCommerceStores(x: SqliteExecutor): CommerceStores {
  return {
    checkouts: new SqliteCheckoutStore(x),
    orders: new SqliteOrderStore(x),
    payments: new SqlitePaymentStore(x),
    credits: new SqlitePlanCreditStore(x),
    orderClaims: new SqliteOrderClaimStore(x),
    planOrders: new SqlitePlanOrderStateStore(x),
  };
}
