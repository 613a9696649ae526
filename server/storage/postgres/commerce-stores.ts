/** The PostgreSQL stores for checkout, orders, payments and plan credits, as one `storage.commerce`. */
import type { CommerceStores } from '../commerce-types.js';
import type { PostgresExecutor } from './executor.js';
import { PostgresCheckoutStore } from './checkout-store.js';
import { PostgresOrderStore } from './order-store.js';
import { PostgresPaymentStore } from './payment-store.js';
import { PostgresPlanCreditStore } from './plan-credit-store.js';
import { PostgresOrderClaimStore } from './order-claim-store.js';
import { PostgresPlanOrderStateStore } from './plan-order-state-store.js';

export function createPostgresCommerceStores(x: PostgresExecutor): CommerceStores {
  return {
    checkouts: new PostgresCheckoutStore(x),
    orders: new PostgresOrderStore(x),
    payments: new PostgresPaymentStore(x),
    credits: new PostgresPlanCreditStore(x),
    orderClaims: new PostgresOrderClaimStore(x),
    planOrders: new PostgresPlanOrderStateStore(x),
  };
}
