/**
 * The business console at /console/ (contract section 12), its first slice, end to end: the built bundle on the
 * served page under the strict CSP, signed in as the demo owner, PENDING requests listed and answered by keyboard,
 * live updates from the business stream, the wrong-password path, no axe violations, light and dark at 360px.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import type { Browser } from 'playwright-core';
import { startServer, OWNER_KEY, type TestServer } from '../server/helpers.js';
import { NOW, appointmentBooking, serviceNamed, visitorToken, type DemoService } from '../server/bookings-fixtures.js';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';
import { DEMO_STATIC_ROOTS, launchChromium, screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { logIn, openConsole, tabTo, type OpenOptions } from './console-steps.js';

describe('the console (first slice)', () => {
  let server: TestServer;
  let browser: Browser;
  let training: DemoService;
  let visitor: string;
  let alex: string;
  let sam: string;
  let hour = 9;

  before(async () => {
    // A fixed clock (Tuesday 1 December 2026), so the appointments below are in the future whatever today is.
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: { clock: () => NOW, staticRoots: DEMO_STATIC_ROOTS },
    });
    browser = await launchChromium();
    training = await serviceNamed(server, 'Personal Training');
    visitor = await visitorToken(server);
    const staff = await server.storage.staff.list();
    alex = staff.find((s) => s.name === 'Alex Rivera')!.id;
    sam = staff.find((s) => s.name === 'Sam Patel')!.id;
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A visitor's Personal Training request, made PENDING by the owner as a request awaiting approval is. */
  async function pendingRequest(firstName: string, staffMemberId = alex): Promise<string> {
    hour += 1;
    const at = (h: number) => `2026-12-02T${String(h).padStart(2, '0')}:00:00`;
    const body = appointmentBooking(training, at(hour), at(hour + 1)) as { booking: Record<string, unknown> };
    const booking = body.booking as { bookedEntity: { slot: Record<string, unknown> }; contactDetails: Record<string, unknown> };
    booking.bookedEntity.slot['resource'] = { id: staffMemberId };
    booking.contactDetails['firstName'] = firstName;
    const created = await server.call('POST', '/bookings/v2/bookings', { token: visitor, body });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const { id, revision } = created.body.booking as { id: string; revision: string };
    const pending = await server.call('POST', `/bookings/v2/bookings/${id}/mark_booking_as_pending`, {
      token: OWNER_KEY,
      body: { revision },
    });
    assert.equal(pending.status, 200, JSON.stringify(pending.body));
    return id;
  }

  const open = (options: OpenOptions = {}) => openConsole(browser, server.url, options);

  it('keeps the email and shows the error next to the form after a wrong password, with no axe violations', async () => {
    const { context, page, errors } = await open();
    await axe(page, 'login');
    await screenshot(page, 'console-login');
    await logIn(page, { email: DEMO_OWNER.email, password: 'not-the-password' });
    const alert = page.locator('[data-view="login"] [role="alert"]');
    await alert.filter({ hasText: 'do not match' }).waitFor(WAIT);
    assert.equal(await page.locator('[data-view="login"] input[name="email"]').inputValue(), DEMO_OWNER.email);
    assert.equal(await page.locator('[data-view="bookings"]').count(), 0);
    await axe(page, 'login with an error');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lists a PENDING request after login and confirms it by keyboard alone', async () => {
    const id = await pendingRequest('Priya');
    const { context, page, errors } = await open();
    await logIn(page);
    const row = page.locator(`[data-view="bookings"] [data-booking-id="${id}"]`);
    await row.waitFor(WAIT);
    assert.equal(await row.getAttribute('data-status'), 'PENDING');
    const text = await row.innerText();
    assert.match(text, /Priya/);
    assert.match(text, /Personal Training/);
    assert.match(text, /Wed, Dec 2, 10:00\s?AM EST/, 'the start in the studio zone, not the browser zone');
    assert.equal(await page.getByRole('navigation').count(), 1);
    await page.locator('[data-view="bookings"] [role="status"]').filter({ hasText: 'Live' }).waitFor(WAIT);
    await axe(page, 'bookings');
    await screenshot(page, 'console-bookings');

    // Tab from the top of the page until this row's Confirm button has focus, then press Enter.
    await tabTo(page, row.getByRole('button', { name: 'Confirm' }), 'the Confirm button');
    await page.keyboard.press('Enter');
    await page.locator(`[data-booking-id="${id}"][data-status="CONFIRMED"]`).waitFor(WAIT);
    const read = await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY });
    assert.equal(read.body.booking.status, 'CONFIRMED');
    assert.equal(await row.getByRole('button', { name: 'Confirm' }).count(), 0, 'a CONFIRMED booking offers no Confirm');
    // The pressed button is gone: focus stays on the row, not back at the top of the page.
    let rowFocused = false;
    for (let i = 0; i < 50 && !rowFocused; i++) {
      rowFocused = await row.evaluate((r) => r.matches(':focus'));
      if (!rowFocused) await page.waitForTimeout(100);
    }
    assert.ok(rowFocused, 'focus moves to the answered row');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.locator('[data-view="login"]').waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a request made after login without a reload, and declines it', async () => {
    const { context, page, errors } = await open();
    await logIn(page);
    await page.locator('[data-view="bookings"] [role="status"]').filter({ hasText: 'Live' }).waitFor(WAIT);
    const id = await pendingRequest('Jonas');
    const row = page.locator(`[data-view="bookings"] [data-booking-id="${id}"][data-status="PENDING"]`);
    await row.waitFor(WAIT);
    await row.getByRole('button', { name: 'Decline' }).click();
    await page.locator(`[data-booking-id="${id}"][data-status="DECLINED"]`).waitFor(WAIT);
    const read = await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY });
    assert.equal(read.body.booking.status, 'DECLINED');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows a STAFF account its own staff member's requests only", async () => {
    const alexs = await pendingRequest('Ravi');
    const sams = await pendingRequest('Noor', sam);
    const { context, page, errors } = await open();
    await logIn(page, DEMO_STAFF);
    await page.locator(`[data-view="bookings"] [data-booking-id="${alexs}"]`).waitFor(WAIT);
    assert.equal(await page.locator(`[data-booking-id="${sams}"]`).count(), 0, "Sam Patel's request is not Alex's");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works at 360px wide in dark mode, with no axe violations', async () => {
    await pendingRequest('Mei');
    const { context, page, errors } = await open({ width: 360, dark: true });
    await logIn(page);
    await page.locator('[data-view="bookings"] [data-status="PENDING"]').first().waitFor(WAIT);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360px (${overflow}px too wide)`);
    await axe(page, 'bookings, dark, 360px');
    await screenshot(page, 'console-bookings-dark-360');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
