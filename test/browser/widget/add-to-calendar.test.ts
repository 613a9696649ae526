/**
 * Add to calendar on the status view: the button shows at once, its links come in a chunk of their own fetched
 * when the list first opens (a skeleton meanwhile); nothing is offered for a booking that is not live.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { AddToCalendar } from '../../../src/widget/booking-status/add-to-calendar.js';
import '../../../src/widget/booking-status/add-to-calendar.js';
import { aBooking } from '../flow/fixtures.js';

const booking = aBooking({
  status: 'CONFIRMED',
  startDate: '2099-11-28T15:00:00.000Z',
  endDate: '2099-11-28T16:00:00.000Z',
});
const none = { service: undefined, business: { name: 'Harbor Studio', timeZone: 'UTC', currency: 'USD' }, course: undefined };

describe('add to calendar', () => {
  it('offers the button at once and fetches the links when the list first opens', async () => {
    const el = await fixture<AddToCalendar>(
      html`<booking-widget-add-to-calendar .booking=${booking} .context=${none}></booking-widget-add-to-calendar>`,
    );
    const root = el.shadowRoot!;
    const button = root.querySelector('button')!;
    expect(button.textContent?.trim()).to.equal('Add to calendar');
    expect(root.querySelector('[data-calendar]'), 'no links before it opens').to.equal(null);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(root.querySelector('.chunk-loading[aria-busy="true"]'), 'a skeleton while the links load').to.not.equal(null);
    await waitUntil(() => root.querySelector('[data-calendar="google"]'), 'the links did not come');
    const google = new URL(root.querySelector<HTMLAnchorElement>('[data-calendar="google"]')!.href);
    expect(google.searchParams.get('dates')).to.equal('20991128T150000Z/20991128T160000Z');
    expect(root.querySelector('.chunk-loading'), 'no skeleton once they are here').to.equal(null);
  });

  it('offers nothing for a booking that is not live', async () => {
    const canceled = { ...booking, status: 'CANCELED' as const };
    const el = await fixture<AddToCalendar>(
      html`<booking-widget-add-to-calendar .booking=${canceled} .context=${none}></booking-widget-add-to-calendar>`,
    );
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });
});
