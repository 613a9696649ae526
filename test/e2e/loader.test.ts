/**
 * The classic loader (src/classic-loader.ts) in Chromium: it asks for the catalogue first, then loads the widget's
 * ES entry as a module script, so the page's load event comes after the widget's code has run (as for any script
 * the page holds), and a page that enforces Trusted Types, where a plain script URL is refused, still gets the
 * widget through `import()`.
 * Waits are on states, never on time; the held entry is released by the test, not by a timer.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../server/helpers.js';
import { useDemo } from './browser.js';

const WAIT = { timeout: 30_000 };
const page = (head: string) =>
  `<!doctype html><html lang="en"><head><title>Loader</title>${head}<script src="/widget/booking-widget.iife.js" defer></script></head><body><main><h1>Loader</h1><booking-widget></booking-widget></main></body></html>`;
/** Records, at the page's load event, whether `<booking-widget>` was defined by then. */
const RECORD_AT_LOAD = `<script>addEventListener('load', () => { window.definedAtLoad = !!customElements.get('booking-widget'); });</script>`;

describe('the classic loader', () => {
  const shared = useDemo();
  let server: TestServer;
  let browser: Browser;
  before(() => {
    ({ server, browser } = shared);
  });

  it("makes the page's load event wait for the widget's entry, even when the entry is slow to arrive", async () => {
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const tab = await context.newPage();
    await tab.route(`${server.url}/loader.html`, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: page(RECORD_AT_LOAD) }),
    );
    // The entry is held until the page has parsed and the loader has asked for it; an `import()` would let the
    // load event pass meanwhile.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked: () => void = () => {};
    const entryAsked = new Promise<void>((resolve) => (asked = resolve));
    await tab.route(`${server.url}/widget/booking-widget.js`, async (route) => {
      asked();
      await held;
      await route.continue();
    });
    const navigation = tab.goto(`${server.url}/loader.html`, { waitUntil: 'domcontentloaded' });
    await entryAsked;
    await navigation;
    assert.equal(await tab.evaluate(() => document.readyState), 'interactive', 'the load event waits for the held entry');
    release();
    await tab.waitForLoadState('load');
    assert.equal(await tab.evaluate(() => (window as unknown as { definedAtLoad?: boolean }).definedAtLoad), true);
    await tab.locator('booking-widget [data-service-id]').first().waitFor(WAIT);
    await context.close();
  });

  it('asks for the catalogue before the entry, so its answers are more often at hand when the entry runs', async () => {
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const tab = await context.newPage();
    const asked: string[] = [];
    tab.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await tab.goto(server.url);
    await tab.locator('booking-widget [data-service-id]').first().waitFor(WAIT);
    const order = (path: string) => asked.indexOf(path);
    assert.ok(order('/bookings/v2/services/query') >= 0 && order('/widget/booking-widget.js') >= 0, asked.join());
    assert.ok(order('/bookings/v2/services/query') < order('/widget/booking-widget.js'), asked.join());
    assert.ok(order('/site-properties/v4/properties') < order('/widget/booking-widget.js'), asked.join());
    await context.close();
  });

  it('loads the widget on a page that enforces Trusted Types, with no uncaught error', async () => {
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const tab = await context.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    await tab.route(`${server.url}/trusted-types.html`, (route) =>
      route.fulfill({
        status: 200,
        headers: {
          'content-type': 'text/html',
          'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
        },
        body: page(''),
      }),
    );
    await tab.goto(`${server.url}/trusted-types.html`);
    assert.equal(
      await tab.evaluate(() => typeof (window as { trustedTypes?: unknown }).trustedTypes),
      'object',
      'this Chromium knows Trusted Types',
    );
    await tab.locator('booking-widget [data-service-id]').first().waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
