import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/booking-widget.js';
import type { BookingWidget } from '../../../src/widget/booking-widget/booking-widget.js';
import { widgetStore } from '../../../src/store/index.js';

// The service step talks to the fake API that web-test-runner.config.mjs serves (a real HTTP round trip).
// Stubbing window.fetch is kept for what that server can't do on cue: hang, or fail at the network level.
// Assertions compare strings, numbers and booleans, never elements: wtr serialises a failed assertion's
// actual/expected, and an element's object graph can stall that for minutes.
const fakeApi = `${location.origin}/fake-api`;
const SLOW = { timeout: 15000 }; // network retries back off for ~3 s; a shared 2-core machine is slow too

const realFetch = window.fetch;
afterEach(() => {
  window.fetch = realFetch;
});
// Each test starts with no saved flow (a saved one would resume, which is right for customers, not for tests).
beforeEach(async () => {
  await widgetStore().close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('booking-widget');
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

const root = (el: BookingWidget): ShadowRoot => {
  if (!el.shadowRoot) throw new Error('booking-widget has no open shadow root');
  return el.shadowRoot;
};
const step = (el: BookingWidget) => root(el).querySelector<HTMLElement>('[data-step]');
const stepRoot = (el: BookingWidget): ShadowRoot | null => step(el)?.shadowRoot ?? null;
const cards = (el: BookingWidget) => [...(stepRoot(el)?.querySelectorAll<HTMLElement>('[part="service"]') ?? [])];
const retryButton = (el: BookingWidget) =>
  [...(stepRoot(el)?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() === 'Try again');

function stubFetch(answer: (url: string) => Promise<Response>): { calls: { url: string; init: RequestInit | undefined }[] } {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return answer(String(input));
  };
  return { calls };
}

describe('<booking-widget> service step', () => {
  it('renders one card per visible service from the API, with price, in an accessible widget', async () => {
    const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);
    await waitUntil(() => cards(el).length > 0, 'service cards never rendered', SLOW);

    expect(step(el)?.dataset['step']).to.equal('service');
    expect(cards(el).map((c) => c.dataset['serviceId'])).to.deep.equal(['svc-vinyasa', 'svc-markup']); // hidden one skipped
    expect(cards(el)[0]?.textContent).to.contain('Vinyasa Flow').and.contain('Move with your breath').and.contain('$20.00');
    expect(root(el).querySelector('h2')?.textContent).to.equal('Book online');
    await expect(el).to.be.accessible();
  });

  it('renders service text as text, never as markup', async () => {
    const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);
    await waitUntil(() => cards(el).length === 2, 'service cards never rendered', SLOW);
    const card = stepRoot(el)?.querySelector('[data-service-id="svc-markup"]');
    expect(card?.querySelector('.name')?.textContent).to.equal('Climb <b>& more</b>');
    expect(card?.querySelectorAll('b, img').length).to.equal(0);
  });

  it('shows a skeleton with a status message while the list loads, then the cards', async () => {
    let answer: (r: Response) => void = () => {};
    const { calls } = stubFetch((url) =>
      url.endsWith('/services/query')
        ? new Promise<Response>((resolve) => (answer = resolve))
        : Promise.resolve(new Response('{}', { status: 404 })),
    );
    const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);
    await waitUntil(() => stepRoot(el)?.querySelectorAll('.skeleton').length === 3, 'no skeleton', SLOW);
    expect(stepRoot(el)?.querySelector('[role="status"]')?.textContent).to.contain('Loading');
    await waitUntil(() => calls.some((c) => c.url.endsWith('/services/query')), 'the list was never asked for', SLOW);

    answer(
      Response.json({
        services: [
          {
            id: 'svc-1',
            name: 'Community Yoga',
            type: 'CLASS',
            payment: { rateType: 'NO_FEE', options: {} },
            onlineBooking: { enabled: true },
            schedule: { availabilityConstraints: { sessionDurations: [60] } },
          },
        ],
      }),
    );
    await waitUntil(() => cards(el).length === 1, 'card never rendered', SLOW);
    expect(stepRoot(el)?.querySelectorAll('.skeleton').length).to.equal(0);
    expect(cards(el)[0]?.textContent).to.contain('Free');
  });

  it('POSTs a query to the page origin when api-base is not set', async () => {
    const { calls } = stubFetch(async (url) =>
      url.endsWith('/services/query') ? Response.json({ services: [] }) : new Response('{}', { status: 404 }),
    );
    const el = await fixture<BookingWidget>(html`<booking-widget></booking-widget>`);
    await waitUntil(
      () => stepRoot(el)?.textContent?.includes('No services can be booked online right now.'),
      'never finished loading',
      SLOW,
    );
    const query = calls.find((c) => c.url.endsWith('/services/query'));
    expect(query?.url).to.equal(`${location.origin}/bookings/v2/services/query`);
    expect(query?.init?.method).to.equal('POST');
    expect(JSON.parse(String(query?.init?.body))).to.have.property('query');
  });

  it('shows an error with Try again when the network fails, and recovers on Try again', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);
    await waitUntil(() => retryButton(el), 'no Try again button after a failed fetch', SLOW);
    expect(stepRoot(el)?.querySelector('[role="alert"]')?.textContent).to.contain('could not reach');
    await expect(el).to.be.accessible();

    window.fetch = realFetch; // the network is back
    retryButton(el)?.click();
    await waitUntil(() => cards(el).length === 2, 'Try again did not load the services', SLOW);
    expect(stepRoot(el)?.querySelectorAll('[role="alert"]').length).to.equal(0);
    expect(stepRoot(el)?.activeElement?.tagName, 'focus kept in the widget').to.equal('H3');
  });

  it('loads again from the new api-base when the attribute changes', async () => {
    const el = await fixture<BookingWidget>(html`<booking-widget api-base="${location.origin}/fake-api-down"></booking-widget>`);
    await waitUntil(() => retryButton(el), 'no Try again button after HTTP 503', SLOW);
    el.setAttribute('api-base', `${fakeApi}/`); // a trailing slash is tolerated
    await waitUntil(() => cards(el).length === 2, 'did not reload from the new api-base', SLOW);
  });

  it('announces steps and the chosen service with bubbling, composed events', async () => {
    const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);
    await waitUntil(() => cards(el).length === 2, 'cards', SLOW);
    const steps: string[] = [];
    document.addEventListener('booking-step-change', (e) => steps.push((e as CustomEvent<{ step: string }>).detail.step));
    cards(el)[0]?.click();
    await waitUntil(() => steps.includes('variant') || steps.includes('slot'), `steps: ${steps.join()}`, SLOW);
  });

  it('announces the service step once on a fresh start, after storage had no flow to resume', async () => {
    const steps: string[] = [];
    const listen = (e: Event) => steps.push((e as CustomEvent<{ step: string }>).detail.step);
    document.addEventListener('booking-step-change', listen);
    try {
      const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);
      await waitUntil(() => cards(el).length === 2 && steps.length > 0, 'cards and the step', SLOW);
      await new Promise((resolve) => setTimeout(resolve, 300)); // the flow machine takes over meanwhile
      expect(steps).to.deep.equal(['service']);
    } finally {
      document.removeEventListener('booking-step-change', listen);
    }
  });

  it('keeps several widgets on one page independent, and survives removal and re-adding', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div>
        <booking-widget id="a" api-base=${fakeApi}></booking-widget
        ><booking-widget id="b" api-base=${fakeApi} theme="dark"></booking-widget>
      </div>`,
    );
    const [a, b] = [...wrap.querySelectorAll('booking-widget')] as BookingWidget[];
    await waitUntil(() => cards(a!).length === 2 && cards(b!).length === 2, 'both lists', SLOW);
    a!.remove();
    wrap.append(a!);
    await waitUntil(() => cards(a!).length === 2, 're-added widget renders again', SLOW);
    expect(getComputedStyle(root(b!).querySelector('.base')!).backgroundColor).to.not.equal(
      getComputedStyle(root(a!).querySelector('.base')!).backgroundColor,
    );
  });

  it('registers the element once: loading the definition twice does not throw', async () => {
    const { define } = await import('../../../src/widget/shared/define.js');
    expect(() => define('booking-widget', class extends HTMLElement {})).to.not.throw();
  });
});
