/**
 * The widget as a guest on other pages: a strict Content-Security-Policy page books, another origin embeds it
 * through CORS, and the popup and floating modes open a dialog. Waits are on states, never on time.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../server/helpers.js';
import { bookCommunityYoga } from './book-community-yoga.js';
import { useDemo, screenshot } from './browser.js';

const WAIT = { timeout: 30_000 };
const demo = (name: string) => readFileSync(fileURLToPath(new URL(`../../demo/${name}`, import.meta.url)), 'utf8');

describe('the widget as a guest on other pages', () => {
  const shared = useDemo();
  let server: TestServer;
  let browser: Browser;
  before(() => {
    ({ server, browser } = shared);
  });

  it("books on a page with a strict CSP (script-src 'self'; style-src 'self'), with no violation and no global but the element", async () => {
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.route(`${server.url}/strict-csp.html`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" },
        body: '<!doctype html><html lang="en"><head><title>Strict CSP</title><script src="/widget/booking-widget.iife.js" defer></script></head><body><main><h1>Strict</h1><booking-widget></booking-widget></main></body></html>',
      }),
    );
    const before = await (async () => {
      const blank = await context.newPage();
      await blank.goto(`${server.url}/healthz`);
      const keys = await blank.evaluate(() => Object.keys(window));
      await blank.close();
      return new Set(keys);
    })();
    await page.goto(`${server.url}/strict-csp.html`);
    await page.locator('booking-widget [data-service-id]').first().waitFor(WAIT);
    const added = (await page.evaluate(() => Object.keys(window))).filter((k) => !before.has(k));
    // Lit itself records its versions on globalThis (litHtmlVersions, ...); the widget adds nothing of its own.
    assert.deepEqual(
      added.filter((k) => !/^(lit\w*Versions|reactiveElementVersions|litPropertyMetadata)$/.test(k)),
      [],
      `globals added: ${added.join()}`,
    );
    await bookCommunityYoga(page, server, { firstName: 'Guest', lastName: 'Page' });
    assert.deepEqual(violations, []);
    await context.close();
  });

  it('works embedded from another origin (CORS), with the API base set by attribute', async () => {
    // Both origins are on this machine; Chromium asks before a page reaches a loopback address of another origin.
    const context = await browser.newContext({ timezoneId: 'America/New_York', permissions: ['local-network-access'] });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Another origin on the same machine (localhost vs 127.0.0.1): Chromium blocks a public page from loopback.
    const partner = server.url.replace('127.0.0.1', 'localhost');
    // The partner page as a partner would serve it: the demo's page with its two addresses pointing at this server.
    const html = demo('embed-cross-origin.html').replaceAll('http://localhost:8787', server.url);
    await page.route(`${partner}/partner/**`, (route) =>
      route.fulfill({ status: 200, headers: { 'content-type': 'text/html' }, body: html }),
    );
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await page.goto(`${partner}/partner/embed-cross-origin.html`);
    assert.notEqual(new URL(page.url()).origin, new URL(server.url).origin);
    // The classic script first; the module entry and chunks it imports come from the script's origin, not the page's.
    assert.equal(scripts[0], `${server.url}/widget/booking-widget.iife.js`);
    assert.ok(
      scripts.every((url) => url.startsWith(`${server.url}/widget/`)),
      scripts.join(),
    );
    await page.locator('booking-widget [data-service-id]').first().waitFor(WAIT);
    await bookCommunityYoga(page, server, { firstName: 'Guest', lastName: 'Page' });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('opens the popup from the page and the floating button, as accessible modal dialogs, in light and dark', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto(`${server.url}/popup.html`);
    await page.getByRole('button', { name: 'Book Personal Training' }).click();
    await page.locator('booking-widget#popup [data-step="variant"]').waitFor(WAIT);
    await page.locator('booking-widget#popup dialog[open]').waitFor(WAIT);
    // The floating launcher sits under the open popup's backdrop (inert): check it with its own dialog below.
    const axe = await new AxeBuilder({ page }).exclude('booking-widget#floating').analyze();
    assert.deepEqual(
      axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
      [],
    );
    await screenshot(page, 'widget-popup');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('booking-widget#popup')?.hasAttribute('open'));

    await page.locator('booking-widget#floating').getByRole('button', { name: 'Book now' }).click();
    await page.locator('booking-widget#floating [data-service-id]').first().waitFor(WAIT);
    // The launcher is under its own dialog's backdrop now (inert), so it is left out.
    const dark = await new AxeBuilder({ page }).include('booking-widget#floating').exclude('booking-widget#floating .launcher').analyze();
    assert.deepEqual(
      dark.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.any[0]?.message}`).join('; ')}`),
      [],
    );
    await screenshot(page, 'widget-floating-dark');
    await page.evaluate(() => (document.querySelector('booking-widget#floating') as HTMLElement & { close(): void }).close());
    await page.waitForFunction(() => !document.querySelector('booking-widget#floating')?.shadowRoot?.querySelector('dialog[open]'));
    await context.close();
  });
});
