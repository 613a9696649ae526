/**
 * eCommerce checkout and order (contract section 7). Prices in checkouts and orders take eCom's shape, as Wix eCom
 * answers them (and as Wix's SDK types read them): `EcomPrice`. The server keeps them as bookings `Money` inside and
 * turns them into this shape on the way out (`Checkout<Money>` is its stored form).
 */
import type { Money, Timestamp } from './common.js';

/**
 * eCom's price: decimal strings in the checkout's currency (`amount`) and in the currency shown to the customer
 * (`convertedAmount`; the same here, as no conversion is made), each also formatted for the business's locale.
 */
export interface EcomPrice {
  amount: string;
  convertedAmount: string;
  formattedAmount: string;
  formattedConvertedAmount: string;
}

export const BOOKINGS_APP_ID = '13d21c63-b5ec-5912-8397-c3a5ddb27a97';

export type PaymentOptionType = 'FULL_PAYMENT_ONLINE' | 'FULL_PAYMENT_OFFLINE' | 'DEPOSIT_ONLINE' | 'MEMBERSHIP' | 'MEMBERSHIP_OFFLINE';

export interface CatalogReference {
  appId: string;
  catalogItemId: string;
}

/** `P` is the price shape: `EcomPrice` on the wire, `Money` in the server's storage. */
export interface CheckoutLineItem<P = EcomPrice> {
  id: string;
  quantity: number;
  catalogReference: CatalogReference;
  productName?: { original: string };
  price: P;
  paymentOption: PaymentOptionType;
  depositAmount?: P;
}

export interface PriceSummary<P = EcomPrice> {
  subtotal: P;
  discount?: P;
  tax?: P;
  total: P;
}

export interface Checkout<P = EcomPrice> {
  id: string;
  lineItems: CheckoutLineItem<P>[];
  priceSummary: PriceSummary<P>;
  payNow: PriceSummary<P>;
  payLater: PriceSummary<P>;
  /** ISO 4217: the currency every `amount` is in. */
  currency: string;
  orderId?: string;
  createdDate: Timestamp;
  updatedDate: Timestamp;
}

export type OrderStatus = 'INITIALIZED' | 'APPROVED' | 'CANCELED' | 'PENDING' | 'REJECTED';
export type OrderPaymentStatus = 'NOT_PAID' | 'PAID' | 'PARTIALLY_PAID' | 'PARTIALLY_REFUNDED' | 'FULLY_REFUNDED' | 'PENDING' | 'DECLINED';

export interface Order<P = EcomPrice> {
  id: string;
  checkoutId: string;
  status: OrderStatus;
  paymentStatus: OrderPaymentStatus;
  lineItems: CheckoutLineItem<P>[];
  priceSummary: PriceSummary<P>;
  balance: { balance: P; totalPaid?: P };
  createdDate: Timestamp;
  updatedDate: Timestamp;
}

/** On the wire an order also names its currency and carries eCom's `balanceSummary { balance, paid }`. */
export interface EcomOrder extends Order<EcomPrice> {
  currency: string;
  balanceSummary: { balance: EcomPrice; paid: EcomPrice };
}

/** The stored (and domain) forms: bookings `Money`, as the rest of the server counts it. */
export type CheckoutRecord = Checkout<Money>;
export type OrderRecord = Order<Money>;

/** Extension: how a card payment is passed to create-order. */
export interface PaymentInput {
  provider: 'sandbox' | (string & {});
  cardToken: string;
}

/** An eCom price back as bookings `Money` (eCom prices carry no currency: it is the checkout's or the order's). */
export function priceAsMoney(price: EcomPrice, currency: string): Money {
  return { value: price.amount, currency };
}
