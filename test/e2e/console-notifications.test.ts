/**
 * The console's notifications view (`#notifications`, OWNER only) on a real server in Chromium: a double booking
 * made while the view is open appears live with its flag and the booking it shares the slot with, and is
 * resolved by moving one booking through the picker (the flag gone in the API too) or by canceling it; STAFF
 * has no link. axe on the view, and its picture for docs/console.md.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';
import { screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole } from './console-steps.js';
import { appointment, readBooking, useStudio } from './console-booking-steps.js';

describe('the console: notifications of double bookings', () => {
  const setup = useStudio();

  const view = '[data-view="notifications"]';

  /** Two bookings of one Personal Training slot with Alex; the owner's second goes past capacity on purpose. */
  async function doubleBooking(start: string, names: [string, string]) {
    const first = await appointment(setup.studio, { start, firstName: names[0], byOwner: {} });
    const second = await appointment(setup.studio, { start, firstName: names[1], byOwner: { overbook: true } });
    assert.equal((await readBooking(setup.studio.server, second.id)).doubleBooked, true);
    return { first: first.id, second: second.id };
  }

  it('shows a double booking live with its flag, and resolves it by moving one booking', async () => {
    const { context, page, errors } = await openConsole(setup.browser, setup.studio.server.url, { account: DEMO_OWNER });
    await page.getByRole('link', { name: 'Notifications' }).click();
    await page.locator(`${view} [role="status"]`).filter({ hasText: 'Live' }).waitFor(WAIT);
    const { first, second } = await doubleBooking('2026-12-08T10:00:00', ['Hana', 'Ines']);

    const row = page.locator(`${view} ul.open li[data-booking-id="${second}"]`);
    await row.waitFor(WAIT);
    const text = await row.innerText();
    assert.match(text, /Ines Okafor/);
    assert.match(text, /Double booked/);
    assert.match(text, /Tue, Dec 8, 10:00\s?AM EST/);
    assert.match(text, /Also in this slot:\s*Hana Okafor \(CONFIRMED\)/);
    await axe(page, 'notifications');
    await screenshot(page, 'console-notifications');

    // The booking view shows the same flag.
    await row.getByRole('link', { name: 'Open booking' }).click();
    await page.locator(`[data-view="booking"] [data-booking-id="${second}"] [data-double-booked]`).waitFor(WAIT);
    await page.goBack();

    const again = page.locator(`${view} ul.open li[data-booking-id="${second}"]`);
    await again.getByRole('button', { name: 'Reschedule' }).click();
    const picker = again.locator('console-reschedule-picker');
    const slot = picker.locator('input[type="radio"]:not([disabled])').first();
    await slot.waitFor(WAIT);
    await axe(page, 'notifications, reschedule picker');
    await slot.check();
    await picker.getByRole('button', { name: 'Reschedule' }).click();

    await page.locator(`${view} ul.resolved li[data-booking-id="${second}"][data-resolved="true"]`).waitFor(WAIT);
    assert.equal(await page.locator(`${view} ul.open li`).count(), 0, 'no open notification is left');
    const moved = await readBooking(setup.studio.server, second);
    assert.equal(moved.doubleBooked, undefined, 'the API agrees: not double booked any more');
    assert.notEqual(moved.startDate, (await readBooking(setup.studio.server, first)).startDate, 'moved to another time');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('resolves a double booking by canceling it through the dialog', async () => {
    const { second } = await doubleBooking('2026-12-08T13:00:00', ['Jia', 'Kofi']);
    const { context, page, errors } = await openConsole(setup.browser, setup.studio.server.url, { account: DEMO_OWNER });
    await page.getByRole('link', { name: 'Notifications' }).click();
    const row = page.locator(`${view} ul.open li[data-booking-id="${second}"]`);
    await row.getByRole('button', { name: 'Cancel' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this booking?' });
    await dialog.waitFor(WAIT);
    await axe(page, 'notifications, cancel dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.locator(`${view} ul.resolved li[data-booking-id="${second}"][data-status="CANCELED"]`).waitFor(WAIT);
    assert.equal((await readBooking(setup.studio.server, second)).status, 'CANCELED');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('is the owner’s: a STAFF account has no Notifications link, and the address shows it the agenda', async () => {
    const { context, page, errors } = await openConsole(setup.browser, setup.studio.server.url, { account: DEMO_STAFF });
    assert.equal(await page.getByRole('link', { name: 'Notifications' }).count(), 0);
    await page.evaluate(() => (location.hash = '#notifications'));
    await page.locator('[data-view="agenda"]').waitFor(WAIT);
    assert.equal(await page.locator(view).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
