/**
 * The widget in Spanish, French, German and Hebrew (contract section 15), on the demo page through the real
 * server: the service and time steps in each language (a screenshot each for docs/widget.md), month names and
 * prices in the locale's formats, Hebrew right to left and axe-clean; a language's chunk fetched only when a
 * widget uses it, before the first paint (a skeleton meanwhile, no English) and again on a change at run time.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../server/helpers.js';
import { useDemo } from './browser.js';
import { WAIT, atStep, axe, chooseService, firstSlot, serviceId, step } from './widget-steps.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Each language's step headings, as a native speaker reads them in src/i18n/<language>.ts. */
const LANGUAGES = [
  { locale: 'es-MX', service: 'Elige un servicio', slot: 'Elige un horario' },
  { locale: 'fr', service: 'Choisissez une prestation', slot: 'Choisissez un horaire' },
  { locale: 'de', service: 'Leistung wählen', slot: 'Termin wählen' },
  { locale: 'he', service: 'בחירת שירות', slot: 'בחירת מועד' },
];

/** The language chunks the page fetched (`/widget/es-<hash>.js` …). */
function watchLanguageChunks(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const match = /\/widget\/(es|fr|de|he)-[\w-]{8}\.js$/.exec(request.url());
    if (match) fetched.push(match[1]!);
  });
  return fetched;
}

/**
 * A page (not yet opened: the caller goes to the demo page) that gets the demo page with `html lang` or the
 * widget's `locale` set, served with the server's own headers (its strict CSP).
 */
async function openIn(browser: Browser, server: TestServer, { lang, locale }: { lang?: string; locale?: string }) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route(`${server.url}/`, async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    if (lang) body = body.replace('<html lang="en">', `<html lang="${lang}">`);
    if (locale)
      body = body.replace('<booking-widget client-id="harbor-demo">', `<booking-widget client-id="harbor-demo" locale="${locale}">`);
    await route.fulfill({ response, body });
  });
  return { context, page, errors };
}

/** The widget alone, in test-output/ (and docs/images/ with UPDATE_DOCS_IMAGES=1). */
async function widgetShot(page: Page, name: string): Promise<void> {
  const file = join(root, 'test-output', `${name}.png`);
  mkdirSync(dirname(file), { recursive: true });
  await page.locator('booking-widget').screenshot({ path: file });
  if (process.env['UPDATE_DOCS_IMAGES'] === '1') copyFileSync(file, join(root, 'docs', 'images', `${name}.png`));
}

const heading = (page: Page, name: string) => step(page, name).locator('h3');

/** `value` USD as the browser's Intl writes it in `locale`. */
const usdIn = (page: Page, locale: string, value: number) =>
  page.evaluate(([l, v]) => new Intl.NumberFormat(l, { style: 'currency', currency: 'USD' }).format(v), [locale, value] as const);

describe('the widget in five languages', () => {
  const demo = useDemo();

  it('walks the service and time steps in each language, with its month names and prices', async () => {
    const { browser, server } = demo;
    const vinyasaId = await serviceId(server, 'Vinyasa Flow');
    for (const { locale, service, slot } of LANGUAGES) {
      // Spanish from the page's `lang` (es-MX → es), the others from the attribute.
      const { context, page, errors } = await openIn(browser, server, locale === 'es-MX' ? { lang: locale } : { locale });
      const fetched = watchLanguageChunks(page);
      await page.goto(server.url + '/');
      await atStep(page, 'service');
      assert.equal((await heading(page, 'service').textContent())?.trim(), service, locale);
      const card = (await page.locator(`booking-widget [data-service-id="${vinyasaId}"]`).textContent()) ?? '';
      assert.ok(card.includes(await usdIn(page, locale, 20)), `${locale}: Vinyasa Flow's price in the locale's format: ${card}`);

      await chooseService(page, server, 'Community Yoga');
      await heading(page, 'slot').getByText(slot).waitFor(WAIT);
      const first = await (await firstSlot(page)).getAttribute('data-slot-start');
      const month = (await step(page, 'slot').locator('#label').textContent())?.trim();
      const expected = await page.evaluate(
        ([l, m]) => new Intl.DateTimeFormat(l, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00Z`)),
        [locale, first!.slice(0, 7)] as const,
      );
      assert.equal(month, expected, `${locale}: the month in the locale's words`);
      await widgetShot(page, `widget-language-${locale.slice(0, 2)}`);
      assert.deepEqual(fetched, [locale.slice(0, 2)], `${locale}: its own language chunk, once`);
      assert.deepEqual(errors, [], locale);
      await context.close();
    }
  });

  it('is right to left in Hebrew, mirrored, and axe-clean', async () => {
    const { browser, server } = demo;
    const { context, page, errors } = await openIn(browser, server, { locale: 'he' });
    await page.goto(server.url + '/');
    await atStep(page, 'service');
    const base = page.locator('booking-widget .base');
    assert.deepEqual(await base.evaluate((el) => [getComputedStyle(el).direction, el.getAttribute('lang')]), ['rtl', 'he']);
    await axe(page, 'Hebrew service step');
    await chooseService(page, server, 'Community Yoga');
    await firstSlot(page);
    // Mirrored: the previous month's button on the right, the next month's on the left; the time list starts on the right.
    const previous = await step(page, 'slot').getByRole('button', { name: 'החודש הקודם' }).boundingBox();
    const next = await step(page, 'slot').getByRole('button', { name: 'החודש הבא' }).boundingBox();
    assert.ok(previous && next && previous.x > next.x, 'previous month on the right');
    assert.equal(
      await step(page, 'slot')
        .locator('booking-widget-time-list')
        .evaluate((el) => getComputedStyle(el).direction),
      'rtl',
    );
    await axe(page, 'Hebrew time step');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('fetches a language only when used: before the first paint (no English meanwhile) and on a change of `locale`', async () => {
    const { browser, server } = demo;
    // English: no language chunk at all.
    const english = await openIn(browser, server, {});
    const fetchedByEnglish = watchLanguageChunks(english.page);
    await english.page.goto(server.url + '/');
    await atStep(english.page, 'service');
    await english.page.locator('booking-widget [data-step="service"] [data-service-id]').first().waitFor(WAIT);
    assert.equal((await heading(english.page, 'service').textContent())?.trim(), 'Choose a service');

    // locale="es" set at run time: the English texts stay until Spanish is here, then it re-renders in Spanish.
    let releaseSpanish = () => {};
    const spanishHeld = new Promise<void>((resolve) => (releaseSpanish = resolve));
    await english.page.route(/\/widget\/es-[\w-]{8}\.js$/, async (route) => (await spanishHeld, route.continue()));
    const requested = english.page.waitForRequest(/\/widget\/es-[\w-]{8}\.js$/);
    await english.page.locator('booking-widget').evaluate((el) => el.setAttribute('locale', 'es'));
    await requested;
    assert.equal((await heading(english.page, 'service').textContent())?.trim(), 'Choose a service');
    releaseSpanish();
    await heading(english.page, 'service').getByText('Elige un servicio').waitFor(WAIT);
    assert.deepEqual(fetchedByEnglish, ['es'], 'only Spanish, and only once asked for');
    assert.deepEqual(english.errors, []);
    await english.context.close();

    // A page in German: a skeleton and not one English word until German has arrived.
    const german = await openIn(browser, server, { lang: 'de-DE' });
    let releaseGerman = () => {};
    const germanHeld = new Promise<void>((resolve) => (releaseGerman = resolve));
    await german.page.route(/\/widget\/de-[\w-]{8}\.js$/, async (route) => (await germanHeld, route.continue()));
    const germanRequested = german.page.waitForRequest(/\/widget\/de-[\w-]{8}\.js$/);
    await german.page.goto(server.url + '/');
    await germanRequested;
    await german.page.locator('booking-widget .base [aria-busy="true"] .skeleton').first().waitFor(WAIT);
    assert.equal((await german.page.locator('booking-widget .base').textContent())?.trim(), '', 'no English before German');
    releaseGerman();
    await heading(german.page, 'service').getByText('Leistung wählen').waitFor(WAIT);
    assert.deepEqual(german.errors, []);
    await german.context.close();
  });
});
