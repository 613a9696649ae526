/**
 * The shared rules' tables (test/rules-tables) in the widget, in a real browser: the review's estimate and
 * summary give each row's answer and the review step shows it; the status view offers Cancel exactly when the
 * table says a customer may cancel.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { estimatePrice, paymentChoices } from '../../../src/flow/price.js';
import { bookingSummary } from '../../../src/flow/summary.js';
import type { FlowContext } from '../../../src/flow/types.js';
import { formatMoney } from '../../../src/i18n/index.js';
import { flowContext, uiContext, type FlowActor } from '../../../src/widget/shared/context.js';
import { canCancel, type BookingStatus } from '../../../src/widget/booking-status/booking-status.js';
import '../../../src/widget/review-summary/review-summary.js';
import { POLICY_ROWS, PRICE_ROWS, aRuleService, type PriceRow } from '../../rules-tables/index.js';
import {
  cancellationAllowed,
  cancellationRefusal,
  rescheduleAllowed,
  rescheduleRefusal,
  type PolicyAnswer,
} from '../../../src/policy/index.js';

/** A flow actor that only holds a context: the steps render it and nothing moves. */
function stillFlow(context: Partial<FlowContext>): FlowActor {
  const snapshot = {
    context: { details: { firstName: 'Ada', email: 'ada@example.com' }, error: undefined, ...context },
    matches: () => false,
  };
  return {
    getSnapshot: () => snapshot,
    subscribe: () => ({ unsubscribe: () => undefined }),
    send: () => undefined,
  } as unknown as FlowActor;
}

async function host<E extends HTMLElement>(tag: string, context: Partial<FlowContext>, setup: (el: E) => void = () => undefined) {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  new ContextProvider(wrap, { context: flowContext, initialValue: stillFlow(context) });
  new ContextProvider(wrap, { context: uiContext, initialValue: { locale: 'en-US', dir: 'ltr' } });
  const el = document.createElement(tag) as E;
  setup(el);
  wrap.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el.shadowRoot!;
}

const reviewContext = (row: PriceRow): Partial<FlowContext> => ({
  service: row.service,
  variants: row.variants,
  priceInfo: estimatePrice(row.service, row.variants, row.counts),
  payment: row.payment,
  depositSelected: row.depositSelected,
  timeZone: 'UTC',
});

describe('shared pricing rules in the widget', () => {
  for (const row of PRICE_ROWS) {
    it(`estimate and summary: ${row.name}`, () => {
      const priceInfo = estimatePrice(row.service, row.variants, row.counts);
      expect(priceInfo.calculatedPrice?.value).to.equal(row.expect.price);
      expect(priceInfo.deposit?.value).to.equal(row.expect.deposit);
      expect(priceInfo.bookingLineItems.map((l) => l.pricePerParticipant.value)).to.deep.equal(row.expect.perParticipant);
      const summary = bookingSummary({ ...reviewContext(row), checkout: undefined, booking: undefined } as FlowContext);
      expect([summary.total?.value, summary.dueNow?.value, summary.dueLater?.value]).to.deep.equal([
        row.expect.total,
        row.expect.payNow,
        row.expect.payLater,
      ]);
    });
  }

  for (const row of PRICE_ROWS.filter((r) => paymentChoices(r.service).length > 0)) {
    it(`the review step shows: ${row.name}`, async () => {
      const root = await host('booking-widget-review-summary', reviewContext(row));
      const currency = row.service.payment.fixed?.price.currency ?? row.service.payment.varied?.defaultPrice.currency ?? 'USD';
      const shown = (sel: string) => root.querySelector(sel)?.textContent?.trim();
      const money = (value: string) => formatMoney({ value, currency }, 'en-US');
      expect([shown('[data-total]'), shown('[data-due-now]'), shown('[data-due-later]')]).to.deep.equal([
        money(row.expect.total),
        money(row.expect.payNow),
        money(row.expect.payLater),
      ]);
    });
  }
});

describe('shared policy rules in the widget', () => {
  for (const row of POLICY_ROWS.filter((r) => r.caller === 'customer')) {
    it(`Cancel is ${row.expect.cancel ? 'offered' : 'not offered'}: ${row.name}`, async () => {
      const now = Date.parse(row.now);
      expect(canCancel(row.booking, { service: aRuleService({ currency: 'USD' }, row.policy) }, now)).to.equal(row.expect.cancel);
      const root = await host<BookingStatus>(
        'booking-widget-booking-status',
        { booking: row.booking, service: aRuleService({ currency: 'USD' }, row.policy), timeZone: 'UTC' },
        (el) => (el.clock = () => now),
      );
      const buttons = [...root.querySelectorAll('button')].map((b) => b.textContent?.trim());
      expect(buttons.includes('Cancel booking')).to.equal(row.expect.cancel);
    });
  }

  it('takes the policy from a property when the flow has no service', async () => {
    const row = POLICY_ROWS[0]!;
    const root = await host<BookingStatus>('booking-widget-booking-status', { booking: row.booking, timeZone: 'UTC' }, (el) => {
      el.clock = () => Date.parse(row.now);
      el.bookingPolicy = row.policy;
    });
    expect([...root.querySelectorAll('button')].map((b) => b.textContent?.trim())).to.include('Cancel booking');
  });

  it('withdraws Cancel by itself when the window closes', async () => {
    const row = POLICY_ROWS.find((r) => r.name.startsWith('exactly at the cancellation edge'))!;
    let now = Date.parse(row.now) - 50;
    const root = await host<BookingStatus>(
      'booking-widget-booking-status',
      { booking: row.booking, service: aRuleService({ currency: 'USD' }, row.policy), timeZone: 'UTC' },
      (el) => (el.clock = () => now),
    );
    const offered = () => [...root.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Cancel booking');
    expect(offered()).to.equal(true);
    now += 100;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(offered()).to.equal(false);
  });
});

describe('the policy’s refusal codes in the widget', () => {
  /** The server's answer without its English wording: what the code-only functions must give. */
  const codeOf = (answer: PolicyAnswer) =>
    answer.allowed ? undefined : answer.minutes === undefined ? { code: answer.code } : { code: answer.code, minutes: answer.minutes };

  for (const row of POLICY_ROWS.filter((r) => r.caller !== 'owner')) {
    it(`gives the server's refusal, as a code only: ${row.name} (${row.caller})`, () => {
      const now = new Date(row.now);
      const anonymous = row.caller === 'anonymous';
      expect(cancellationRefusal(row.policy, row.booking, now, anonymous)).to.deep.equal(
        codeOf(cancellationAllowed(row.policy, row.booking, now, anonymous)),
      );
      expect(rescheduleRefusal(row.policy, row.booking, now, anonymous)).to.deep.equal(
        codeOf(rescheduleAllowed(row.policy, row.booking, now, anonymous)),
      );
    });
  }

  it('refuses a course’s reschedule as a code', () => {
    const row = POLICY_ROWS[0]!;
    const course = { ...row.booking, bookedEntity: { ...row.booking.bookedEntity, schedule: { scheduleId: 's', serviceId: 'c' } } };
    expect(rescheduleRefusal(row.policy, course as typeof row.booking, new Date(row.now))).to.deep.equal({ code: 'course' });
  });
});
