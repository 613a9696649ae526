/**
 * The console's booking view (`#booking/<id>`, contract section 12) on a real server in Chromium: a booking's
 * facts, history, payment and order; Confirm; Cancel through its dialog by keyboard alone; Mark as paid; Refund
 * of a card payment; Reschedule through the picker; a STAFF account facing another's booking; axe on each state,
 * and the pictures in docs/console.md (light, and dark at 360px).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER_KEY } from '../server/helpers.js';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';
import { screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole, tabTo, type OpenOptions } from './console-steps.js';
import { appointment, bookingShows, classPaidInPerson, openBooking, readBooking, useStudio } from './console-booking-steps.js';

describe('the console: one booking', () => {
  const setup = useStudio();

  const open = (options: OpenOptions = {}) => openConsole(setup.browser, setup.studio.server.url, { account: DEMO_OWNER, ...options });
  const view = '[data-view="booking"]';

  it('opens from its row and shows its facts, history, payment and order; Confirm confirms it', async () => {
    const made = await appointment(setup.studio, { start: '2026-12-03T10:00:00', firstName: 'Amara', pay: 'card' });
    const { context, page, errors } = await open();
    const row = page.locator(`[data-view="bookings"] [data-booking-id="${made.id}"]`);
    await row.waitFor(WAIT);
    await row.getByRole('link', { name: 'Amara Okafor' }).click();
    await bookingShows(page, made.id, 'PENDING');
    const text = await page.locator(view).innerText();
    assert.match(text, /Personal Training/);
    assert.match(text, /Thu, Dec 3, 10:00\s?AM EST – 11:00\s?AM/, "start–end in the studio's zone");
    assert.match(text, /Alex Rivera/);
    assert.match(text, /\+1 212 555 0148/);
    assert.match(text, /Total\s+\$80\.00/);
    assert.match(text, /Paid\s+\$80\.00/);
    assert.match(text, /Paid online in full/);
    assert.match(text, /Created by the customer: CREATED/, 'the history, oldest first');
    await page.locator(`${view} [role="status"]`).filter({ hasText: 'Live' }).waitFor(WAIT);
    await axe(page, 'booking');
    await screenshot(page, 'console-booking');

    await page.locator(view).getByRole('button', { name: 'Confirm' }).click();
    await bookingShows(page, made.id, 'CONFIRMED');
    assert.equal((await readBooking(setup.studio.server, made.id)).status, 'CONFIRMED');
    await page.locator(`${view} .history`).filter({ hasText: 'PENDING → CONFIRMED' }).waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows another owner’s change live, and says so when an action meets a stale revision', async () => {
    const made = await appointment(setup.studio, { start: '2026-12-03T11:00:00', firstName: 'Ayo', pay: 'card' });
    const { context, page, errors } = await open();
    await openBooking(page, made.id);
    await bookingShows(page, made.id, 'PENDING');
    await page.locator(`${view} [role="status"]`).filter({ hasText: 'Live' }).waitFor(WAIT);
    // Another owner (here the API) confirms it: the view follows without a reload.
    const { revision } = await readBooking(setup.studio.server, made.id);
    const confirmed = await setup.studio.server.call('POST', `/bookings/v2/bookings/${made.id}/confirm`, {
      token: OWNER_KEY,
      body: { revision },
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    await bookingShows(page, made.id, 'CONFIRMED');

    // A press that carries an older revision (as if the event had not arrived yet): 409, re-read, and said.
    await page.route('**/bookings/v2/bookings/*/cancel', (route) => route.continue({ postData: JSON.stringify({ revision: '1' }) }));
    await page.locator(`${view} button[data-action="cancel"]`).click();
    await page.getByRole('dialog', { name: 'Cancel this booking?' }).getByRole('button', { name: 'Cancel' }).click();
    await page.locator(`${view} [role="alert"]`).filter({ hasText: 'Someone else changed this booking' }).waitFor(WAIT);
    await bookingShows(page, made.id, 'CONFIRMED');
    assert.equal((await readBooking(setup.studio.server, made.id)).status, 'CONFIRMED', 'nothing changed');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('cancels through its dialog by keyboard alone: Escape keeps it and returns focus, Enter on Cancel cancels', async () => {
    const made = await appointment(setup.studio, { start: '2026-12-03T12:00:00', firstName: 'Bea', byOwner: {} });
    const { context, page, errors } = await open();
    await openBooking(page, made.id);
    await bookingShows(page, made.id, 'CONFIRMED');
    await tabTo(page, page.locator(`${view} button[data-action="cancel"]`), 'Cancel');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Cancel this booking?' });
    await dialog.waitFor(WAIT);
    assert.ok(
      await dialog.getByRole('button', { name: 'Keep the booking' }).evaluate((b) => b.matches(':focus')),
      'focus starts on the safe choice',
    );
    await axe(page, 'booking, cancel dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ ...WAIT, state: 'hidden' });
    await page.waitForFunction(() => {
      const root = document.querySelector('booking-console')?.shadowRoot?.querySelector('console-booking-view')?.shadowRoot;
      return root?.activeElement?.getAttribute('data-action') === 'cancel';
    });
    assert.equal((await readBooking(setup.studio.server, made.id)).status, 'CONFIRMED', 'Escape kept it');

    await page.keyboard.press('Enter');
    await dialog.waitFor(WAIT);
    await page.keyboard.press('Tab'); // from "Keep the booking" to the dialog's Cancel
    await page.keyboard.press('Enter');
    await bookingShows(page, made.id, 'CANCELED');
    assert.equal((await readBooking(setup.studio.server, made.id)).status, 'CANCELED');
    assert.equal(await page.locator(`${view} button[data-action="cancel"]`).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('marks a class paid in person as paid', async () => {
    const made = await classPaidInPerson(setup.studio, '2026-12-09T18:00:00', 'Chen');
    const { context, page, errors } = await open();
    await openBooking(page, made.id);
    await page.locator(view).getByText('Pays in person').waitFor(WAIT);
    await page.locator(view).getByRole('button', { name: 'Mark as paid' }).click();
    await page.locator(`${view} [role="status"]`).filter({ hasText: 'Mark as paid: done.' }).waitFor(WAIT);
    assert.equal((await readBooking(setup.studio.server, made.id)).paymentStatus, 'PAID');
    const order = await setup.studio.server.call('GET', `/ecom/v1/orders/${made.orderId}`, { token: OWNER_KEY });
    assert.equal(order.body.order.paymentStatus, 'PAID');
    assert.match(await page.locator(view).innerText(), /Balance\s+\$0\.00/);
    assert.equal(await page.locator(view).getByRole('button', { name: 'Mark as paid' }).count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('refunds a card payment: the booking turns REFUNDED', async () => {
    const made = await appointment(setup.studio, { start: '2026-12-03T16:00:00', firstName: 'Dana', pay: 'card' });
    const { context, page, errors } = await open();
    await openBooking(page, made.id);
    await page.locator(view).getByRole('button', { name: 'Refund' }).click();
    await page.locator(`${view} [role="status"]`).filter({ hasText: 'Refund: done.' }).waitFor(WAIT);
    assert.equal((await readBooking(setup.studio.server, made.id)).paymentStatus, 'REFUNDED');
    assert.match(await page.locator(view).innerText(), /Payment\s+REFUNDED/);
    assert.match(await page.locator(view).innerText(), /FULLY_REFUNDED/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('reschedules to another time picked from availability', async () => {
    const made = await appointment(setup.studio, { start: '2026-12-04T10:00:00', firstName: 'Emil', byOwner: {} });
    const before = (await readBooking(setup.studio.server, made.id)).startDate as string;
    const { context, page, errors } = await open();
    await openBooking(page, made.id);
    await page.locator(view).getByRole('button', { name: 'Reschedule' }).click();
    const picker = page.locator('console-reschedule-picker');
    const slot = picker.locator('input[type="radio"]:not([disabled])').first();
    await slot.waitFor(WAIT);
    await axe(page, 'booking, reschedule picker');
    await screenshot(page, 'console-booking-reschedule');
    await slot.check();
    await picker.getByRole('button', { name: 'Reschedule' }).click();
    await page.locator(`${view} [role="status"]`).filter({ hasText: 'Reschedule: done.' }).waitFor(WAIT);
    const after = await readBooking(setup.studio.server, made.id);
    assert.notEqual(after.startDate, before, 'the API shows the new time');
    assert.equal(after.status, 'CONFIRMED');
    assert.equal(await picker.count(), 0, 'the picker closes');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows a STAFF account another staff member's booking as not found, with no actions; the API refuses it (404)", async () => {
    const sams = await appointment(setup.studio, { start: '2026-12-04T12:00:00', firstName: 'Farah', staffMemberId: setup.studio.sam });
    const { context, page, errors } = await open({ account: DEMO_STAFF });
    await openBooking(page, sams.id);
    await page.locator(`${view} [role="alert"]`).filter({ hasText: 'not found' }).waitFor(WAIT);
    assert.equal(await page.locator(`${view} button[data-action]`).count(), 0);
    assert.equal(await page.locator(`${view} [data-booking-id]`).count(), 0);
    await axe(page, 'booking, not found');
    const login = await setup.studio.server.call('POST', '/oauth2/token', {
      body: { grantType: 'password', email: DEMO_STAFF.email, password: DEMO_STAFF.password, scope: 'business' },
    });
    const token = login.body.access_token as string;
    assert.equal((await setup.studio.server.call('GET', `/bookings/v2/bookings/${sams.id}`, { token })).status, 404);
    const cancel = await setup.studio.server.call('POST', `/bookings/v2/bookings/${sams.id}/cancel`, { token, body: { revision: '1' } });
    assert.equal(cancel.status, 404);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works at 360px wide in dark mode, with no axe violations', async () => {
    const made = await classPaidInPerson(setup.studio, '2026-12-07T18:00:00', 'Gus');
    const { context, page, errors } = await open({ width: 360, dark: true });
    await openBooking(page, made.id);
    await bookingShows(page, made.id, 'CONFIRMED');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360px (${overflow}px too wide)`);
    await axe(page, 'booking, dark, 360px');
    await screenshot(page, 'console-booking-dark-360');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
