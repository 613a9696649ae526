/** eCommerce checkout and order (contract section 7). */
import type { Money, Timestamp } from './common.js';

export const BOOKINGS_APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';

export type PaymentOptionType = 'FULL_PAYMENT_ONLINE' | 'FULL_PAYMENT_OFFLINE' | 'DEPOSIT_ONLINE' | 'MEMBERSHIP' | 'MEMBERSHIP_OFFLINE';

export interface CatalogReference {
  appId: string;
  catalogItemId: string;
}

export interface CheckoutLineItem {
  id: string;
  quantity: number;
  catalogReference: CatalogReference;
  productName?: { original: string };
  price: Money;
  paymentOption: PaymentOptionType;
  depositAmount?: Money;
}

export interface PriceSummary {
  subtotal: Money;
  discount?: Money;
  tax?: Money;
  total: Money;
}

export interface Checkout {
  id: string;
  lineItems: CheckoutLineItem[];
  priceSummary: PriceSummary;
  payNow: PriceSummary;
  payLater: PriceSummary;
  currency: string;
  orderId?: string;
  createdDate: Timestamp;
  updatedDate: Timestamp;
}

export type OrderStatus = 'INITIALIZED' | 'APPROVED' | 'CANCELED' | 'PENDING' | 'REJECTED';
export type OrderPaymentStatus = 'NOT_PAID' | 'PAID' | 'PARTIALLY_PAID' | 'PARTIALLY_REFUNDED' | 'FULLY_REFUNDED' | 'PENDING' | 'DECLINED';

export interface Order {
  id: string;
  checkoutId: string;
  status: OrderStatus;
  paymentStatus: OrderPaymentStatus;
  lineItems: CheckoutLineItem[];
  priceSummary: PriceSummary;
  balance: { balance: Money; totalPaid?: Money };
  createdDate: Timestamp;
  updatedDate: Timestamp;
}

/** Extension: how a card payment is passed to create-order. */
export interface PaymentInput {
  provider: 'sandbox' | (string & {});
  cardToken: string;
}
