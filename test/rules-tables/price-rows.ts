/**
 * Prices, deposits and pay-now splits over currencies with 0, 2 and 3 minor digits (JPY, USD, KWD): each row holds
 * the answer both the server's checkout and the widget's review must give.
 */
import type { SelectedPaymentOption } from '../../src/model/booking.js';
import type { PaymentOptionType } from '../../src/model/checkout.js';
import type { Service, ServiceOptionsAndVariants } from '../../src/model/service.js';
import { aRuleService, ageVariants } from './factories.js';

export interface PriceRow {
  name: string;
  service: Service;
  variants: ServiceOptionsAndVariants | null;
  /** Participants per variant id, as the widget counts them ('' when the service has no variants). */
  counts: Record<string, number>;
  payment: SelectedPaymentOption;
  depositSelected: boolean;
  expect: {
    /** priceInfo.calculatedPrice.value, or undefined for a CUSTOM price. */
    price: string | undefined;
    deposit: string | undefined;
    perParticipant: string[];
    paymentOption: PaymentOptionType;
    /** What the checkout counts as paid with money, due now and due later. */
    total: string;
    payNow: string;
    payLater: string;
  };
}

const due = (
  price: string | undefined,
  deposit: string | undefined,
  perParticipant: string[],
  paymentOption: PaymentOptionType,
  total: string,
  payNow: string,
  payLater: string,
): PriceRow['expect'] => ({ price, deposit, perParticipant, paymentOption, total, payNow, payLater });

const row = (
  name: string,
  service: Service,
  variants: ServiceOptionsAndVariants | null,
  counts: Record<string, number>,
  payment: SelectedPaymentOption,
  depositSelected: boolean,
  expect: PriceRow['expect'],
): PriceRow => ({ name, service, variants, counts, payment, depositSelected, expect });

const jpyAges = ageVariants('JPY', '1200', '800');
const kwdAges = ageVariants('KWD', '2.125', '0.375');
const usdAges = ageVariants('USD', '18.00', '10.00');
const ages = (adults: number, children: number) => ({ 'v-adult': adults, 'v-child': children });

export const PRICE_ROWS: PriceRow[] = [
  row(
    'USD: 3 × 25.00 paid online',
    aRuleService({ currency: 'USD', price: '25.00' }),
    null,
    { '': 3 },
    'ONLINE',
    false,
    due('75.00', undefined, ['25.00'], 'FULL_PAYMENT_ONLINE', '75.00', '75.00', '0.00'),
  ),
  row(
    'USD: 3 × 0.10 is exactly 0.30',
    aRuleService({ currency: 'USD', price: '0.10' }),
    null,
    { '': 3 },
    'ONLINE',
    false,
    due('0.30', undefined, ['0.10'], 'FULL_PAYMENT_ONLINE', '0.30', '0.30', '0.00'),
  ),
  row(
    'USD: 2 Adults + 1 Child paid in person',
    aRuleService({ currency: 'USD', rate: 'VARIED', price: '18.00' }),
    usdAges,
    ages(2, 1),
    'OFFLINE',
    false,
    due('46.00', undefined, ['18.00', '10.00'], 'FULL_PAYMENT_OFFLINE', '46.00', '0.00', '46.00'),
  ),
  row(
    'USD: 2 × 80.00 with a 20.00 deposit each',
    aRuleService({ currency: 'USD', price: '80.00', deposit: '20.00' }),
    null,
    { '': 2 },
    'ONLINE',
    true,
    due('160.00', '40.00', ['80.00'], 'DEPOSIT_ONLINE', '160.00', '40.00', '120.00'),
  ),
  row(
    'USD: a deposit above the price is capped, and the line is then paid in full',
    aRuleService({ currency: 'USD', price: '15.00', deposit: '20.00' }),
    null,
    { '': 1 },
    'ONLINE',
    true,
    due('15.00', '15.00', ['15.00'], 'FULL_PAYMENT_ONLINE', '15.00', '15.00', '0.00'),
  ),
  row(
    'USD: a service without full upfront payment takes the deposit unasked',
    aRuleService({ currency: 'USD', price: '50.00', deposit: '10.00', fullUpfrontPaymentAllowed: false }),
    null,
    { '': 1 },
    'ONLINE',
    false,
    due('50.00', '10.00', ['50.00'], 'DEPOSIT_ONLINE', '50.00', '10.00', '40.00'),
  ),
  row(
    'USD: a plan pays for 2, no money is due',
    aRuleService({ currency: 'USD', price: '30.00', pricingPlan: true }),
    null,
    { '': 2 },
    'MEMBERSHIP',
    false,
    due('60.00', undefined, ['30.00'], 'MEMBERSHIP', '0.00', '0.00', '0.00'),
  ),
  row(
    'USD: free',
    aRuleService({ currency: 'USD', rate: 'NO_FEE' }),
    null,
    { '': 2 },
    'OFFLINE',
    false,
    due('0.00', undefined, ['0.00'], 'FULL_PAYMENT_OFFLINE', '0.00', '0.00', '0.00'),
  ),
  row(
    'JPY: 3 × 1500 paid online, no decimals',
    aRuleService({ currency: 'JPY', price: '1500' }),
    null,
    { '': 3 },
    'ONLINE',
    false,
    due('4500', undefined, ['1500'], 'FULL_PAYMENT_ONLINE', '4500', '4500', '0'),
  ),
  row(
    'JPY: 2 Adults + 1 Child with a 500 deposit each',
    aRuleService({ currency: 'JPY', rate: 'VARIED', price: '1200', deposit: '500' }),
    jpyAges,
    ages(2, 1),
    'ONLINE',
    true,
    due('3200', '1500', ['1200', '800'], 'DEPOSIT_ONLINE', '3200', '1500', '1700'),
  ),
  row(
    'JPY: 3 × 333 paid in person',
    aRuleService({ currency: 'JPY', price: '333' }),
    null,
    { '': 3 },
    'OFFLINE',
    false,
    due('999', undefined, ['333'], 'FULL_PAYMENT_OFFLINE', '999', '0', '999'),
  ),
  row(
    'KWD: 3 × 1.250 keeps its third decimal',
    aRuleService({ currency: 'KWD', price: '1.250' }),
    null,
    { '': 3 },
    'ONLINE',
    false,
    due('3.750', undefined, ['1.250'], 'FULL_PAYMENT_ONLINE', '3.750', '3.750', '0.000'),
  ),
  row(
    'KWD: 2 Adults + 1 Child with a 0.500 deposit each',
    aRuleService({ currency: 'KWD', rate: 'VARIED', price: '2.125', deposit: '0.500' }),
    kwdAges,
    ages(2, 1),
    'ONLINE',
    true,
    due('4.625', '1.500', ['2.125', '0.375'], 'DEPOSIT_ONLINE', '4.625', '1.500', '3.125'),
  ),
  row(
    'KWD: 2 × 3.333 with a 1.005 deposit each',
    aRuleService({ currency: 'KWD', price: '3.333', deposit: '1.005' }),
    null,
    { '': 2 },
    'ONLINE',
    true,
    due('6.666', '2.010', ['3.333'], 'DEPOSIT_ONLINE', '6.666', '2.010', '4.656'),
  ),
  row(
    'KWD: 7 × 0.001 paid in person',
    aRuleService({ currency: 'KWD', price: '0.001' }),
    null,
    { '': 7 },
    'OFFLINE',
    false,
    due('0.007', undefined, ['0.001'], 'FULL_PAYMENT_OFFLINE', '0.007', '0.000', '0.007'),
  ),
];
