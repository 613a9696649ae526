/**
 * The whole widget against the real bookings server (started by web-test-runner.config.mjs, proxied at
 * /real-api): every step from the service list to a CONFIRMED booking of "Community Yoga", in real IndexedDB,
 * with no accessibility violation on any step. Waits are on states, never on time.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/booking-widget.js';

const SLOW = { timeout: 25000, interval: 50 };
const API = `${location.origin}/real-api`;

/** The first element matching `selector` in `root` or any shadow root below it. */
function deep(root: ParentNode, selector: string): HTMLElement | null {
  if (root instanceof Element && root.shadowRoot) {
    const own = deep(root.shadowRoot, selector);
    if (own) return own;
  }
  const hit = root.querySelector<HTMLElement>(selector);
  if (hit) return hit;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot ? deep(el.shadowRoot, selector) : null;
    if (inner) return inner;
  }
  return null;
}

function deepAll(root: ParentNode, selector: string, out: HTMLElement[] = []): HTMLElement[] {
  if (root instanceof Element && root.shadowRoot) deepAll(root.shadowRoot, selector, out);
  out.push(...root.querySelectorAll<HTMLElement>(selector));
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) deepAll(el.shadowRoot, selector, out);
  return out;
}

/** Text of a node including its shadow roots. */
function deepText(node: Node): string {
  const own = node instanceof Element && node.shadowRoot ? deepText(node.shadowRoot) : '';
  return own + [...node.childNodes].map((c) => (c.nodeType === Node.TEXT_NODE ? (c.textContent ?? '') : deepText(c))).join(' ');
}

const button = (root: ParentNode, label: string) =>
  deepAll(root, 'button').find((b) => b.textContent?.trim() === label && !b.hasAttribute('disabled'));

async function atStep(widget: HTMLElement, step: string): Promise<HTMLElement> {
  await waitUntil(() => deep(widget.shadowRoot!, `[data-step="${step}"]`), `never reached the ${step} step`, SLOW);
  return deep(widget.shadowRoot!, `[data-step="${step}"]`)!;
}

async function setField(root: ParentNode, id: string, value: string): Promise<void> {
  const input = deep(root, `#${id}`) as HTMLInputElement | null;
  expect(input, `field #${id}`).to.exist;
  input!.value = value;
  input!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input!.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

describe('<booking-widget> against the real server', () => {
  it('books Community Yoga as a visitor through every step to CONFIRMED', async () => {
    const widget = await fixture<HTMLElement>(
      html`<booking-widget api-base=${API} client-id="wtr" time-zone="America/New_York" locale="en-US"></booking-widget>`,
    );
    const steps: string[] = [];
    widget.addEventListener('booking-step-change', (e) => steps.push((e as CustomEvent<{ step: string }>).detail.step));
    const created: string[] = [];
    widget.addEventListener('booking-created', (e) => created.push((e as CustomEvent<{ booking: { id: string } }>).detail.booking.id));

    // Service: the five demo services come from the server.
    const serviceStep = await atStep(widget, 'service');
    const serviceIds = () => new Set(deepAll(serviceStep, '[data-service-id]').map((c) => c.getAttribute('data-service-id')));
    await waitUntil(() => serviceIds().size === 5, 'the five demo services', SLOW);
    const names = deepAll(serviceStep, '[data-service-id]').map((c) => c.textContent ?? '');
    expect(names.some((n) => n.includes('Community Yoga'))).to.equal(true);
    await expect(widget).to.be.accessible();
    deepAll(serviceStep, '[data-service-id]')
      .find((c) => c.textContent?.includes('Community Yoga'))!
      .click();

    // Slot: a real Saturday 10:00 session with spots left.
    const slotStep = await atStep(widget, 'slot');
    await waitUntil(() => deepAll(slotStep, '[data-slot-start]:not([disabled])').length > 0, 'an open slot', SLOW);
    const slot = deepAll(slotStep, '[data-slot-start]:not([disabled])')[0]!;
    expect(slot.getAttribute('data-slot-start')).to.match(/T10:00:00$/);
    expect(slot.getAttribute('data-event-id')).to.be.a('string');
    await expect(widget).to.be.accessible();
    slot.click();
    await waitUntil(() => button(slotStep, 'Continue'), 'Continue enabled', SLOW);
    button(slotStep, 'Continue')!.click();

    // Details.
    const details = await atStep(widget, 'details');
    await setField(details, 'firstName', 'Grace');
    await setField(details, 'lastName', 'Hopper');
    await setField(details, 'email', 'grace@example.com');
    await setField(details, 'phone', '+1 555 0199');
    await expect(widget).to.be.accessible();
    await waitUntil(() => button(details, 'Continue'), 'Continue enabled', SLOW);
    button(details, 'Continue')!.click();

    // Review: free, nothing to pay.
    const review = await atStep(widget, 'review');
    expect(deepText(review)).to.include('Community Yoga');
    expect(deepText(review)).to.include('Grace Hopper');
    await expect(widget).to.be.accessible();
    button(review, 'Book')!.click();

    // Status: the server confirmed it.
    await atStep(widget, 'status');
    await waitUntil(() => deep(widget.shadowRoot!, '[data-status="CONFIRMED"]'), 'CONFIRMED', SLOW);
    await expect(widget).to.be.accessible();
    expect(created.length).to.equal(1);
    expect(steps).to.include.members(['slot', 'details', 'review', 'status']);

    // The server holds the booking the widget shows, with what was typed.
    const owner = await fetch(`${API}/bookings/v2/bookings/${created[0]}`, {
      headers: { authorization: 'Bearer wtr-owner-key-at-least-24-chars' },
    });
    const { booking } = (await owner.json()) as { booking: { status: string; contactDetails: { email: string } } };
    expect(booking.status).to.equal('CONFIRMED');
    expect(booking.contactDetails.email).to.equal('grace@example.com');
  });
});
