/**
 * The console's Settings, part 2 (issue 17): the owner sets business hours and the currency, which the API answers
 * and the widget's prices show, and a new staff member starts with those hours (each member shows its linked
 * account, and Link moves one); a site added to the allowed origins can call the API at once, without a restart (a real page on
 * another origin, through the browser's CORS preflight); reminders and the sender are saved, a bad sender is
 * refused beside its field with what was typed kept; axe, and the picture for docs/console.md.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { OWNER_KEY, startServer, type TestServer } from '../server/helpers.js';
import { NOW } from '../server/bookings-fixtures.js';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import { DEMO_STATIC_ROOTS, launchChromium } from './browser.js';
import { WAIT, axe, openDemo } from './widget-steps.js';
import { openConsole } from './console-steps.js';

const ENV_ORIGIN = 'https://www.harbor.example';

/** A page on its own origin (http://localhost:port) whose script asks the API for the site properties. */
async function startOtherSite(apiUrl: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const page = `<!doctype html><title>Other site</title><script>
    window.askApi = () => fetch(${JSON.stringify(`${apiUrl}/bookings/v2/services/query`)}, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      .then((r) => r.json()).then((b) => 'services: ' + b.services.length, (e) => 'refused: ' + e.message);
  </script>`;
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe("the console's settings: hours, currency, origins, reminders", () => {
  let server: TestServer;
  let browser: Browser;
  let other: Awaited<ReturnType<typeof startOtherSite>> | undefined;

  before(async () => {
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: { clock: () => NOW, staticRoots: DEMO_STATIC_ROOTS, allowedOrigins: [ENV_ORIGIN] },
    });
    browser = await launchChromium();
  });
  after(async () => {
    await other?.close();
    await browser?.close();
    await server?.close();
  });

  it('sets business hours and the currency: the API and the widget show them, and a new staff member starts with them', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'settings' });
    const section = page.locator('console-business-hours-section');
    await section.getByRole('button', { name: 'Add hours on Monday' }).click();
    await section.getByLabel('Monday end 1').fill('18:00');
    await section.getByLabel('Currency').fill('EUR');
    // Someone else saves a phone meanwhile: Save shows theirs beside the field, keeps what was typed, saves on the second.
    const theirs = await server.call('PATCH', '/site-properties/v4/properties', {
      token: OWNER_KEY,
      body: { properties: { phone: '+1 555 0199' } },
    });
    assert.equal(theirs.status, 200);
    await section.getByRole('button', { name: 'Save' }).click();
    await section.locator('#site-phone-error').filter({ hasText: '+1 555 0199' }).waitFor(WAIT);
    assert.equal(await section.getByLabel('Currency').inputValue(), 'EUR', 'what was typed stays');
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Business hours, currency and contact saved.').waitFor(WAIT);
    const read = (await server.call('GET', '/site-properties/v4/properties')).body.properties;
    assert.deepEqual(read.businessSchedule.periods, [{ openDay: 'MONDAY', openTime: '09:00', closeDay: 'MONDAY', closeTime: '18:00' }]);
    assert.equal(read.paymentCurrency, 'EUR');

    await page.getByRole('link', { name: 'Staff' }).first().click();
    const staff = page.locator('[data-view="staff"]');
    const alex = staff.locator('[data-staff-member-id]').filter({ hasText: 'Alex Rivera' });
    await alex.locator('[data-linked-accounts="alex@example.com"]').waitFor(WAIT);
    // Link moves Alex's STAFF account to Sam through the accounts API.
    const sam = staff.locator('[data-staff-member-id]').filter({ hasText: 'Sam Patel' });
    await sam.getByLabel('Account to link to Sam Patel').selectOption({ label: 'alex@example.com' });
    await sam.getByRole('button', { name: 'Link' }).click();
    await sam.locator('[data-linked-accounts="alex@example.com"]').waitFor(WAIT);
    const samId = await sam.getAttribute('data-staff-member-id');
    const users = (await server.call('GET', '/business/v1/users', { token: OWNER_KEY })).body.users as {
      email: string;
      staffMemberId?: string;
    }[];
    assert.equal(users.find((u) => u.email === 'alex@example.com')?.staffMemberId, samId);
    await axe(page, 'staff, linked accounts');
    await staff.getByRole('button', { name: 'Add staff member' }).click();
    assert.equal(await staff.getByLabel('Monday start 1').inputValue(), '09:00');
    assert.equal(await staff.getByLabel('Monday end 1').inputValue(), '18:00');
    assert.deepEqual(errors, []);
    await context.close();

    const demo = await openDemo(browser, server);
    const cards = demo.page.locator('booking-widget [data-service-id]');
    await cards.filter({ hasText: 'Vinyasa Flow' }).filter({ hasText: '€20.00' }).waitFor(WAIT);
    assert.doesNotMatch((await cards.allInnerTexts()).join('\n'), /\$\d/, 'no price left in dollars');
    await demo.context.close();
  });

  it('lets a page on a newly allowed site call the API at once, without a restart', async () => {
    other = await startOtherSite(server.url);
    const visitor = await browser.newContext();
    const site = await visitor.newPage();
    await site.goto(other.origin);
    assert.match(await site.evaluate(() => (window as unknown as { askApi: () => Promise<string> }).askApi()), /^refused/);

    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'settings' });
    const section = page.locator('console-widget-section');
    await section.locator('[data-environment-origins]').getByText(ENV_ORIGIN).waitFor(WAIT);
    await section.getByLabel('Your sites, one per line').fill(`${other.origin}/booking`);
    await section.getByRole('button', { name: 'Save' }).click();
    await section.locator('#origins-error').filter({ hasText: 'no path' }).waitFor(WAIT);
    assert.equal(await section.getByLabel('Your sites, one per line').inputValue(), `${other.origin}/booking`, 'what was typed stays');
    await section.getByLabel('Your sites, one per line').fill(other.origin);
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Saved: these sites can use the widget now.').waitFor(WAIT);
    await section.getByText(`For pages on ${other.origin}`).waitFor(WAIT);
    assert.match(await section.getByLabel('Embed code').inputValue(), new RegExp(`api-base="${server.url}"`));

    assert.match(await site.evaluate(() => (window as unknown as { askApi: () => Promise<string> }).askApi()), /^services: \d+/);
    assert.deepEqual(errors, []);
    await context.close();
    await visitor.close();
  });

  it('saves reminders and the sender, refusing a bad sender beside its field; axe clean', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'settings' });
    const section = page.locator('console-notifications-section');
    const hours = section.getByLabel('Reminder, hours before the start');
    const sender = section.getByLabel('Emails are sent from');
    await hours.fill('2');
    await sender.fill('Harbor Studio');
    await section.getByRole('button', { name: 'Save' }).click();
    await section
      .locator('#notify-mailFrom-error')
      .filter({ hasText: /address/ })
      .waitFor(WAIT);
    assert.equal(await sender.getAttribute('aria-invalid'), 'true');
    assert.equal(await hours.inputValue(), '2', 'what was typed stays');
    await axe(page, 'settings part 2, a refused sender');

    await sender.fill('Harbor Studio <hello@harbor.example>');
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Saved: the next emails use these settings.').waitFor(WAIT);
    const saved = await server.call('GET', '/business/v1/settings/notifications', { token: OWNER_KEY });
    assert.deepEqual(saved.body.notifications, { reminderHours: 2, mailFrom: 'Harbor Studio <hello@harbor.example>' });

    await axe(page, 'settings part 2');
    const file = join(process.cwd(), 'test-output', 'console-settings-more.png');
    mkdirSync(join(process.cwd(), 'test-output'), { recursive: true });
    await page.locator('[data-view="settings"]').screenshot({ path: file });
    if (process.env['UPDATE_DOCS_IMAGES'] === '1') copyFileSync(file, join(process.cwd(), 'docs', 'images', 'console-settings-more.png'));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
