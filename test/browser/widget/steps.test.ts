import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import { flowMachine } from '../../../src/flow/flow-machine.js';
import { placeBookingMachine } from '../../../src/flow/place-booking.machine.js';
import { flowContext, uiContext, type FlowActor } from '../../../src/widget/shared/context.js';
import '../../../src/widget/month-calendar/month-calendar.js';
import '../../../src/widget/slot-picker/slot-picker.js';
import '../../../src/widget/details-form/details-form.js';
import '../../../src/widget/booking-status/booking-status.js';
import type { MonthCalendar } from '../../../src/widget/month-calendar/month-calendar.js';
import { aBooking, aCheckout, aService, aSlot } from '../flow/fixtures.js';

const SLOW = { timeout: 15000 };
const continueButton = (r: ShadowRoot) => [...r.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Continue');

/** A flow actor with fake API actors, provided to a wrapper the step element is rendered in. */
async function hostFor(tag: string, status = 'CONFIRMED') {
  const machine = flowMachine.provide({
    actors: {
      loadCatalogue: fromPromise(async () => ({
        services: [aService()],
        business: { name: 'Harbor', timeZone: 'America/New_York', currency: 'USD' },
      })),
      loadVariants: fromPromise(async () => null),
      loadSlots: fromPromise(async () => ({
        slots: [
          aSlot('2026-11-28T10:00:00'),
          aSlot('2026-11-28T12:00:00', {
            bookable: false,
            remainingCapacity: 0,
            nonBookableReasons: { noRemainingCapacity: true, violatesBookingPolicy: false, eventCancelled: false },
          }),
        ],
        course: undefined,
      })),
      fetchBooking: fromPromise(async () => aBooking({ status: status as never, revision: '2', startDate: '2099-01-01T10:00:00.000Z' })),
      previewPrice: fromPromise(async () => {
        throw new Error('no preview');
      }),
      // Placing a booking is the child machine's work: its four calls are faked there.
      placeBooking: placeBookingMachine.provide({
        actors: {
          startSession: fromPromise(async () => undefined),
          createBooking: fromPromise(async () => aBooking()),
          createCheckout: fromPromise(async () => aCheckout('0.00')),
          createOrder: fromPromise(async () => ({ orderId: 'o' })),
        } as never,
      }),
      watchBooking: fromCallback(() => () => undefined),
    } as never, // only the actors these tests reach
  });
  const actor: FlowActor = createActor(machine, { input: { timeZone: 'America/New_York', today: '2026-11-24' } }).start();
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  new ContextProvider(wrap, { context: flowContext, initialValue: actor });
  new ContextProvider(wrap, { context: uiContext, initialValue: { locale: 'en-US', dir: 'ltr' } });
  const el = document.createElement(tag);
  wrap.append(el);
  return { actor, el, root: () => el.shadowRoot! };
}

describe('<booking-widget-month-calendar>', () => {
  async function calendar(dir: 'ltr' | 'rtl' = 'ltr') {
    const el = await fixture<MonthCalendar>(
      html`<booking-widget-month-calendar
        .month=${'2026-11'}
        .openDays=${new Set(['2026-11-28'])}
        .locale=${'en-US'}
        .textDir=${dir}
      ></booking-widget-month-calendar>`,
    );
    return el;
  }
  const focused = (el: MonthCalendar) => el.shadowRoot?.activeElement?.getAttribute('data-day');

  it('is an ARIA grid with one tab stop on the first open day, labelled days and column headers', async () => {
    const el = await calendar();
    const grid = el.shadowRoot!.querySelector('[role="grid"]');
    expect(grid).to.exist;
    expect(el.shadowRoot!.querySelectorAll('td[tabindex="0"]').length).to.equal(1);
    expect(el.shadowRoot!.querySelector('td[tabindex="0"]')?.getAttribute('data-day')).to.equal('2026-11-28');
    expect(el.shadowRoot!.querySelector('[data-day="2026-11-28"]')?.getAttribute('aria-label')).to.equal(
      'Saturday, November 28, 2026, available',
    );
    expect(el.shadowRoot!.querySelector('[data-day="2026-11-27"]')?.getAttribute('aria-disabled')).to.equal('true');
    expect(el.shadowRoot!.querySelectorAll('th[scope="col"]').length).to.equal(7);
    await expect(el).to.be.accessible();
  });

  it('moves by day and week with the arrow keys, to the week ends with Home/End, and picks with Enter', async () => {
    const el = await calendar();
    const cell = el.shadowRoot!.querySelector<HTMLElement>('td[tabindex="0"]')!;
    cell.focus();
    const key = async (k: string) => {
      el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
      await el.updateComplete;
    };
    await key('ArrowLeft');
    expect(focused(el)).to.equal('2026-11-27');
    await key('ArrowUp');
    expect(focused(el)).to.equal('2026-11-20');
    await key('Home');
    expect(focused(el)).to.equal('2026-11-16');
    await key('End');
    expect(focused(el)).to.equal('2026-11-22');
    await key('ArrowDown');
    expect(focused(el)).to.equal('2026-11-29');
    await key('ArrowLeft');
    expect(focused(el)).to.equal('2026-11-28');
    setTimeout(() =>
      el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true })),
    );
    const picked = await oneEvent(el, 'day-select');
    expect(picked.detail.day).to.equal('2026-11-28');
  });

  it('asks for the next month on Page Down and when the arrows leave the month; right-to-left flips the arrows', async () => {
    const el = await calendar('rtl');
    el.shadowRoot!.querySelector<HTMLElement>('td[tabindex="0"]')!.focus();
    setTimeout(() =>
      el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, composed: true })),
    );
    await el.updateComplete;
    await waitUntil(() => focused(el) === '2026-11-29', 'ArrowLeft in RTL moves to the next day');
    setTimeout(() =>
      el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true, composed: true })),
    );
    const change = await oneEvent(el, 'month-change');
    expect(change.detail.month).to.equal('2026-12');
  });
});

describe('step elements driven by the flow actor', () => {
  it('slot picker: marks open days, lists times with spots, disables a full one, and selects on click', async () => {
    const { actor, root } = await hostFor('booking-widget-slot-picker');
    await waitFor(actor, (s) => s.matches('service'));
    actor.send({ type: 'SELECT_SERVICE', serviceId: 'svc-yoga' });
    await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    await waitUntil(() => root().querySelector('booking-widget-time-list')?.shadowRoot?.querySelector('[data-slot-start]'), 'times', SLOW);
    const times = root().querySelector('booking-widget-time-list')!.shadowRoot!;
    const buttons = [...times.querySelectorAll<HTMLButtonElement>('[data-slot-start]')];
    expect(buttons.map((b) => b.dataset['slotStart'])).to.deep.equal(['2026-11-28T10:00:00', '2026-11-28T12:00:00']);
    expect(buttons[0]?.textContent).to.contain('3 spots left');
    expect(buttons[1]?.disabled).to.equal(true);
    expect(buttons[0]?.dataset['eventId']).to.equal('ev-2026-11-28T10:00:00');
    buttons[0]!.click();
    expect(actor.getSnapshot().context.slot?.localStartDate).to.equal('2026-11-28T10:00:00');
    await waitUntil(() => times.querySelector('[aria-pressed="true"]'), 'pressed', SLOW);
    await expect(root().host).to.be.accessible();
    actor.stop();
  });

  it('details form: shows inline errors on submit, focuses the first, and sends valid details on', async () => {
    const { actor, root } = await hostFor('booking-widget-details-form');
    await waitFor(actor, (s) => s.matches('service'));
    actor.send({ type: 'SELECT_SERVICE', serviceId: 'svc-yoga' });
    const ready = await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    actor.send({ type: 'SELECT_SLOT', slot: ready.context.slots[0]! });
    actor.send({ type: 'NEXT' });
    await waitUntil(() => root().querySelector('#firstName'), 'form', SLOW);
    continueButton(root())!.click();
    await waitUntil(() => root().querySelector('#firstName-error'), 'inline error', SLOW);
    expect(root().querySelector('#firstName')?.getAttribute('aria-invalid')).to.equal('true');
    expect(root().querySelector('[role="alert"]')?.textContent).to.contain('correct the highlighted');
    await waitUntil(() => root().activeElement?.id === 'firstName', 'focus on the first invalid field', SLOW);
    for (const [id, v] of [
      ['firstName', 'Ada'],
      ['lastName', 'Lovelace'],
      ['email', 'ada@example.com'],
    ] as const) {
      const input = root().querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = v;
      input.dispatchEvent(new Event('input'));
    }
    continueButton(root())!.click();
    await waitFor(actor, (s) => s.matches('review'));
    expect(actor.getSnapshot().context.details.email).to.equal('ada@example.com');
    actor.stop();
  });

  it('status view: shows data-status, its message, and a cancel button the lifecycle and policy allow', async () => {
    const { actor, root } = await hostFor('booking-widget-booking-status', 'PENDING');
    await waitFor(actor, (s) => s.matches('service'));
    actor.send({ type: 'SELECT_SERVICE', serviceId: 'svc-yoga' });
    const ready = await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    actor.send({ type: 'SELECT_SLOT', slot: ready.context.slots[0]! });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT_DETAILS', details: { firstName: 'A', lastName: 'B', email: 'a@b.co' }, remember: false });
    actor.send({ type: 'CONFIRM' });
    await waitUntil(() => root().querySelector('[data-status="PENDING"]'), 'PENDING panel', SLOW);
    expect(root().querySelector('[data-status]')?.textContent).to.contain('will confirm it soon');
    expect([...root().querySelectorAll('button')].map((b) => b.textContent?.trim())).to.include('Cancel booking');
    await expect(root().host).to.be.accessible();
    actor.stop();
  });
});
