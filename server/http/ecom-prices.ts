/**
 * Checkouts and orders leave the server with eCom's prices (contract sections 1 and 7): each bookings `Money` the
 * domain keeps becomes `{ amount, convertedAmount, formattedAmount, formattedConvertedAmount }`, formatted with
 * Intl in the business's locale, as Wix eCom answers (and as Wix's SDK types read them). No currency conversion
 * is made, so the converted fields equal the plain ones.
 */
import type { Money } from '../../src/model/common.js';
import type {
  Checkout,
  CheckoutLineItem,
  CheckoutRecord,
  EcomOrder,
  EcomPrice,
  OrderRecord,
  PriceSummary,
} from '../../src/model/checkout.js';
import type { Storage } from '../storage/types.js';
import { fromMinor } from '../domain/money.js';

const formats = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      // A locale Intl does not know: English, rather than failing the answer.
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    }
    formats.set(key, format);
  }
  return format;
}

export function ecomPrice(money: Money, locale: string): EcomPrice {
  const formatted = formatter(locale, money.currency).format(Number(money.value));
  return { amount: money.value, convertedAmount: money.value, formattedAmount: formatted, formattedConvertedAmount: formatted };
}

function summaryOf(s: PriceSummary<Money>, locale: string): PriceSummary {
  return {
    subtotal: ecomPrice(s.subtotal, locale),
    ...(s.discount ? { discount: ecomPrice(s.discount, locale) } : {}),
    ...(s.tax ? { tax: ecomPrice(s.tax, locale) } : {}),
    total: ecomPrice(s.total, locale),
  };
}

function lineOf(l: CheckoutLineItem<Money>, locale: string): CheckoutLineItem {
  const { price, depositAmount, ...rest } = l;
  return { ...rest, price: ecomPrice(price, locale), ...(depositAmount ? { depositAmount: ecomPrice(depositAmount, locale) } : {}) };
}

export function ecomCheckout(c: CheckoutRecord, locale: string): Checkout {
  return {
    ...c,
    lineItems: c.lineItems.map((l) => lineOf(l, locale)),
    priceSummary: summaryOf(c.priceSummary, locale),
    payNow: summaryOf(c.payNow, locale),
    payLater: summaryOf(c.payLater, locale),
  };
}

export function ecomOrder(o: OrderRecord, locale: string): EcomOrder {
  const currency = o.priceSummary.total.currency;
  const balance = ecomPrice(o.balance.balance, locale);
  const paid = ecomPrice(o.balance.totalPaid ?? fromMinor(0, currency), locale);
  return {
    ...o,
    currency,
    lineItems: o.lineItems.map((l) => lineOf(l, locale)),
    priceSummary: summaryOf(o.priceSummary, locale),
    balance: { balance, ...(o.balance.totalPaid ? { totalPaid: paid } : {}) },
    balanceSummary: { balance, paid },
  };
}

/** The business's locale for formatting (its `locale`, else English). */
export async function businessLocale(storage: Storage): Promise<string> {
  return (await storage.business.get())?.locale ?? 'en-US';
}
