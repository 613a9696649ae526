/** Storage interfaces for checkout, orders, payments and plan credits (contract sections 7 and 8). */
import type { CheckoutRecord, OrderRecord } from '../../src/model/checkout.js';

/** Who may see a checkout or an order: `visitor:<id>`, `member:<id>` or `owner`. */
export type CallerScope = string;

export interface StoredCheckout {
  checkout: CheckoutRecord;
  scope: CallerScope;
}

export interface StoredOrder {
  order: OrderRecord;
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
  /** CLAIMED while its refund is asked of the provider, DONE once refunded. */
  refundState?: 'CLAIMED' | 'DONE';
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
  /** Move a booking's refund state from `from` to `to` (null: none); false when it was not in `from`. */
  moveRefund(bookingId: string, from: OrderBookingLink['refundState'] | null, to: OrderBookingLink['refundState'] | null): Promise<boolean>;
}

export type OrderClaimOutcome =
  | { kind: 'claimed' }
  /** Another create-order of the same checkout holds it. */
  | { kind: 'busy' }
  /** Another checkout is placing an order for this booking. */
  | { kind: 'booking-busy'; bookingId: string };

/** Who is placing an order right now, so that only one request charges for a checkout or a booking. */
export interface OrderClaimStore {
  /** Claim the checkout and its bookings at once, or nothing; claims past `claimedUntil` are taken over. */
  claim(input: { checkoutId: string; bookingIds: string[]; claimId: string; at: string; claimedUntil: string }): Promise<OrderClaimOutcome>;
  release(claimId: string): Promise<void>;
}

/** Plan orders ended by the money side: a payment that failed after the plan was sold. */
export interface PlanOrderCancellation {
  planOrderId: string;
  canceledDate: string;
  reason: string;
}

export interface PlanOrderStateStore {
  /** Cancel a plan order and take its remaining credits; false when it was already canceled. */
  cancel(planOrderId: string, at: string, reason: string): Promise<boolean>;
  cancellations(memberId: string): Promise<PlanOrderCancellation[]>;
}

export interface PaymentStore {
  insert(payment: PaymentRecord): Promise<void>;
  listForOrder(orderId: string): Promise<PaymentRecord[]>;
  findByProviderRef(provider: string, ref: string): Promise<PaymentRecord | null>;
  setStatus(id: string, status: PaymentRecord['status'], reason?: string): Promise<void>;
  /** Set the status only if it is still `from`: true for the one caller that moved it. */
  moveStatus(id: string, from: PaymentRecord['status'], to: PaymentRecord['status'], reason?: string): Promise<boolean>;
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
  /** The uses of one plan order not given back yet. */
  openUsesOf(planOrderId: string): Promise<CreditUse[]>;
}

export interface CommerceStores {
  checkouts: CheckoutStore;
  orders: OrderStore;
  payments: PaymentStore;
  credits: PlanCreditStore;
  orderClaims: OrderClaimStore;
  planOrders: PlanOrderStateStore;
}
