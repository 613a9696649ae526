/**
 * One table, both sides: for every row the server's checkout line and price, and the widget's estimate and
 * summary, give the same answer; the server's allowedActions and the widget's Cancel decision agree.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { priceFor, toPriceInfo } from '../../server/domain/pricing/price.js';
import { lineFor, priceLinesOf, totalsOf } from '../../server/domain/checkout/checkout-lines.js';
import { allowedActions } from '../../server/domain/bookings/policy.js';
import { estimatePrice } from '../../src/flow/price.js';
import { bookingSummary } from '../../src/flow/summary.js';
import { canCancel } from '../../src/widget/booking-status/cancel-offer.js';
import { fromMinor } from '../../src/money/index.js';
import { POLICY_ROWS, PRICE_ROWS, type PriceRow } from '../rules-tables/index.js';
import { bookingOf } from './rules-fixtures.js';

function serverSays(row: PriceRow) {
  const booking = bookingOf(row);
  const info = toPriceInfo(row.service.id, priceFor(row.service, row.variants, priceLinesOf(booking, row.variants)));
  const totals = totalsOf([lineFor(booking, row.service, row.variants)]);
  const value = (minor: number) => fromMinor(minor, totals.currency).value;
  return {
    perParticipant: info.bookingLineItems.map((l) => l.pricePerParticipant),
    deposit: info.deposit,
    total: value(totals.subtotalMinor),
    payNow: value(totals.payNowMinor),
    payLater: value(totals.payLaterMinor),
  };
}

function widgetSays(row: PriceRow) {
  const priceInfo = estimatePrice(row.service, row.variants, row.counts);
  const summary = bookingSummary({
    priceInfo,
    checkout: undefined,
    payment: row.payment,
    depositSelected: row.depositSelected,
    booking: undefined,
    service: row.service,
    slot: undefined,
    course: undefined,
    timeZone: 'UTC',
  });
  return {
    perParticipant: priceInfo.bookingLineItems.map((l) => l.pricePerParticipant),
    deposit: priceInfo.deposit,
    total: summary.total?.value,
    payNow: summary.dueNow?.value,
    payLater: summary.dueLater?.value,
  };
}

describe('the server and the widget give the same answers', () => {
  for (const row of PRICE_ROWS) {
    it(`price: ${row.name}`, () => {
      const server = serverSays(row);
      assert.deepEqual(widgetSays(row), server);
      assert.equal(server.total, row.expect.total);
    });
  }

  for (const row of POLICY_ROWS.filter((r) => r.caller === 'customer')) {
    it(`cancel: ${row.name}`, () => {
      const now = new Date(row.now);
      const widget = canCancel(row.booking, { service: { bookingPolicy: row.policy } }, now.getTime());
      assert.equal(widget, allowedActions(row.policy, row.booking, now, 'customer').cancel);
      assert.equal(widget, row.expect.cancel);
    });
  }
});
