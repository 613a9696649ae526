/**
 * Orders in PostgreSQL, as in SQLite (sqlite/order-store.ts): status, payment status and amounts in columns beside
 * the order document (jsonb), and the order's bookings with what each costs and what is paid now (and whether its
 * refund is claimed). The order and its bookings are written in one transaction.
 */
import type { OrderRecord } from '../../../src/model/checkout.js';
import type { OrderBookingLink, OrderStore, StoredOrder } from '../commerce-types.js';
import type { PostgresExecutor } from './executor.js';
import { json, num } from './rows.js';

interface LinkRow {
  booking_id: string;
  order_id: string;
  payment_option: string;
  price_minor: string | number;
  pay_now_minor: string | number;
  refund_state: 'CLAIMED' | 'DONE' | null;
}

const rowToLink = (l: LinkRow): OrderBookingLink => ({
  bookingId: l.booking_id,
  orderId: l.order_id,
  paymentOption: l.payment_option,
  priceMinor: num(l.price_minor),
  payNowMinor: num(l.pay_now_minor),
  ...(l.refund_state ? { refundState: l.refund_state } : {}),
});

const LINK = 'SELECT booking_id, order_id, payment_option, price_minor, pay_now_minor, refund_state FROM order_bookings';

interface OrderRow {
  scope: string;
  status: OrderRecord['status'];
  payment_status: OrderRecord['paymentStatus'];
  total_minor: string | number;
  paid_minor: string | number;
  order_json: OrderRecord;
  revision: number;
}

export class PostgresOrderStore implements OrderStore {
  constructor(private readonly x: PostgresExecutor) {}

  insert(r: StoredOrder, links: OrderBookingLink[]): Promise<void> {
    return this.x.transaction(async () => {
      const o = r.order;
      await this.x.query(
        `INSERT INTO orders (id, checkout_id, scope, status, payment_status, currency, total_minor, paid_minor, order_json, revision, created_date, updated_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          o.id,
          o.checkoutId,
          r.scope,
          o.status,
          o.paymentStatus,
          o.priceSummary.total.currency,
          r.totalMinor,
          r.paidMinor,
          json(o),
          r.revision,
          o.createdDate,
          o.updatedDate,
        ],
      );
      for (const l of links) {
        await this.x.query(
          'INSERT INTO order_bookings (booking_id, order_id, payment_option, price_minor, pay_now_minor) VALUES ($1, $2, $3, $4, $5)',
          [l.bookingId, l.orderId, l.paymentOption, l.priceMinor, l.payNowMinor],
        );
      }
    });
  }

  async get(id: string): Promise<StoredOrder | null> {
    const row = await this.x.one<OrderRow>(
      'SELECT scope, status, payment_status, total_minor, paid_minor, order_json, revision FROM orders WHERE id = $1',
      [id],
    );
    if (!row) return null;
    const order = row.order_json;
    // updated_date is always written with the document's own updatedDate (insert and update): the document's text
    // is the column's value as SQLite answers it, where the timestamptz would come back reformatted.
    return {
      order: { ...order, status: row.status, paymentStatus: row.payment_status, updatedDate: order.updatedDate },
      scope: row.scope,
      paidMinor: num(row.paid_minor),
      totalMinor: num(row.total_minor),
      revision: row.revision,
    };
  }

  async update(r: StoredOrder, expectedRevision: number): Promise<boolean> {
    const moved = await this.x.query(
      `UPDATE orders SET status = $1, payment_status = $2, paid_minor = $3, order_json = $4, revision = $5, updated_date = $6
       WHERE id = $7 AND revision = $8 RETURNING id`,
      [r.order.status, r.order.paymentStatus, r.paidMinor, json(r.order), r.revision, r.order.updatedDate, r.order.id, expectedRevision],
    );
    return moved.length > 0;
  }

  async links(orderId: string): Promise<OrderBookingLink[]> {
    return (await this.x.query<LinkRow>(`${LINK} WHERE order_id = $1 ORDER BY rowid`, [orderId])).map(rowToLink);
  }

  async linkForBooking(bookingId: string): Promise<OrderBookingLink | null> {
    const l = await this.x.one<LinkRow>(`${LINK} WHERE booking_id = $1`, [bookingId]);
    return l ? rowToLink(l) : null;
  }

  async moveRefund(
    bookingId: string,
    from: OrderBookingLink['refundState'] | null,
    to: OrderBookingLink['refundState'] | null,
  ): Promise<boolean> {
    // One statement: of two callers moving the same refund from the same state, exactly one sees its row.
    const moved = await this.x.query(
      'UPDATE order_bookings SET refund_state = $1 WHERE booking_id = $2 AND refund_state IS NOT DISTINCT FROM $3::text RETURNING booking_id',
      [to ?? null, bookingId, from ?? null],
    );
    return moved.length > 0;
  }
}
