/**
 * The console's finishing touches on a real server in Chromium: the owner's Export CSV in the bookings view (the
 * downloaded file's header and a booking's row; a failure beside the button with Try again; STAFF has none),
 * the sidebar lighting Bookings and Customers for their sub-views, and the Notifications link's open count,
 * live as a double booking appears and is resolved. axe on each state, pictures for docs/console.md.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';
import { OWNER_KEY } from '../server/helpers.js';
import { screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole } from './console-steps.js';
import { appointment, readBooking, useStudio } from './console-booking-steps.js';

const HEADER = 'id,status,payment status,service,start,end,time zone,participants,first name,last name,email,phone,total,paid';

const go = (page: Page, hash: string) => page.evaluate((h) => (location.hash = h), hash);
const bar = (page: Page) => page.locator('[data-view="bookings"] console-export-csv');
const currentLink = (page: Page) => page.locator('nav a[aria-current="page"]');

describe('the console: finishing touches', () => {
  const setup = useStudio();

  it("exports the filter's days as CSV with the token, and says which days", async () => {
    const { id } = await appointment(setup.studio, { start: '2026-12-10T11:00:00', firstName: 'Zara', byOwner: {} });
    const { context, page, errors } = await openConsole(setup.browser, setup.studio.server.url, { account: DEMO_OWNER });
    // No dates in the filter: this month in the studio's zone.
    assert.match(
      await bar(page).locator('.range').innerText(),
      /^Exports bookings from \w{3} 1, \d{4} to \w{3} \d\d, \d{4} \(studio time\)\.$/,
    );
    await go(page, '#bookings?status=all&from=2026-12-10&to=2026-12-10');
    await page.locator(`[data-view="bookings"] li[data-booking-id="${id}"]`).waitFor(WAIT);
    assert.equal(await bar(page).locator('.range').innerText(), 'Exports bookings from Dec 10, 2026 to Dec 10, 2026 (studio time).');
    await axe(page, 'bookings with Export CSV');
    await screenshot(page, 'console-bookings-export');

    const [download] = await Promise.all([page.waitForEvent('download'), bar(page).getByRole('button', { name: 'Export CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'bookings-2026-12-10-2026-12-10.csv');
    const lines = (await readFile(await download.path(), 'utf8')).split('\r\n');
    assert.equal(lines[0], HEADER);
    const row = lines.find((l) => l.startsWith(`${id},`));
    assert.ok(row, `a row for ${id} in:\n${lines.join('\n')}`);
    assert.match(row, /^[^,]+,CONFIRMED,[^,]*,Personal Training,2026-12-10T11:00,2026-12-10T12:00,America\/New_York,1,Zara,Okafor,/);
    await bar(page).getByRole('status').filter({ hasText: 'Exported bookings-2026-12-10-2026-12-10.csv.' }).waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a failed export beside the button, and Try again downloads it', async () => {
    const { context, page, errors } = await openConsole(setup.browser, setup.studio.server.url, {
      account: DEMO_OWNER,
      width: 360,
      dark: true,
    });
    const failing = '**/bookings/v2/bookings/export.csv?*';
    await page.route(failing, (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ message: 'The server is busy.' }) }),
    );
    await bar(page).getByRole('button', { name: 'Export CSV' }).click();
    await bar(page).getByRole('alert').waitFor(WAIT);
    await axe(page, 'Export CSV failed, dark, 360px');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    assert.equal(sideways, false, 'the page does not scroll sideways at 360px');
    await screenshot(page, 'console-bookings-export-dark-360');

    await page.unroute(failing);
    const [download] = await Promise.all([page.waitForEvent('download'), bar(page).getByRole('button', { name: 'Try again' }).click()]);
    assert.match(download.suggestedFilename(), /^bookings-\d{4}-\d\d-01-\d{4}-\d\d-\d\d\.csv$/);
    assert.equal((await readFile(await download.path(), 'utf8')).split('\r\n')[0], HEADER);
    assert.equal(await bar(page).getByRole('alert').count(), 0, 'the error goes once it worked');
    assert.equal(
      await bar(page)
        .getByRole('button', { name: 'Export CSV' })
        .evaluate((b) => b.matches(':focus')),
      true,
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('gives a STAFF account no Export CSV', async () => {
    const { context, page, errors } = await openConsole(setup.browser, setup.studio.server.url, { account: DEMO_STAFF });
    await page.locator('[data-view="bookings"] .count').waitFor(WAIT);
    assert.equal(await page.getByRole('button', { name: 'Export CSV' }).count(), 0);
    assert.equal(await page.locator('console-export-csv').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lights Bookings for a booking and a new booking, and Customers for a customer', async () => {
    const { id } = await appointment(setup.studio, { start: '2026-12-11T11:00:00', firstName: 'Yusuf', byOwner: {} });
    const customers = await setup.studio.server.call('GET', '/business/v1/customers', { token: OWNER_KEY });
    const customerId = (customers.body.customers as { id: string }[])[0]?.id ?? '';
    const { context, page, errors } = await openConsole(setup.browser, setup.studio.server.url, { account: DEMO_OWNER });
    for (const [hash, view, lit] of [
      [`#booking/${id}`, 'booking', 'Bookings'],
      ['#new-booking', 'new-booking', 'Bookings'],
      [`#customer/${customerId}`, 'customer', 'Customers'],
      ['#customers', 'customers', 'Customers'],
    ] as const) {
      await go(page, hash);
      await page.locator(`[data-view="${view}"]`).waitFor(WAIT);
      await currentLink(page).filter({ hasText: lit }).waitFor(WAIT);
      assert.equal(await currentLink(page).count(), 1, `one current link for ${hash}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('counts the open notifications on the sidebar link, live as a double booking appears and is resolved', async () => {
    const { context, page, errors } = await openConsole(setup.browser, setup.studio.server.url, { account: DEMO_OWNER });
    const link = page.locator('nav a[href="#notifications"]');
    await page.locator('nav a[data-open-count]').waitFor(WAIT);
    const before = Number(await link.getAttribute('data-open-count'));
    await page.locator('[data-view="bookings"] [role="status"]').filter({ hasText: 'Live' }).waitFor(WAIT);

    await appointment(setup.studio, { start: '2026-12-14T10:00:00', firstName: 'Hana', byOwner: {} });
    const second = await appointment(setup.studio, { start: '2026-12-14T10:00:00', firstName: 'Ines', byOwner: { overbook: true } });
    assert.equal((await readBooking(setup.studio.server, second.id)).doubleBooked, true);
    const open = before + 1;
    await page.locator(`nav a[data-open-count="${open}"]`).waitFor(WAIT);
    await page.getByRole('link', { name: `Notifications, ${open} to resolve`, exact: true }).waitFor(WAIT);
    assert.equal((await link.innerText()).trim(), `Notifications (${open})`);
    await axe(page, 'sidebar with the open notifications count');
    await screenshot(page, 'console-notifications-count');

    const booking = await readBooking(setup.studio.server, second.id);
    const canceled = await setup.studio.server.call('POST', `/bookings/v2/bookings/${second.id}/cancel`, {
      token: OWNER_KEY,
      body: { revision: booking.revision },
    });
    assert.equal(canceled.status, 200, JSON.stringify(canceled.body));
    await page.locator(`nav a[data-open-count="${before}"]`).waitFor(WAIT);
    assert.equal((await link.innerText()).trim(), before ? `Notifications (${before})` : 'Notifications');
    assert.deepEqual(errors, []);
    await context.close();
  });
});

describe('the console: one business stream a page', () => {
  const setup = useStudio();

  it('holds one stream however many views open and close, and every view stays live on it', async () => {
    const { context, page, errors } = await openConsole(setup.browser, setup.studio.server.url, { account: DEMO_OWNER, view: 'agenda' });
    // The page's stream is open once the first view says Live; count only what opens after that.
    await page.locator('[data-view="agenda"] .live').filter({ hasText: 'Live:' }).waitFor(WAIT);
    // Count every EventSource the page makes from now on (the console's code looks the global up at each use).
    await page.evaluate(() => {
      const w = window as unknown as { EventSource: typeof EventSource; openedStreams: number };
      const Original = w.EventSource;
      w.openedStreams = 0;
      w.EventSource = class extends Original {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          w.openedStreams += 1;
        }
      };
    });
    const opened = () => page.evaluate(() => (window as unknown as { openedStreams: number }).openedStreams);
    // The server caps a token's streams (5), and a console's tabs share one token: views must not each open one.
    for (const view of ['bookings', 'notifications', 'outbox', 'customers', 'agenda', 'bookings?status=all']) {
      await go(page, `#${view}`);
      await page.locator(`[data-view="${view.split('?')[0]}"]`).waitFor(WAIT);
    }
    await page.locator('[data-view="bookings"] .live').filter({ hasText: 'Live:' }).waitFor(WAIT);
    const { id } = await appointment(setup.studio, { start: '2026-12-11T11:00:00', firstName: 'Omar', byOwner: {} });
    await page.locator(`[data-view="bookings"] li[data-booking-id="${id}"]`).waitFor(WAIT);
    const count = await opened();
    assert.equal(count, 0, `no new stream while moving between views (${count} opened)`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
