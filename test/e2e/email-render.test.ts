/**
 * The HTML emails as a mail client shows them: rendered in Chromium with scripts off and the network closed (an
 * email that needs either is broken in most clients), checked for its key texts and for fitting a phone's width,
 * and photographed for docs/notifications.md (test-output/; UPDATE_DOCS_IMAGES=1 also writes docs/images/).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser.js';
import { BUSINESS_EMAIL_KINDS, CUSTOMER_EMAIL_KINDS, renderEmail, type EmailKind } from '../../server/notifications/email/index.js';
import { businessContext, customerContext, MANAGE_URL } from '../server/email-fixtures.js';

function render(kind: EmailKind) {
  const context = (CUSTOMER_EMAIL_KINDS as readonly string[]).includes(kind)
    ? customerContext({ ...(kind === 'booking-rescheduled' ? { previousStartDate: '2026-11-30T18:00:00Z' } : {}) })
    : businessContext(kind);
  return renderEmail(kind, context);
}

describe('HTML emails in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  const requests: string[] = [];

  before(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 640, height: 800 } });
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
  });
  after(async () => {
    await context?.close();
    await browser?.close();
  });

  async function show(kind: EmailKind): Promise<Page> {
    const page = await context.newPage();
    await page.setContent(render(kind).html, { waitUntil: 'load' });
    return page;
  }

  it('the confirmed email: no scripts, its texts and button visible, no requests, fits a phone', async () => {
    const page = await show('booking-confirmed');
    assert.equal(await page.locator('script').count(), 0);
    for (const text of ['Lisbon Yoga Studio', 'Your booking is confirmed', 'Hello Maya Cohen,', 'Private yoga', 'Ana Silva', '€45.00']) {
      assert.ok(await page.getByText(text, { exact: false }).first().isVisible(), `${text} is visible`);
    }
    assert.match((await page.locator('body').innerText()).replace(/\s/g, ' '), /1:00 – 2:00 PM/);
    const button = page.getByRole('link', { name: 'Manage your booking' });
    assert.ok(await button.isVisible());
    assert.equal(await button.getAttribute('href'), MANAGE_URL);
    await screenshot(page, 'email-confirmed');

    await page.setViewportSize({ width: 360, height: 800 });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(typeof overflow === 'number' && overflow <= 0, `no sideways scrolling at 360px (${String(overflow)})`);
    assert.deepEqual(requests, [], 'the email loads nothing');
    await page.close();
  });

  for (const kind of [...CUSTOMER_EMAIL_KINDS, ...BUSINESS_EMAIL_KINDS].filter((k) => k !== 'booking-confirmed')) {
    it(`${kind}: renders with its heading and button`, async () => {
      const page = await show(kind);
      assert.equal(await page.locator('script').count(), 0);
      assert.ok(await page.locator('h1').isVisible());
      assert.ok(await page.getByRole('link').first().isVisible());
      await screenshot(page, `email-${kind}`);
      await page.close();
    });
  }
});
