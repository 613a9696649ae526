/**
 * Orders in SQLite: status, payment status and amounts in columns beside the order document, and the order's
 * bookings with what each costs and what is paid now (and whether its refund is claimed).
 */
import type { OrderRecord } from '../../../src/model/checkout.js';
import type { OrderBookingLink, OrderStore, StoredOrder } from '../commerce-types.js';
import { fromJson, toJson, type SqliteExecutor } from './database.js';
import { prepared } from './statements.js';

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

interface OrderRow {
  id: string;
  scope: string;
  status: OrderRecord['status'];
  payment_status: OrderRecord['paymentStatus'];
  total_minor: number;
  paid_minor: number;
  order_json: string;
  revision: number;
  updated_date: string;
}

export class SqliteOrderStore implements OrderStore {
  constructor(private readonly x: SqliteExecutor) {}
  insert(r: StoredOrder, links: OrderBookingLink[]): Promise<void> {
    return this.x.exec((db) => {
      const o = r.order;
      prepared(
        db,
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
      const link = prepared(
        db,
        'INSERT INTO order_bookings (booking_id, order_id, payment_option, price_minor, pay_now_minor) VALUES (?, ?, ?, ?, ?)',
      );
      for (const l of links) link.run(l.bookingId, l.orderId, l.paymentOption, l.priceMinor, l.payNowMinor);
    });
  }
  get(id: string): Promise<StoredOrder | null> {
    return this.x.exec((db) => {
      const row = prepared(db, 'SELECT * FROM orders WHERE id = ?').get(id) as OrderRow | undefined;
      if (!row) return null;
      const order = fromJson<OrderRecord>(row.order_json, {} as OrderRecord);
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
        prepared(
          db,
          'UPDATE orders SET status = ?, payment_status = ?, paid_minor = ?, order_json = ?, revision = ?, updated_date = ? WHERE id = ? AND revision = ?',
        ).run(
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
      (prepared(db, 'SELECT * FROM order_bookings WHERE order_id = ? ORDER BY rowid').all(orderId) as LinkRow[]).map(rowToLink),
    );
  }
  linkForBooking(bookingId: string): Promise<OrderBookingLink | null> {
    return this.x.exec((db) => {
      const l = prepared(db, 'SELECT * FROM order_bookings WHERE booking_id = ?').get(bookingId) as LinkRow | undefined;
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
        prepared(db, 'UPDATE order_bookings SET refund_state = ? WHERE booking_id = ? AND refund_state IS ?').run(
          to ?? null,
          bookingId,
          from ?? null,
        ).changes > 0,
    );
  }
}
