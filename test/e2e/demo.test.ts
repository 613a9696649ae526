/** `npm start`'s demo: the studio's page embeds the widget with one script tag, and it lists the live catalogue. */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../server/helpers.js';
import { useDemo, screenshot } from './browser.js';

describe('the demo site', () => {
  const shared = useDemo();
  let server: TestServer;
  let browser: Browser;
  before(() => {
    ({ server, browser } = shared);
  });

  it('shows the five demo services from the API inside the widget, with no accessibility violations', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    const cards = page.locator('booking-widget [data-service-id]');
    await cards.first().waitFor({ timeout: 20_000 });
    assert.deepEqual(
      (await cards.allTextContents()).map((t) => t.trim().split('\n')[0]?.trim()),
      ['Vinyasa Flow', 'Community Yoga', 'Family Climb', 'Personal Training', 'Strength Foundations'],
    );
    const ids = await cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-service-id')));
    const { body } = await server.call('POST', '/bookings/v2/services/query', { body: {} });
    assert.deepEqual(
      ids,
      body.services.map((s: { id: string }) => s.id),
      "the cards are the API's services",
    );

    const axe = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(
      axe.violations.map((v) => `${v.id}: ${v.help}`),
      [],
    );
    assert.deepEqual(errors, []);
    const file = await screenshot(page, 'demo');
    assert.ok(statSync(file).size > 10_000, 'the screenshot has content');
    await context.close();
  });

  it('serves the classic-script bundle that registers the element and no other global', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('booking-widget [data-service-id]').first().waitFor({ timeout: 20_000 });
    const defined = await page.evaluate(() => customElements.get('booking-widget') !== undefined);
    assert.equal(defined, true);
    await context.close();
  });
});
