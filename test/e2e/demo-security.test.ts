/**
 * The demo site under its security headers: every page works with no Content-Security-Policy violation, and
 * no page loads code from an address in its URL (the widget keeps tokens in IndexedDB on these pages).
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestServer } from '../server/helpers.js';
import { useDemo } from './browser.js';

const WAIT = { timeout: 30_000 };
const demo = (name: string) => readFileSync(fileURLToPath(new URL(`../../demo/${name}`, import.meta.url)), 'utf8');
const HOSTILE = ['https://evil.example', 'javascript:alert(1)//', 'data:text/javascript,alert(1)', '//evil.example'];

/** Every CSP violation a page reports, from the console and from the DOM event. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation(t: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

/** Requests and dialogs a page makes, to show nothing reaches a hostile address and nothing runs. */
function watchRequests(page: Page): { urls: string[]; scripts: string[]; dialogs: string[] } {
  const seen = { urls: [] as string[], scripts: [] as string[], dialogs: [] as string[] };
  page.on('request', (r) => {
    seen.urls.push(r.url());
    if (r.resourceType() === 'script') seen.scripts.push(r.url());
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

describe('the demo site under its security headers', () => {
  const shared = useDemo();
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  before(() => {
    ({ server, browser } = shared);
  });

  it('the studio page and the popup page run under the CSP with no violation', async () => {
    context = await browser.newContext({ timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const answer = await page.goto(`${server.url}/`);
    assert.match((await answer?.allHeaders())?.['content-security-policy'] ?? '', /script-src 'self'/);
    await page.locator('booking-widget [data-service-id]').first().waitFor(WAIT);

    await page.goto(`${server.url}/popup.html`);
    await page.getByRole('button', { name: 'Book Personal Training' }).click();
    await page.locator('booking-widget#popup dialog[open]').waitFor(WAIT);
    // The floating widget's light accent now comes from studio.css, not an inline style attribute.
    const accent = await page.evaluate(() =>
      getComputedStyle(document.querySelector('booking-widget#floating')!).getPropertyValue('--booking-accent').trim(),
    );
    assert.equal(accent, '#8fb0ff');
    assert.deepEqual(violations, []);
    await context.close();
  });

  for (const api of HOSTILE) {
    it(`the partner page given ?api=${api} loads the widget from its written address only, and runs nothing from the URL`, async () => {
      context = await browser.newContext({ timezoneId: 'America/New_York', permissions: ['local-network-access'] });
      const page = await context.newPage();
      const seen = watchRequests(page);
      await page.route(/evil\.example/, (route) =>
        route.fulfill({ status: 200, headers: { 'content-type': 'text/javascript' }, body: 'alert("evil")' }),
      );
      // As a partner serves it (another origin, the addresses pointing at this server)...
      const partner = server.url.replace('127.0.0.1', 'localhost');
      const html = demo('embed-cross-origin.html').replaceAll('http://localhost:8787', server.url);
      await page.route(`${partner}/partner/**`, (route) =>
        route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: html }),
      );
      await page.goto(`${partner}/partner/embed-cross-origin.html?api=${encodeURIComponent(api)}`);
      await page.locator('booking-widget [data-service-id]').first().waitFor(WAIT);
      // ...and as the demo server serves its copy (whose written address is http://localhost:8787).
      await page.route('http://localhost:8787/**', (route) => route.abort());
      await page.goto(`${server.url}/embed-cross-origin.html?api=${encodeURIComponent(api)}`);
      await page.waitForLoadState('load');

      const hostile = (u: string) => new URL(u).hostname === 'evil.example' || /^(javascript|data):/.test(u);
      assert.deepEqual(seen.urls.filter(hostile), []);
      const allowed = new Set([new URL(server.url).origin, 'http://localhost:8787']);
      assert.deepEqual(
        seen.scripts.filter((u) => !allowed.has(new URL(u).origin)),
        [],
      );
      assert.deepEqual(seen.dialogs, []);
      await context.close();
    });
  }
});
