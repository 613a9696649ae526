/** Storage interfaces for checkout, orders, payments and plan credits (contract sections 7 and 8). */
import type { Checkout, Order } from '../../src/model/checkout.js';

/** Who may see a checkout or an order: `visitor:<id>`, `member:<id>` or `owner`. */
export type CallerScope = string;

export interface StoredCheckout {
  checkout: Checkout;
  scope: CallerScope;
}

export interface StoredOrder {
  order: Order;
  scope: CallerScope;
  /** Money actually taken, minus refunds, in minor units. */
  paidMinor: number;
  totalMinor: number;
  revision: number;
}

export interface OrderBookingLink {
  bookingId: string;
  orderId: string;
  paymentOption: string;
  priceMinor: number;
  payNowMinor: number;
}

export interface PaymentRecord {
  id: string;
  orderId?: string;
  planOrderId?: string;
  kind: 'CHARGE' | 'REFUND';
  provider: string;
  providerRef?: string;
  amountMinor: number;
  currency: string;
  status: 'SUCCEEDED' | 'PENDING' | 'FAILED';
  reason?: string;
  createdDate: string;
}

export interface CheckoutStore {
  insert(record: StoredCheckout): Promise<void>;
  get(id: string): Promise<StoredCheckout | null>;
  setOrderId(checkoutId: string, orderId: string): Promise<void>;
}

export interface OrderStore {
  insert(record: StoredOrder, links: OrderBookingLink[]): Promise<void>;
  get(id: string): Promise<StoredOrder | null>;
  /** Writes if the stored revision is still `expectedRevision`. */
  update(record: StoredOrder, expectedRevision: number): Promise<boolean>;
  links(orderId: string): Promise<OrderBookingLink[]>;
  linkForBooking(bookingId: string): Promise<OrderBookingLink | null>;
}

export interface PaymentStore {
  insert(payment: PaymentRecord): Promise<void>;
  listForOrder(orderId: string): Promise<PaymentRecord[]>;
  findByProviderRef(provider: string, ref: string): Promise<PaymentRecord | null>;
  setStatus(id: string, status: PaymentRecord['status'], reason?: string): Promise<void>;
}

export interface CreditUse {
  bookingId: string;
  planOrderId: string;
  credits: number;
  usedDate: string;
  returnedDate?: string;
}

export interface PlanCreditStore {
  /** Take `credits` from the plan order for a booking; false (nothing taken) when too few remain. */
  use(use: Omit<CreditUse, 'returnedDate'>): Promise<boolean>;
  /** Give back what a booking used, once; the credits returned (0 when nothing was used or already returned). */
  giveBack(bookingId: string, at: string): Promise<number>;
  forBooking(bookingId: string): Promise<CreditUse | null>;
}

export interface CommerceStores {
  checkouts: CheckoutStore;
  orders: OrderStore;
  payments: PaymentStore;
  credits: PlanCreditStore;
}
