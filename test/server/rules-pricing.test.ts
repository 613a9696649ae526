/**
 * The server's price and checkout line over the shared table (test/rules-tables): JPY, USD and KWD prices,
 * deposits, pay-now splits and totals with several participants and variants, in exact minor units.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { priceFor, toPriceInfo } from '../../server/domain/pricing/price.js';
import { lineFor, priceLinesOf, totalsOf } from '../../server/domain/checkout/checkout-lines.js';
import { fromMinor } from '../../src/money/index.js';
import { PRICE_ROWS, aRuleService } from '../rules-tables/index.js';
import { bookingOf } from './rules-fixtures.js';
import { DomainError } from '../../server/domain/errors.js';

describe('shared pricing rules, server side', () => {
  for (const row of PRICE_ROWS) {
    it(row.name, () => {
      const booking = bookingOf(row);
      const info = toPriceInfo(row.service.id, priceFor(row.service, row.variants, priceLinesOf(booking, row.variants)));
      assert.equal(info.calculatedPrice?.value, row.expect.price, 'price');
      assert.equal(info.deposit?.value, row.expect.deposit, 'deposit');
      assert.deepEqual(
        info.bookingLineItems.map((l) => l.pricePerParticipant.value),
        row.expect.perParticipant,
      );
      const line = lineFor(booking, row.service, row.variants);
      assert.equal(line.paymentOption, row.expect.paymentOption);
      const totals = totalsOf([line]);
      const value = (minor: number) => fromMinor(minor, totals.currency).value;
      assert.deepEqual(
        { total: value(totals.subtotalMinor), payNow: value(totals.payNowMinor), payLater: value(totals.payLaterMinor) },
        { total: row.expect.total, payNow: row.expect.payNow, payLater: row.expect.payLater },
      );
    });
  }

  it('adds lines of several bookings and refuses to mix currencies', () => {
    const lines = PRICE_ROWS.filter((r) => r.name.startsWith('KWD')).map((r) => lineFor(bookingOf(r), r.service, r.variants));
    const totals = totalsOf(lines);
    assert.equal(fromMinor(totals.subtotalMinor, 'KWD').value, '15.048');
    assert.equal(fromMinor(totals.payNowMinor + totals.payLaterMinor, 'KWD').value, '15.048');
    const usd = PRICE_ROWS[0];
    assert.ok(usd);
    assert.throws(
      () => totalsOf([...lines, lineFor(bookingOf(usd), usd.service, usd.variants)]),
      (e: unknown) => e instanceof DomainError && e.code === 'MULTIPLE_CURRENCIES',
    );
  });

  it('refuses a way to pay the service does not take, naming the service', () => {
    const onlineOnly = aRuleService({ currency: 'KWD', price: '1.000', inPerson: false });
    const row = { ...PRICE_ROWS[0]!, service: onlineOnly, payment: 'OFFLINE' as const };
    assert.throws(
      () => lineFor(bookingOf(row), onlineOnly, null),
      (e: unknown) => e instanceof DomainError && e.code === 'INVALID_PAYMENT_OPTION' && /must be paid online/.test(e.message),
    );
  });
});
