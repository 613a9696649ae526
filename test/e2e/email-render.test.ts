/**
 * The HTML emails as a mail client shows them: rendered in Chromium with scripts off and the network closed (an
 * email that needs either is broken in most clients), checked for its key texts and for fitting a phone's width,
 * and photographed for docs/notifications.md (test-output/; UPDATE_DOCS_IMAGES=1 also writes docs/images/). The
 * confirmed email also in Spanish, French, German and Hebrew, the Hebrew one laid out right to left.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser.js';
import { BUSINESS_EMAIL_KINDS, CUSTOMER_EMAIL_KINDS, renderEmail, type EmailKind } from '../../server/notifications/email/index.js';
import { business, businessContext, customerContext, MANAGE_URL } from '../server/email-fixtures.js';

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

  /** `document.documentElement.scrollWidth - clientWidth` at a phone's width: more than 0 scrolls sideways. */
  async function overflowAt360(page: Page): Promise<number> {
    await page.setViewportSize({ width: 360, height: 800 });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    assert.ok(typeof overflow === 'number');
    return overflow;
  }

  const LOCALES = [
    { locale: 'es-ES', heading: 'Tu reserva está confirmada', button: 'Gestionar tu reserva', dir: 'ltr' },
    { locale: 'fr-FR', heading: 'Votre réservation est confirmée', button: 'Gérer votre réservation', dir: 'ltr' },
    { locale: 'de-DE', heading: 'Ihre Buchung ist bestätigt', button: 'Buchung verwalten', dir: 'ltr' },
    { locale: 'he-IL', heading: 'ההזמנה שלך אושרה', button: 'ניהול ההזמנה', dir: 'rtl' },
  ];
  for (const { locale, heading, button, dir } of LOCALES) {
    it(`the confirmed email in ${locale}: its words, ${dir}, fits a phone`, async () => {
      const page = await context.newPage();
      const email = renderEmail('booking-confirmed', customerContext({ business: { ...business, locale } }));
      await page.setContent(email.html, { waitUntil: 'load' });
      assert.ok(await page.getByRole('heading', { name: heading }).isVisible());
      assert.equal(await page.getByRole('link', { name: button }).getAttribute('href'), MANAGE_URL);
      assert.equal(await page.evaluate('getComputedStyle(document.body).direction'), dir);
      assert.equal(await page.evaluate('getComputedStyle(document.querySelector("h1")).direction'), dir);
      await screenshot(page, `email-confirmed-${locale.slice(0, 2)}`);
      const overflow = await overflowAt360(page);
      assert.ok(overflow <= 0, `no sideways scrolling at 360px (${overflow})`);
      await page.close();
    });
  }

  it('Hebrew: a Latin service name starting with a digit keeps its order inside the right-to-left sentence', async () => {
    const email = renderEmail(
      'booking-confirmed',
      customerContext({ business: { ...business, locale: 'he-IL' }, service: { name: '10 class pass' } }),
    );
    // Where "10" and "class" of the first paragraph are drawn: left to right inside the name, as written.
    async function positions(html: string): Promise<{ ten: number; word: number }> {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const found = await page.evaluate(`(() => {
        const node = [...document.querySelectorAll('p')].map((p) => p.firstChild).find((n) => n && n.data.includes('10 class pass'));
        const left = (i, n) => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + n); return r.getBoundingClientRect().left; };
        const at = node.data.indexOf('10 class pass');
        return { ten: left(at, 2), word: left(at + 3, 5) };
      })()`);
      await page.close();
      return found as { ten: number; word: number };
    }
    const isolated = await positions(email.html);
    assert.ok(isolated.ten < isolated.word, `"10" stays left of "class" (${JSON.stringify(isolated)})`);
    // The same email without the isolates: the bidi algorithm moves "10" to the other side, which is why they are there.
    const bare = await positions(email.html.replace(/[\u2068\u2069]/g, ''));
    assert.ok(bare.ten > bare.word, `without isolates "10" jumps right of "class" (${JSON.stringify(bare)})`);
  });
});
