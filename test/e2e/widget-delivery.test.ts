/**
 * How the widget is delivered (docs/widget.md, "Delivery"): the classic script loads its chunks from its own
 * origin on a strict-CSP page of another origin, a visitor's booking only the booking path's; what the booking
 * path does not need comes when first used (Try again when it cannot be fetched); a repeat visit paints the
 * catalogue from IndexedDB before the network answers, then shows the server's list when it differs; and the size
 * budget of dist/.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page, Route } from 'playwright-core';
import type { TestServer } from '../server/helpers.js';
import { bookCommunityYoga } from './book-community-yoga.js';
import { useDemo } from './browser.js';
import { widgetSizes } from '../../bench/speed/widget.js';
import { atStep, chooseService, firstSlot, openDemo, step } from './widget-steps.js';

const WAIT = { timeout: 30_000 };
const CHUNK = /\/widget\/[\w.-]+-[\w-]{8}\.js$/;
const cards = (page: Page) => page.locator('booking-widget [data-step="service"] [data-service-id]');

describe('widget delivery', () => {
  const demo = useDemo();
  let server: TestServer;
  let browser: Browser;
  before(() => {
    ({ server, browser } = demo);
  });

  it('books from the classic script on a strict-CSP page of another origin, its chunks coming from the script’s origin', async () => {
    const context = await browser.newContext({ timezoneId: 'America/New_York', permissions: ['local-network-access'] });
    const page = await context.newPage();
    const partner = server.url.replace('127.0.0.1', 'localhost');
    const violations: string[] = [];
    const errors: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const csp = `default-src 'self'; script-src ${server.url}/widget/; connect-src ${server.url}; style-src 'self'`;
    await page.route(`${partner}/strict-partner.html`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html', 'content-security-policy': csp },
        body: `<!doctype html><html lang="en"><head><title>Partner</title><script src="${server.url}/widget/booking-widget.iife.js" defer></script></head><body><main><h1>Partner</h1><booking-widget api-base="${server.url}"></booking-widget></main></body></html>`,
      }),
    );
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(`${partner}/strict-partner.html`);
    await cards(page).first().waitFor(WAIT);
    await bookCommunityYoga(page, server, { firstName: 'Chunk', lastName: 'Guest' });
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.ok(scripts.filter((url) => CHUNK.test(url)).length >= 1, `the flow's chunk loaded: ${scripts.join()}`);
    // From the first card to CONFIRMED: exactly the scripts `bookingPath` counts, none of the later views' chunks.
    const loaded = [...new Set(scripts.map((url) => new URL(url).pathname.replace('/widget/', '')))].sort();
    assert.deepEqual(loaded, [...widgetSizes().pathFiles].sort(), 'the booking path’s scripts (bench/speed/widget.ts)');
    assert.ok(
      scripts.every((url) => url.startsWith(`${server.url}/widget/`)),
      `every script from the script's origin: ${scripts.join()}`,
    );
    await context.close();
  });

  it('loads the account forms when first asked for: Try again while their chunk cannot be fetched, then the form', async () => {
    const { context, page, errors } = await openDemo(browser, server);
    let reachable = false;
    const asked: string[] = [];
    await page.route(/\/widget\/account-chunk-[\w-]{8}\.js$/, (route) => {
      asked.push(route.request().url());
      return reachable ? route.continue() : route.abort('internetdisconnected');
    });
    await chooseService(page, server, 'Community Yoga');
    await atStep(page, 'slot');
    await (await firstSlot(page)).click();
    await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'details');
    const details = step(page, 'details');
    await details.getByText('Log in as a member').click();
    assert.deepEqual(asked, [], 'the details step shows without the account forms’ chunk');
    await details.getByRole('button', { name: 'Create an account' }).click();
    await details.getByRole('alert').filter({ hasText: 'could not reach' }).waitFor(WAIT);
    reachable = true;
    await details.getByRole('button', { name: 'Try again' }).click();
    await details.locator('booking-widget-member-forms').getByRole('heading', { name: 'Create an account' }).waitFor(WAIT);
    assert.equal(asked.length, 2, 'asked once, then again on Try again');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('paints the catalogue from IndexedDB on a repeat visit before the network answers, then shows the server’s list', async () => {
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const first = await context.newPage();
    await first.goto(server.url);
    await cards(first).first().waitFor(WAIT);
    const all = await cards(first).count();
    await first.waitForTimeout(300); // the copy is written right after the answer; give IndexedDB a moment
    await first.close();

    // The repeat visit: the catalogue request waits until the cards are on screen, then answers one service fewer.
    const page = await context.newPage();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let ifNoneMatch: string | undefined;
    await page.route('**/bookings/v2/services/query', async (route: Route) => {
      ifNoneMatch = route.request().headers()['if-none-match'];
      await released;
      const answer = await route.fetch({ headers: { ...route.request().headers(), 'if-none-match': '' } });
      const body = (await answer.json()) as { services: unknown[] };
      await route.fulfill({ status: 200, contentType: 'application/json', json: { ...body, services: body.services.slice(1) } });
    });
    // Another path: the flow saved for `/` is not resumed here, so the cards can only come from the catalogue copy.
    await page.goto(`${server.url}/index.html`);
    await cards(page).first().waitFor(WAIT);
    assert.equal(await cards(page).count(), all, 'all the stored services, while the network has not answered');
    assert.match(ifNoneMatch ?? '', /^W\/"/, 'revalidated with the stored ETag');
    release();
    await page.waitForFunction(
      (n) => {
        const list = document.querySelector('booking-widget')?.shadowRoot?.querySelector('[data-step="service"]')?.shadowRoot;
        return list?.querySelectorAll('[data-service-id]').length === n;
      },
      all - 1,
      WAIT,
    );
    await context.close();
  });

  // SIZE BUDGET (issue 12): gzip -9 of dist/ as the e2e suite's `vite build` left it (bench/speed/widget.ts).
  it('keeps the first script within 30 KB gzip, the booking path and all of the widget within their current budgets', () => {
    const sizes = widgetSizes();
    assert.ok(sizes.first <= 30, `first script ${sizes.first} KB gzip (${sizes.files.join(', ')})`);
    // What a visitor loads from the first card to CONFIRMED (English): 57.9 KB before the views the booking path
    // does not need (the account forms, My bookings and manage, Add to calendar's links) moved to chunks of their
    // own, 53.4 KB after (docs/widget.md, "Chunks"; the loader took 0.1 KB more for its module script).
    assert.ok(sizes.bookingPath <= 53.5, `the booking path ${sizes.bookingPath} KB gzip (${sizes.pathFiles.join(', ')})`);
    // The issue's target for everything is 45 KB. Issue 18's returning-customer views took it from 49.8 to 61.1 KB,
    // none in the first script. Their three chunks of their own took it to 63.3 KB (each file pays for its own
    // compression dictionary; 61.6 KB with the same code inside the flow chunk), bought for 4.6 KB less on the
    // booking path. This bound keeps it from growing further unnoticed while that is worked on.
    assert.ok(sizes.all <= 63.5, `all of the widget ${sizes.all} KB gzip`);
  });
});
