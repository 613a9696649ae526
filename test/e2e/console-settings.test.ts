/**
 * The console's Settings view (issue 17, `data-view="settings"`): the owner renames the business and the API holds
 * the new name; a bad email for a new account is refused beside its field with everything typed kept; a STAFF
 * account is added and removed (after a confirmation), and the last OWNER's removal is refused in words; the embed
 * code names this server; axe in light, and at 360px in dark.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { OWNER_KEY, startServer, type TestServer } from '../server/helpers.js';
import { NOW, classBooking, eventIdAt, serviceNamed, visitorToken } from '../server/bookings-fixtures.js';
import { startReceiver, type Receiver } from '../server/webhooks-fixtures.js';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import { DEMO_STATIC_ROOTS, launchChromium, screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole } from './console-steps.js';

describe("the console's settings", () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: Receiver;

  before(async () => {
    // The console's server, with private webhook targets allowed (WEBHOOKS_ALLOW_PRIVATE) for the test's receiver.
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: { clock: () => NOW, staticRoots: DEMO_STATIC_ROOTS, webhooks: { allowPrivate: true } },
    });
    browser = await launchChromium();
    receiver = await startReceiver();
  });
  after(async () => {
    await browser?.close();
    await receiver?.close();
    await server?.close();
  });

  it('renames the business, adds and removes a STAFF account, refuses a bad email and the last owner in words', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'settings' });
    const view = page.locator('[data-view="settings"]');
    const name = view.getByLabel('Business name');
    await name.waitFor(WAIT);
    await view.locator('[data-user-id]').first().waitFor(WAIT);
    assert.match(await view.getByLabel('Embed code').inputValue(), new RegExp(`${server.url}/widget/booking-widget\\.iife\\.js`));
    await axe(page, 'settings');
    await screenshot(page, 'console-settings');

    // Someone else renames it after the form was read: Save shows theirs, keeps what was typed, saves on the second Save.
    const other = await server.call('PATCH', '/site-properties/v4/properties', {
      token: OWNER_KEY,
      body: { properties: { siteDisplayName: 'Harbor Studio (theirs)' } },
    });
    assert.equal(other.status, 200, JSON.stringify(other.body));
    await name.fill('Harbor Yoga & Pilates');
    // Each settings section has its own Save: this one is the business details'.
    const details = view.locator('console-business-details');
    await details.getByRole('button', { name: 'Save' }).click();
    await view.locator('#siteDisplayName-error').filter({ hasText: 'Harbor Studio (theirs)' }).waitFor(WAIT);
    assert.equal(await name.inputValue(), 'Harbor Yoga & Pilates', 'what was typed stays');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByText('Saved.').waitFor(WAIT);
    const read = await server.call('GET', '/site-properties/v4/properties');
    assert.equal(read.body.properties.siteDisplayName, 'Harbor Yoga & Pilates');

    const email = view.getByLabel('Email', { exact: true });
    await email.fill('sam-at-the-studio');
    await view.getByLabel('Staff member').selectOption({ label: 'Sam Patel' });
    await view.getByLabel('Initial password').fill('a long first password 7');
    await view.getByRole('button', { name: 'Add account' }).click();
    await view
      .locator('#new-email-error')
      .filter({ hasText: /email address/ })
      .waitFor(WAIT);
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.equal(await email.inputValue(), 'sam-at-the-studio', 'what was typed stays');
    assert.equal(await view.getByLabel('Initial password').inputValue(), 'a long first password 7');
    await axe(page, 'settings, a refused field');

    await email.fill('sam@harbor.example');
    await view.getByRole('button', { name: 'Add account' }).click();
    const row = view.locator('[data-user-id]').filter({ hasText: 'sam@harbor.example' });
    await row.waitFor(WAIT);
    assert.equal(await row.getAttribute('data-role'), 'STAFF');
    assert.match(await row.innerText(), /for Sam Patel/);
    const listed = await server.call('GET', '/business/v1/users', { token: OWNER_KEY });
    assert.ok((listed.body.users as { email: string }[]).some((u) => u.email === 'sam@harbor.example'));

    await row.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this account?' });
    await dialog.waitFor(WAIT);
    await axe(page, 'settings, remove dialog');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ ...WAIT, state: 'detached' });
    const after = await server.call('GET', '/business/v1/users', { token: OWNER_KEY });
    assert.ok(!(after.body.users as { email: string }[]).some((u) => u.email === 'sam@harbor.example'));

    const owners = (after.body.users as { id: string; role: string }[]).filter((u) => u.role === 'OWNER');
    assert.equal(owners.length, 1, 'the demo has one OWNER');
    const me = view.locator(`[data-user-id="${owners[0]?.id}"]`);
    await me.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await me.getByRole('alert').filter({ hasText: 'last OWNER account' }).waitFor(WAIT);
    assert.equal((await server.call('GET', '/business/v1/users', { token: OWNER_KEY })).body.users.length, owners.length + 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('adds a webhook endpoint, shows its secret once, and logs its delivery after a booking change', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'settings' });
    await page
      .locator('[data-view="settings"]')
      .getByRole('link', { name: /endpoints and their delivery logs/ })
      .click();
    const view = page.locator('[data-view="webhooks"]');
    await view.getByText('No endpoints yet.').waitFor(WAIT);
    await view.getByLabel('URL').fill(receiver.url);
    await view.getByLabel('A private or local address').check();
    await view.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = view.getByLabel('The signing secret');
    await secret.waitFor(WAIT);
    assert.match(await secret.inputValue(), /^whsec_/);
    const listed = await server.call('GET', '/webhooks/v1/endpoints', { token: OWNER_KEY });
    assert.equal(listed.body.endpoints.length, 1);
    assert.ok(!JSON.stringify(listed.body).includes('whsec_'), 'the list never shows the secret');

    const endpoint = view.locator(`[data-endpoint-id="${listed.body.endpoints[0].id}"]`);
    await endpoint.getByRole('button', { name: 'Delivery log' }).click();
    await endpoint.getByText('No deliveries yet').waitFor(WAIT);
    const yoga = await serviceNamed(server, 'Community Yoga');
    const made = await server.call('POST', '/bookings/v2/bookings', {
      token: await visitorToken(server),
      body: classBooking(yoga, await eventIdAt(server, yoga, '2026-12-05T10:00:00'), { selectedPaymentOption: 'OFFLINE' }),
    });
    assert.equal(made.status, 200, JSON.stringify(made.body));

    // Live: the booking's event makes the open log read again, with no click.
    await endpoint.locator('[data-delivery-id]').first().waitFor(WAIT);
    const done = endpoint.locator('[data-delivery-id][data-status="DONE"]');
    // The outbox delivers in the background: read the log again until the delivery is done (bounded by WAIT).
    const until = Date.now() + WAIT.timeout;
    while (!(await done.count()) && Date.now() < until) {
      await endpoint.getByRole('button', { name: 'Refresh' }).click();
      await endpoint.locator('console-webhook-log div[aria-busy="false"]').waitFor(WAIT);
    }
    assert.match(await done.innerText(), /wix\.bookings\.v2\.booking_created/);
    assert.ok(receiver.received.length >= 1);
    await axe(page, 'webhooks');
    await screenshot(page, 'console-webhooks');

    const delivery = endpoint.locator(`[data-delivery-id="${await done.getAttribute('data-delivery-id')}"]`);
    await delivery.getByRole('button', { name: 'Resend' }).click();
    await delivery.getByText('Sent again.').waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('creates a calendar feed for a staff member, shows its address once, and revokes it', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'settings' });
    const view = page.locator('[data-view="settings"]');
    await view.getByText('No calendar feeds yet.').waitFor(WAIT);
    await view.getByLabel('Feed of').selectOption({ label: 'Sam Patel' });
    await view.getByRole('button', { name: 'Create feed' }).click();
    const address = view.getByLabel('Subscription address (shown once)');
    await address.waitFor(WAIT);
    const url = await address.inputValue();
    assert.match(url, /\/calendar\/v1\/feeds\/.+\.ics$/);
    assert.match(await view.getByLabel('For Apple Calendar (webcal)').inputValue(), /^webcal:\/\//);
    const ics = await fetch(url);
    assert.equal(ics.status, 200);
    assert.match(await ics.text(), /BEGIN:VCALENDAR/);
    const feed = view.locator('[data-feed-id]').filter({ hasText: 'Sam Patel' });
    await feed.waitFor(WAIT);
    await axe(page, 'settings, a new calendar feed');

    await feed.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog', { name: 'Revoke this calendar feed?' }).getByRole('button', { name: 'Revoke' }).click();
    await feed.waitFor({ ...WAIT, state: 'detached' });
    assert.equal((await fetch(url)).status, 404, 'a revoked feed answers no more');
    assert.deepEqual((await server.call('GET', '/calendar/v1/feeds', { token: OWNER_KEY })).body.feeds, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works at 360px wide in dark mode, with no axe violations', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, {
      account: DEMO_OWNER,
      view: 'settings',
      width: 360,
      dark: true,
    });
    await page.locator('[data-view="settings"] [data-user-id]').first().waitFor(WAIT);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360px (${overflow}px too wide)`);
    await axe(page, 'settings, dark, 360px');
    await screenshot(page, 'console-settings-dark-360');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
