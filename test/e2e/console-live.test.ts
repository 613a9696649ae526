/**
 * The console live, end to end (issue 16): two OWNERs in two browser contexts see each other's answers within a
 * second; a visitor's Personal Training request from the widget reaches the console and the visitor's open widget
 * turns CONFIRMED when the owner confirms it; the session survives a reload (with the filter in the address), ends
 * with Log out, and outlives an expired access token; filters and search by keyboard; the outbox updates itself.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import { screenshot } from './browser.js';
import { WAIT, axe, openDemo, serviceId, waitForStatus } from './widget-steps.js';
import { openConsole, startConsoleServer, type OpenOptions } from './console-steps.js';
import { clickAt, pendingRequest, requestTrainingInWidget, secondOwner, seenAt, watchForStatus } from './console-live-steps.js';

describe('the console, live (issue 16)', () => {
  const mailDir = mkdtempSync(join(tmpdir(), 'console-live-'));
  let server: TestServer;
  let browser: Browser;
  let training: string;
  /** The server's clock runs this far ahead of real time: the token-expiry test moves it. */
  let ahead = 0;

  before(async () => {
    // The real clock (the widget shows today's times), which the last test moves past the access token's life.
    ({ server, browser } = await startConsoleServer({ clock: () => new Date(Date.now() + ahead), mailDir }));
    training = await serviceId(server, 'Personal Training');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  const open = (options: OpenOptions = {}) => openConsole(browser, server.url, { account: DEMO_OWNER, ...options });
  const view = (page: Page) => page.locator('[data-view="bookings"]');
  const row = (page: Page, id: string, status?: string) =>
    page.locator(`[data-view="bookings"] [data-booking-id="${id}"]${status ? `[data-status="${status}"]` : ''}`);
  const live = (page: Page) => view(page).locator('[role="status"]').filter({ hasText: 'Live:' }).waitFor(WAIT);

  it("shows two owners each other's answers within a second", async (t) => {
    const first = await pendingRequest(server, training, 'Aiko');
    const second = await pendingRequest(server, training, 'Bruno');
    const a = await open();
    const b = await open({ account: await secondOwner(server) });
    for (const { page } of [a, b]) {
      await row(page, first, 'PENDING').waitFor(WAIT);
      await row(page, second, 'PENDING').waitFor(WAIT);
      await live(page);
    }

    await watchForStatus(b.page, first, 'CONFIRMED');
    const clicked = await clickAt(row(a.page, first).getByRole('button', { name: 'Confirm' }));
    const elapsed = (await seenAt(b.page)) - clicked;
    assert.ok(elapsed < 1000, `B saw A's confirmation ${Math.round(elapsed)} ms after the click`);

    await watchForStatus(a.page, second, 'DECLINED');
    const declined = await clickAt(row(b.page, second).getByRole('button', { name: 'Decline' }));
    const back = (await seenAt(a.page)) - declined;
    assert.ok(back < 1000, `A saw B's decline ${Math.round(back)} ms after the click`);
    t.diagnostic(`confirm seen by the other owner after ${Math.round(elapsed)} ms, decline after ${Math.round(back)} ms`);

    for (const { context, errors } of [a, b]) {
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it("turns the visitor's open widget CONFIRMED when the owner confirms its request in the console", async () => {
    const owner = await open();
    await live(owner.page);
    const visitor = await openDemo(browser, server);
    await requestTrainingInWidget(visitor.page, server, 'Wren');
    const request = view(owner.page).locator('li[data-status="PENDING"]').filter({ hasText: 'Wren Visitor' });
    await request.waitFor(WAIT);
    await request.getByRole('button', { name: 'Confirm' }).click();
    await view(owner.page).locator('li[data-status="CONFIRMED"]').filter({ hasText: 'Wren Visitor' }).waitFor(WAIT);
    await waitForStatus(visitor.page, 'CONFIRMED'); // no reload: the widget's own live stream brought it
    for (const { context, errors } of [owner, visitor]) {
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it('filters and searches by keyboard, keeps the filter in the address and the session across a reload', async () => {
    const priya = await pendingRequest(server, training, 'Priya', 'priya.shah@example.com');
    const other = await pendingRequest(server, training, 'Quentin');
    const { context, page, errors } = await open();
    await row(page, other, 'PENDING').waitFor(WAIT);

    // Tab to the search box, type a piece of the email, press Enter.
    const search = view(page).getByRole('searchbox', { name: 'Customer name or email' });
    let focused = false;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await search.evaluate((s) => s.matches(':focus'));
    }
    assert.ok(focused, 'Tab reaches the search box');
    await page.keyboard.type('PRIYA.sh');
    await page.keyboard.press('Enter');
    await view(page).locator('[aria-live="polite"][data-count="1"]').waitFor(WAIT);
    await row(page, priya).waitFor(WAIT);
    assert.equal(await row(page, other).count(), 0);
    // Shift+Tab back to the status filter; End picks "All".
    const status = view(page).getByRole('combobox', { name: 'Status' });
    await status.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => location.hash.includes('status=all'), undefined, WAIT);
    assert.match(await page.evaluate(() => location.hash), /^#bookings\?status=all&q=PRIYA\.sh$/);
    await axe(page, 'bookings, filtered');
    await screenshot(page, 'console-bookings-filters');

    // Hold the refresh on the way back, so the restoring state is checked rather than flashing by.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/oauth2/token', async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await page.locator('[data-view="restoring"][aria-busy="true"]').waitFor(WAIT);
    assert.equal(await page.locator('[data-view="login"]').count(), 0, 'no flash of the login form');
    await axe(page, 'restoring');
    release();
    await row(page, priya).waitFor(WAIT);
    await page.unroute('**/oauth2/token');
    assert.equal(await page.locator('[data-view="login"]').count(), 0, 'no login form after a reload');
    assert.equal(await search.inputValue(), 'PRIYA.sh');
    assert.equal(await status.inputValue(), '');
    assert.equal(await row(page, other).count(), 0);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.locator('[data-view="login"]').waitFor(WAIT);
    assert.equal(await page.evaluate(() => Object.keys(localStorage).length), 0, 'nothing stored after Log out');
    await page.reload();
    await page.locator('[data-view="login"]').waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('reads 50 bookings at a time, and Load more (by keyboard) reads the rest', async () => {
    for (let i = 0; i < 51; i += 3) {
      await Promise.all([i, i + 1, i + 2].map((n) => pendingRequest(server, training, `Pager${n}`, `pager${n}@pager.example`)));
    }
    const { context, page, errors } = await open();
    await page.evaluate(() => (location.hash = '#bookings?q=pager.example'));
    const count = view(page).locator('[aria-live="polite"]');
    await count.filter({ hasText: 'Showing 50 of 51 bookings.' }).waitFor(WAIT);
    const more = view(page).getByRole('button', { name: 'Load more' });
    await more.focus();
    await page.keyboard.press('Enter');
    await view(page).locator('[aria-live="polite"][data-count="51"]').waitFor(WAIT);
    const rows = view(page).locator('li[data-booking-id]');
    assert.equal(await rows.count(), 51);
    assert.equal(await more.count(), 0, 'nothing more to read');
    assert.ok(await rows.nth(50).evaluate((li) => li.matches(':focus')), 'focus on the first new row');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works at 360px wide in dark mode with the filters, with no axe violations', async () => {
    const { context, page, errors } = await open({ width: 360, dark: true });
    await view(page).locator('li').first().waitFor(WAIT);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360px (${overflow}px too wide)`);
    await axe(page, 'bookings filters, dark, 360px');
    await screenshot(page, 'console-bookings-filters-dark-360');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a new email in the outbox without a reload', async () => {
    const { context, page, errors } = await open({ view: 'bookings' });
    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.locator('[data-view="outbox"]').waitFor(WAIT);
    const id = await pendingRequest(server, training, 'Olga');
    const read = await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY });
    const confirmed = await server.call('POST', `/bookings/v2/bookings/${id}/confirm`, {
      token: OWNER_KEY,
      body: { revision: read.body.booking.revision },
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    await page.locator('[data-view="outbox"] tr[data-email-id]').filter({ hasText: 'olga@example.com' }).first().waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('refreshes an expired access token without a word, and ends a revoked session with one', async () => {
    const id = await pendingRequest(server, training, 'Tomas');
    const { context, page, errors } = await open();
    await page.evaluate(() => (location.hash = '#bookings?q=tomas')); // past the first page of requests otherwise
    await row(page, id, 'PENDING').waitFor(WAIT);
    const before = await page.evaluate(() => Object.values(localStorage)[0]);
    ahead = 5 * 3_600_000; // past the access token's four hours
    await row(page, id).getByRole('button', { name: 'Confirm' }).click();
    await row(page, id, 'CONFIRMED').waitFor(WAIT);
    assert.equal(await page.locator('[data-view="login"]').count(), 0, 'still signed in');
    const after = await page.evaluate(() => Object.values(localStorage)[0]);
    assert.ok(after && after !== before, 'the refresh token was rotated and stored');

    // Revoked elsewhere (say, from another device): the server ends the live stream, the console's next call is
    // refused and cannot be refreshed, so the login form says why.
    assert.equal((await server.call('POST', '/oauth2/revoke', { body: { token: after } })).status, 200);
    await page.locator('[data-view="login"] [role="alert"]').filter({ hasText: 'Your session ended' }).waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
    ahead = 0;
  });
});
