/**
 * Writing a payment state machine's move onto an order, with the amounts it goes with: the one place an order's
 * paymentStatus, balance and revision change after it was placed (order-payments.ts and order-refunds.ts).
 */
import type { OrderRecord } from '../../../src/model/checkout.js';
import type { StoredOrder } from '../../storage/commerce-types.js';
import type { PaymentDecision } from '../payments/payment-state.js';
import { DomainError } from '../errors.js';
import { fromMinor } from '../money.js';
import { appendOrderEvent } from '../outbox/events.js';
import type { CommerceStorage } from './checkout-reader.js';

export type AllowedMove = Exclude<PaymentDecision, { kind: 'refuse' }>;

/** Call inside a transaction. An ignore writes nothing; a lost race with another writer is 409 ORDER_CHANGED. */
export async function writeOrderMove(
  storage: CommerceStorage,
  now: Date,
  stored: StoredOrder,
  decision: AllowedMove,
  change: { paidMinor?: number; status?: OrderRecord['status'] },
): Promise<OrderRecord> {
  if (decision.kind === 'ignore') return stored.order;
  const paidMinor = change.paidMinor ?? stored.paidMinor;
  const currency = stored.order.priceSummary.total.currency;
  const order: OrderRecord = {
    ...stored.order,
    status: change.status ?? stored.order.status,
    paymentStatus: decision.to,
    balance: { balance: fromMinor(Math.max(0, stored.totalMinor - paidMinor), currency), totalPaid: fromMinor(paidMinor, currency) },
    updatedDate: now.toISOString(),
  };
  const written = await storage.commerce.orders.update({ ...stored, order, paidMinor, revision: stored.revision + 1 }, stored.revision);
  if (!written) throw new DomainError('ORDER_CHANGED', `Order ${stored.order.id} changed meanwhile; try again.`);
  await appendOrderEvent(storage, order, stored.order.paymentStatus, now);
  return order;
}
