import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/booking-widget.js';
import type { BookingWidget } from '../../../src/booking-widget.js';

// The happy path talks to the fake API that web-test-runner.config.mjs serves (a real HTTP round trip).
// Stubbing window.fetch is kept for what that server can't do on cue: hang, or fail at the network level.
// Assertions compare strings, numbers and booleans, never elements: wtr serialises a failed assertion's
// actual/expected, and an element's object graph can stall that for minutes.
const fakeApi = `${location.origin}/fake-api`;
const SLOW = { timeout: 5000 }; // a shared 2-core CI machine can be slow

const realFetch = window.fetch;
afterEach(() => {
  window.fetch = realFetch;
});

const root = (el: BookingWidget): ShadowRoot => {
  if (!el.shadowRoot) throw new Error('booking-widget has no open shadow root');
  return el.shadowRoot;
};
const step = (el: BookingWidget) => root(el).querySelector<HTMLElement>('[data-step="service"]');
const cards = (el: BookingWidget) => [...root(el).querySelectorAll<HTMLElement>('[part="service"]')];
const retryButton = (el: BookingWidget) =>
  [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Retry');

/** A fetch stub that records its calls and answers with `answer()`. */
function stubFetch(answer: () => Promise<Response>): { calls: { url: string; init: RequestInit | undefined }[] } {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), init });
    return answer();
  };
  return { calls };
}

describe('<booking-widget> service step', () => {
  it('renders one card per visible service from the API, in an accessible region', async () => {
    const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);
    await waitUntil(() => cards(el).length > 0, 'service cards never rendered', SLOW);

    expect(cards(el).map((c) => c.dataset['serviceId'])).to.deep.equal(['svc-vinyasa', 'svc-markup']); // hidden one skipped
    expect(cards(el)[0]?.textContent).to.contain('Vinyasa Flow').and.contain('Move with your breath');
    expect(step(el)?.getAttribute('aria-busy')).to.equal('false');
    expect(root(el).querySelector('section h2')?.textContent).to.equal('Book online');
    expect(root(el).querySelector('section')?.getAttribute('aria-labelledby')).to.equal('title');
    await expect(el).to.be.accessible();
  });

  it('renders service text as text, never as markup', async () => {
    const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);
    await waitUntil(() => cards(el).length === 2, 'service cards never rendered', SLOW);

    const card = root(el).querySelector('[data-service-id="svc-markup"]');
    expect(card?.querySelector('.name')?.textContent).to.equal('Climb <b>& more</b>');
    expect(card?.querySelectorAll('b, img').length).to.equal(0);
  });

  it('shows a busy skeleton while the list loads, then the cards', async () => {
    let answer: (r: Response) => void = () => {};
    stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);

    expect(step(el)?.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelectorAll('.skeleton')).to.have.length(3);
    expect(root(el).querySelector('[role="status"]')?.textContent).to.contain('Loading services');
    expect(cards(el)).to.have.length(0);

    answer(Response.json({ services: [{ id: 'svc-1', name: 'Community Yoga' }] }));
    await waitUntil(() => cards(el).length === 1, 'card never rendered', SLOW);
    expect(root(el).querySelectorAll('.skeleton').length).to.equal(0);
    expect(step(el)?.getAttribute('aria-busy')).to.equal('false');
  });

  it('POSTs {} to the page origin when api-base is not set', async () => {
    const { calls } = stubFetch(async () => Response.json({ services: [] }));
    const el = await fixture<BookingWidget>(html`<booking-widget></booking-widget>`);
    await waitUntil(() => step(el)?.getAttribute('aria-busy') === 'false', 'never finished loading', SLOW);

    expect(calls).to.have.length(1);
    expect(calls[0]?.url).to.equal(`${location.origin}/bookings/v2/services/query`);
    expect(calls[0]?.init?.method).to.equal('POST');
    expect(calls[0]?.init?.body).to.equal('{}');
    expect(step(el)?.textContent).to.contain('No services can be booked online right now.');
  });

  it('shows an error with Retry when fetch rejects, and recovers on Retry', async () => {
    const { calls } = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await fixture<BookingWidget>(html`<booking-widget api-base=${fakeApi}></booking-widget>`);
    await waitUntil(() => retryButton(el), 'no Retry button after a failed fetch', SLOW);

    expect(calls[0]?.url).to.equal(`${fakeApi}/bookings/v2/services/query`);
    expect(root(el).querySelector('[role="alert"]')?.textContent).to.contain("couldn't load the services");
    expect(cards(el)).to.have.length(0);
    await expect(el).to.be.accessible();

    window.fetch = realFetch; // the network is back
    retryButton(el)?.click();
    await waitUntil(() => cards(el).length === 2, 'Retry did not load the services', SLOW);

    expect(root(el).querySelectorAll('[role="alert"]').length).to.equal(0);
    expect(retryButton(el) === undefined, 'Retry button gone').to.equal(true);
    // Focus kept in the widget, not dropped to <body>.
    expect(root(el).activeElement === step(el), 'focus on the service step').to.equal(true);
  });

  it('shows the error state when the API answers with an HTTP error', async () => {
    const el = await fixture<BookingWidget>(html`<booking-widget api-base="${location.origin}/fake-api-down"></booking-widget>`);
    await waitUntil(() => retryButton(el), 'no Retry button after HTTP 503', SLOW);
    expect(cards(el)).to.have.length(0);
  });

  it('loads again when api-base changes', async () => {
    const el = await fixture<BookingWidget>(html`<booking-widget api-base="${location.origin}/fake-api-down"></booking-widget>`);
    await waitUntil(() => retryButton(el), 'no Retry button after HTTP 503', SLOW);

    el.setAttribute('api-base', `${fakeApi}/`); // a trailing slash is tolerated
    await waitUntil(() => cards(el).length === 2, 'did not reload from the new api-base', SLOW);
  });
});
