/**
 * A phone booking made in the console's New booking view (contract section 12, `data-view="new-booking"`) shows in
 * the API and in the agenda: for a customer found by search and for a new one, with the owner's options (confirm
 * now, double-book a full time) and their effects; the whole flow by keyboard alone; once booked, the console
 * goes to the booking's own view, saying "Booked: <status>"; axe on every step.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import type { Browser } from 'playwright-core';
import { startServer, OWNER_KEY, type TestServer } from '../server/helpers.js';
import { NOW, eventIdAt, serviceNamed } from '../server/bookings-fixtures.js';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';
import { DEMO_MEMBER } from '../../server/seed/demo-members.js';
import type { Booking } from '../../src/model/booking.js';
import { DEMO_STATIC_ROOTS, launchChromium, screenshot } from './browser.js';
import { WAIT, axe, fillSession } from './widget-steps.js';
import { openConsole } from './console-steps.js';
import { atStep, tabTo, textStarts, view } from './console-new-booking-steps.js';

describe("the console's new booking (a customer on the phone)", () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    // A fixed clock (Tuesday 1 December 2026): the days booked below are in the future whatever today is.
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: { clock: () => NOW, staticRoots: DEMO_STATIC_ROOTS },
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const apiBooking = async (id: string): Promise<Booking> => {
    const r = await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking as Booking;
  };
  /** Booked: the console is at `#booking/<id>`, saying so; the booking's id. */
  const bookedId = async (page: import('playwright-core').Page, status: string): Promise<string> => {
    const booking = page.locator('[data-view="booking"]');
    await booking
      .getByRole('status')
      .filter({ hasText: `Booked: ${status}` })
      .waitFor(WAIT);
    const id = (await booking.locator('.card[data-booking-id]').getAttribute('data-booking-id')) ?? '';
    assert.equal(await page.evaluate(() => location.hash), `#booking/${id}`, 'the address is the booking, without the one-time mark');
    assert.equal(await page.locator('[data-view="new-booking"]').count(), 0);
    return id;
  };

  it('books a customer found by search, confirmed now, and the API shows it', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER });
    await page.locator('[data-view="bookings"]').getByRole('link', { name: 'New booking' }).click();
    await atStep(page, 'service');
    await axe(page, 'new booking: service');
    await view(page).getByRole('button', { name: 'Personal Training' }).click();
    await atStep(page, 'variant');
    await view(page)
      .getByLabel(/60 minutes/)
      .check();
    await axe(page, 'new booking: option');
    await view(page).getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'slot');
    await view(page).getByLabel('Date').fill('2026-12-09');
    await view(page).getByLabel('Staff member').selectOption({ label: 'Alex Rivera' });
    const slot = view(page).locator('[data-slot-start="2026-12-09T10:00:00"]');
    await slot.waitFor(WAIT);
    await axe(page, 'new booking: time');
    await slot.click();
    await atStep(page, 'customer');
    await view(page).getByLabel('Search customers by name or email').fill('riley');
    await view(page).getByRole('button', { name: 'Choose Riley Morgan' }).click();
    await view(page).getByText('Booking for').waitFor(WAIT);
    await axe(page, 'new booking: customer');
    await view(page).getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'review');
    await view(page).getByText('$80.00').waitFor(WAIT);
    await view(page).getByLabel('Confirm now without approval').check();
    await axe(page, 'new booking: review');
    await screenshot(page, 'console-new-booking');
    await view(page).getByRole('button', { name: 'Book', exact: true }).click();
    const id = await bookedId(page, 'CONFIRMED');
    assert.equal(
      await page.locator('[data-view="booking"] #booking-title').evaluate((h) => h.matches(':focus')),
      true,
      'a keyboard user starts at the booking',
    );
    await axe(page, 'new booking: booked');
    await screenshot(page, 'console-new-booking-booked');

    // The phone booking is in the agenda on its day, at its time.
    await page.evaluate(() => (location.hash = '#agenda/day/2026-12-09'));
    const inAgenda = page.locator(`[data-view="agenda"] [data-booking-id="${id}"]`);
    await inAgenda.waitFor(WAIT);
    assert.equal(await inAgenda.getAttribute('data-slot-start'), '2026-12-09T15:00:00.000Z', '10:00 in New York');

    const b = await apiBooking(id);
    assert.equal(b.status, 'CONFIRMED', 'skipBusinessConfirmation: no approval although the service asks for it');
    assert.equal(b.contactDetails.email, DEMO_MEMBER.email);
    assert.equal(b.contactDetails.firstName, 'Riley');
    assert.equal(b.selectedPaymentOption, 'OFFLINE');
    assert.equal(b.startDate, '2026-12-09T15:00:00.000Z');
    const alex = (await server.storage.staff.list()).find((s) => s.name === 'Alex Rivera');
    assert.equal(b.bookedEntity.slot?.resource?.id, alex?.id);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('books a new customer by keyboard alone, checking the fields first; the service rule confirms it', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER });
    await tabTo(page, 'New booking', textStarts, 'New booking');
    await page.keyboard.press('Enter');
    await atStep(page, 'service');
    await tabTo(page, 'Vinyasa Flow', textStarts, 'Vinyasa Flow');
    await page.keyboard.press('Enter');
    await atStep(page, 'slot');
    await tabTo(page, 'the date', (el) => el instanceof HTMLInputElement && el.type === 'date');
    await page.keyboard.type('12092026');
    await tabTo(page, 'the 6 PM session', (el) => el.getAttribute('data-slot-start') === '2026-12-09T18:00:00');
    await page.keyboard.press('Enter');
    await atStep(page, 'customer');
    await tabTo(page, 'Continue', textStarts, 'Continue');
    await page.keyboard.press('Enter');
    const firstError = view(page).getByText('Enter the first name.');
    await firstError.waitFor(WAIT);
    await axe(page, 'new booking: customer with errors');
    // Focus went to the first field with a problem: type there, then on down the form.
    await page.keyboard.type('Noor');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Haddad');
    await page.keyboard.press('Tab');
    await page.keyboard.type('noor.haddad@example.com');
    await page.keyboard.press('Tab');
    await page.keyboard.type('+1 555 0199');
    await tabTo(page, 'Continue', textStarts, 'Continue');
    await page.keyboard.press('Enter');
    await atStep(page, 'review');
    // Back keeps what was typed.
    await tabTo(page, 'Back', textStarts, 'Back');
    await page.keyboard.press('Enter');
    await atStep(page, 'customer');
    assert.equal(await view(page).getByLabel('Email', { exact: true }).inputValue(), 'noor.haddad@example.com');
    await tabTo(page, 'Continue', textStarts, 'Continue');
    await page.keyboard.press('Enter');
    await atStep(page, 'review');
    await view(page).getByText('$20.00').waitFor(WAIT);
    await tabTo(page, 'Book', textStarts, 'Book');
    await page.keyboard.press('Enter');
    const id = await bookedId(page, 'CONFIRMED');

    const b = await apiBooking(id);
    assert.equal(b.status, 'CONFIRMED', 'Vinyasa Flow needs no approval');
    assert.deepEqual(
      { first: b.contactDetails.firstName, last: b.contactDetails.lastName, email: b.contactDetails.email, phone: b.contactDetails.phone },
      { first: 'Noor', last: 'Haddad', email: 'noor.haddad@example.com', phone: '+1 555 0199' },
    );
    assert.equal(b.doubleBooked, undefined);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('double-books a full class only when the owner says so, and keeps the form when the time is taken', async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    await fillSession(server, yoga.id, await eventIdAt(server, yoga, '2026-12-05T10:00:00'));
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, width: 360, dark: true });
    await page.evaluate(() => (location.hash = '#new-booking'));
    await atStep(page, 'service');
    await view(page).getByRole('button', { name: 'Community Yoga' }).click();
    await atStep(page, 'slot');
    await view(page).getByLabel('Date').fill('2026-12-05');
    const slot = view(page).locator('[data-slot-start="2026-12-05T10:00:00"]');
    await slot.waitFor(WAIT);
    assert.equal(await slot.getAttribute('data-full'), 'true', 'a full time is shown, marked full');
    assert.match(await slot.innerText(), /full/);
    await slot.click();
    await atStep(page, 'customer');
    await view(page).getByLabel('First name').fill('Lena');
    await view(page).getByLabel('Last name').fill('Ortiz');
    await view(page).getByLabel('Email', { exact: true }).fill('lena@example.com');
    await view(page).getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'review');
    await view(page).getByRole('button', { name: 'Book', exact: true }).click();
    await view(page).getByRole('alert').filter({ hasText: 'no longer free' }).waitFor(WAIT);
    await axe(page, 'new booking: slot taken, dark, 360px');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    assert.equal(sideways, false, 'the page does not scroll sideways at 360px');
    await screenshot(page, 'console-new-booking-dark-360');

    await view(page).getByLabel('Book even if the time is full (creates a double booking)').check();
    await view(page).getByRole('button', { name: 'Book', exact: true }).click();
    const b = await apiBooking(await bookedId(page, 'CONFIRMED'));
    assert.equal(b.doubleBooked, true, 'skipAvailabilityValidation on a full time: a double booking');
    assert.equal(b.contactDetails.email, 'lena@example.com');
    assert.equal(b.status, 'CONFIRMED');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('gives a STAFF account no New booking: #new-booking shows it the agenda', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_STAFF });
    assert.equal(await page.locator('[data-view="bookings"]').getByRole('link', { name: 'New booking' }).count(), 0);
    await page.evaluate(() => (location.hash = '#new-booking'));
    await page.locator('[data-view="agenda"]').waitFor(WAIT);
    assert.equal(await page.locator('[data-view="new-booking"]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
