/**
 * The console's Settings view (issue 17, `data-view="settings"`): the owner renames the business and the API holds
 * the new name; a bad email for a new account is refused beside its field with everything typed kept; a STAFF
 * account is added and removed (after a confirmation), and the last OWNER's removal is refused in words; the embed
 * code names this server; axe in light, and at 360px in dark.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import { screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole, startConsoleServer } from './console-steps.js';

describe("the console's settings", () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    ({ server, browser } = await startConsoleServer());
  });
  after(async () => {
    await browser?.close();
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

    await name.fill('Harbor Yoga & Pilates');
    await view.getByRole('button', { name: 'Save' }).click();
    await view.getByText('Saved.').waitFor(WAIT);
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
