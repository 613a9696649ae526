/** SQLite stores for checkout, orders, payments and plan credits. */
import type { Checkout, Order } from '../../../src/model/checkout.js';
import type {
  CheckoutStore,
  OrderStore,
  PaymentStore,
  PlanCreditStore,
  StoredCheckout,
  StoredOrder,
  OrderBookingLink,
  PaymentRecord,
  CreditUse,
  CommerceStores,
} from '../commerce-types.js';
import { fromJson, toJson, type SqliteExecutor } from './database.js';
import { SqliteOrderClaimStore } from './order-claim-store.js';
import { SqlitePlanOrderStateStore } from './plan-order-state-store.js';

class SqliteCheckoutStore implements CheckoutStore {
  constructor(private readonly x: SqliteExecutor) {}
  insert(r: StoredCheckout): Promise<void> {
    return this.x.exec((db) => {
      db.prepare('INSERT INTO checkouts (id, scope, checkout_json, order_id, created_date, updated_date) VALUES (?, ?, ?, NULL, ?, ?)').run(
        r.checkout.id,
        r.scope,
        toJson(r.checkout),
        r.checkout.createdDate,
        r.checkout.updatedDate,
      );
    });
  }
  get(id: string): Promise<StoredCheckout | null> {
    return this.x.exec((db) => {
      const row = db.prepare('SELECT scope, checkout_json, order_id FROM checkouts WHERE id = ?').get(id) as
        { scope: string; checkout_json: string; order_id: string | null } | undefined;
      if (!row) return null;
      const checkout = fromJson<Checkout>(row.checkout_json, {} as Checkout);
      return { scope: row.scope, checkout: { ...checkout, ...(row.order_id ? { orderId: row.order_id } : {}) } };
    });
  }
  setOrderId(checkoutId: string, orderId: string): Promise<void> {
    return this.x.exec((db) => {
      db.prepare('UPDATE checkouts SET order_id = ?, updated_date = ? WHERE id = ?').run(orderId, new Date().toISOString(), checkoutId);
    });
  }
}

interface OrderRow {
  id: string;
  scope: string;
  status: Order['status'];
  payment_status: Order['paymentStatus'];
  total_minor: number;
  paid_minor: number;
  order_json: string;
  revision: number;
  updated_date: string;
}

class SqliteOrderStore implements OrderStore {
  constructor(private readonly x: SqliteExecutor) {}
  insert(r: StoredOrder, links: OrderBookingLink[]): Promise<void> {
    return this.x.exec((db) => {
      const o = r.order;
      db.prepare(
        `INSERT INTO orders (id, checkout_id, scope, status, payment_status, currency, total_minor, paid_minor, order_json, revision, created_date, updated_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        o.id,
        o.checkoutId,
        r.scope,
        o.status,
        o.paymentStatus,
        o.priceSummary.total.currency,
        r.totalMinor,
        r.paidMinor,
        toJson(o),
        r.revision,
        o.createdDate,
        o.updatedDate,
      );
      const link = db.prepare(
        'INSERT INTO order_bookings (booking_id, order_id, payment_option, price_minor, pay_now_minor) VALUES (?, ?, ?, ?, ?)',
      );
      for (const l of links) link.run(l.bookingId, l.orderId, l.paymentOption, l.priceMinor, l.payNowMinor);
    });
  }
  get(id: string): Promise<StoredOrder | null> {
    return this.x.exec((db) => {
      const row = db.prepare('SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
      if (!row) return null;
      const order = fromJson<Order>(row.order_json, {} as Order);
      return {
        order: { ...order, status: row.status, paymentStatus: row.payment_status, updatedDate: row.updated_date },
        scope: row.scope,
        paidMinor: row.paid_minor,
        totalMinor: row.total_minor,
        revision: row.revision,
      };
    });
  }
  update(r: StoredOrder, expectedRevision: number): Promise<boolean> {
    return this.x.exec(
      (db) =>
        db
          .prepare(
            'UPDATE orders SET status = ?, payment_status = ?, paid_minor = ?, order_json = ?, revision = ?, updated_date = ? WHERE id = ? AND revision = ?',
          )
          .run(
            r.order.status,
            r.order.paymentStatus,
            r.paidMinor,
            toJson(r.order),
            r.revision,
            r.order.updatedDate,
            r.order.id,
            expectedRevision,
          ).changes > 0,
    );
  }
  links(orderId: string): Promise<OrderBookingLink[]> {
    return this.x.exec((db) =>
      (db.prepare('SELECT * FROM order_bookings WHERE order_id = ? ORDER BY rowid').all(orderId) as LinkRow[]).map(rowToLink),
    );
  }
  linkForBooking(bookingId: string): Promise<OrderBookingLink | null> {
    return this.x.exec((db) => {
      const l = db.prepare('SELECT * FROM order_bookings WHERE booking_id = ?').get(bookingId) as LinkRow | undefined;
      return l ? rowToLink(l) : null;
    });
  }
  moveRefund(
    bookingId: string,
    from: OrderBookingLink['refundState'] | null,
    to: OrderBookingLink['refundState'] | null,
  ): Promise<boolean> {
    return this.x.exec(
      (db) =>
        db
          .prepare('UPDATE order_bookings SET refund_state = ? WHERE booking_id = ? AND refund_state IS ?')
          .run(to ?? null, bookingId, from ?? null).changes > 0,
    );
  }
}

interface LinkRow {
  booking_id: string;
  order_id: string;
  payment_option: string;
  price_minor: number;
  pay_now_minor: number;
  refund_state: 'CLAIMED' | 'DONE' | null;
}

const rowToLink = (l: LinkRow): OrderBookingLink => ({
  bookingId: l.booking_id,
  orderId: l.order_id,
  paymentOption: l.payment_option,
  priceMinor: l.price_minor,
  payNowMinor: l.pay_now_minor,
  ...(l.refund_state ? { refundState: l.refund_state } : {}),
});

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

class SqlitePaymentStore implements PaymentStore {
  constructor(private readonly x: SqliteExecutor) {}
  insert(p: PaymentRecord): Promise<void> {
    return this.x.exec((db) => {
      db.prepare(
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
      (db.prepare('SELECT * FROM payments WHERE order_id = ? ORDER BY created_date, rowid').all(orderId) as PaymentRow[]).map(rowToPayment),
    );
  }
  findByProviderRef(provider: string, ref: string): Promise<PaymentRecord | null> {
    return this.x.exec((db) => {
      const r = db.prepare("SELECT * FROM payments WHERE provider = ? AND provider_ref = ? AND kind = 'CHARGE'").get(provider, ref) as
        PaymentRow | undefined;
      return r ? rowToPayment(r) : null;
    });
  }
  setStatus(id: string, status: PaymentRecord['status'], reason?: string): Promise<void> {
    return this.x.exec((db) => {
      db.prepare('UPDATE payments SET status = ?, reason = COALESCE(?, reason), updated_date = ? WHERE id = ?').run(
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
        db
          .prepare('UPDATE payments SET status = ?, reason = COALESCE(?, reason), updated_date = ? WHERE id = ? AND status = ?')
          .run(to, reason ?? null, new Date().toISOString(), id, from).changes > 0,
    );
  }
}

class SqlitePlanCreditStore implements PlanCreditStore {
  constructor(private readonly x: SqliteExecutor) {}
  use(u: Omit<CreditUse, 'returnedDate'>): Promise<boolean> {
    return this.x.exec((db) =>
      db.transaction(() => {
        // NULL credits_remaining is an unlimited plan: nothing to take. A canceled plan gives nothing.
        const taken = db
          .prepare(
            'UPDATE member_plan_orders SET credits_remaining = credits_remaining - ? WHERE id = ? AND canceled_date IS NULL AND (credits_remaining IS NULL OR credits_remaining >= ?)',
          )
          .run(u.credits, u.planOrderId, u.credits).changes;
        if (taken === 0) return false;
        db.prepare('INSERT INTO plan_credit_uses (booking_id, plan_order_id, credits, used_date) VALUES (?, ?, ?, ?)').run(
          u.bookingId,
          u.planOrderId,
          u.credits,
          u.usedDate,
        );
        return true;
      })(),
    );
  }
  giveBack(bookingId: string, at: string): Promise<number> {
    return this.x.exec((db) =>
      db.transaction(() => {
        const use = db
          .prepare('SELECT plan_order_id, credits FROM plan_credit_uses WHERE booking_id = ? AND returned_date IS NULL')
          .get(bookingId) as { plan_order_id: string; credits: number } | undefined;
        if (!use) return 0;
        db.prepare('UPDATE plan_credit_uses SET returned_date = ? WHERE booking_id = ?').run(at, bookingId);
        // A canceled plan's credits are gone for good: nothing comes back to it.
        db.prepare(
          'UPDATE member_plan_orders SET credits_remaining = credits_remaining + ? WHERE id = ? AND credits_remaining IS NOT NULL AND canceled_date IS NULL',
        ).run(use.credits, use.plan_order_id);
        return use.credits;
      })(),
    );
  }
  forBooking(bookingId: string): Promise<CreditUse | null> {
    return this.x.exec((db) => {
      const r = db.prepare('SELECT * FROM plan_credit_uses WHERE booking_id = ?').get(bookingId) as CreditRow | undefined;
      return r ? rowToCreditUse(r) : null;
    });
  }
  openUsesOf(planOrderId: string): Promise<CreditUse[]> {
    return this.x.exec((db) =>
      (
        db
          .prepare('SELECT * FROM plan_credit_uses WHERE plan_order_id = ? AND returned_date IS NULL ORDER BY used_date, rowid')
          .all(planOrderId) as CreditRow[]
      ).map(rowToCreditUse),
    );
  }
}

interface CreditRow {
  booking_id: string;
  plan_order_id: string;
  credits: number;
  used_date: string;
  returned_date: string | null;
}

const rowToCreditUse = (r: CreditRow): CreditUse => ({
  bookingId: r.booking_id,
  planOrderId: r.plan_order_id,
  credits: r.credits,
  usedDate: r.used_date,
  ...(r.returned_date ? { returnedDate: r.returned_date } : {}),
});

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
