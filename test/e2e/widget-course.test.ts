/**
 * Courses and "Add to calendar" in the widget (issue 18), against the real server: the demo's Strength
 * Foundations booked with its $50 deposit (the order checked through the API), the status view's Add to calendar
 * for the course (its first session) and for a single time booked by a visitor and by a member (Google and Outlook
 * links, the `.ics` downloaded and read back with ical.js), axe on the course's steps.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { parseCalendar } from '../server/calendar-parse.js';
import { launchChromium, screenshot, startDemoServer } from './browser.js';
import { bookCommunityYoga } from './book-community-yoga.js';
import { WAIT, atStep, axe, chooseService, fillCard, fillDetails, openDemo, step, waitForStatus } from './widget-steps.js';

/** The id of the next booking the widget creates (its `booking-created` event), once it is created. */
const nextBookingId = (page: Page): Promise<string> =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        document.addEventListener('booking-created', (e) => resolve((e as CustomEvent<{ booking: { id: string } }>).detail.booking.id), {
          once: true,
        }),
      ),
  );

/** Opens Add to calendar with the keyboard and answers its three links (the `.ics` one may be absent). */
async function openAddToCalendar(page: Page) {
  const panel = page.locator('booking-widget booking-widget-add-to-calendar');
  const button = panel.getByRole('button', { name: 'Add to calendar' });
  await button.focus();
  await page.keyboard.press('Enter');
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const href = async (which: string) => new URL((await panel.locator(`[data-calendar="${which}"]`).getAttribute('href')) ?? '');
  return { panel, button, google: await href('google'), outlook: await href('outlook'), ics: panel.locator('[data-calendar="ics"]') };
}

/** Downloads the `.ics` through its link and reads it back; checks it against the booking the API has. */
async function checkCalendarFile(page: Page, server: TestServer, bookingId: string, ics: ReturnType<Page['locator']>) {
  const [download] = await Promise.all([page.waitForEvent('download', WAIT), ics.click()]);
  assert.equal(download.suggestedFilename(), 'booking.ics');
  const file = parseCalendar(readFileSync((await download.path()) ?? '', 'utf8'));
  const { body } = await server.call('GET', `/bookings/v2/bookings/${bookingId}`, { token: OWNER_KEY });
  assert.equal(file.uid, `${bookingId}@bookings.local`);
  assert.equal(file.startUtc, new Date(body.booking.startDate).toISOString(), 'DTSTART is the booking’s start');
  return body.booking as { startDate: string; endDate: string };
}

const compact = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

describe('a course and Add to calendar in the widget', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    await server.close();
  });

  it('books Strength Foundations with its $50 deposit; the status view adds its first session to a calendar', async () => {
    const { context, page, errors } = await openDemo(browser, server);
    await chooseService(page, server, 'Strength Foundations');
    await atStep(page, 'slot');
    const slot = step(page, 'slot');
    await slot.getByText(/6 sessions/).waitFor(WAIT);
    assert.equal(await slot.locator('[data-slot-start]').count(), 0, 'a schedule, not a list of times');
    const sessions = slot.locator('[data-course-sessions] li');
    assert.equal(await sessions.count(), 6);
    assert.match((await sessions.first().innerText()).replace(/\s+/g, ' '), /^Tuesday, .*, 7:00 PM – 8:00 PM$/);
    await slot.getByText('8 of 8 spots open').waitFor(WAIT);
    await axe(page, 'course schedule');
    await screenshot(page, 'widget-course');
    await slot.getByRole('button', { name: 'Continue' }).click();

    await atStep(page, 'details');
    await fillDetails(page, { firstName: 'Theo', lastName: 'Brandt', email: 'theo@example.com', phone: '' });
    await axe(page, 'course details');
    await step(page, 'details').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'review');
    const review = step(page, 'review');
    assert.equal((await review.locator('[data-total]').textContent())?.trim(), '$150.00');
    assert.equal((await review.locator('[data-due-now]').textContent())?.trim(), '$50.00');
    assert.equal((await review.locator('[data-due-later]').textContent())?.trim(), '$100.00');
    await axe(page, 'course review');
    const created = nextBookingId(page);
    await review.getByRole('button', { name: 'Continue to payment' }).click();
    await atStep(page, 'checkout');
    await axe(page, 'course checkout');
    await fillCard(page, '4242 4242 4242 4242');
    await step(page, 'checkout').getByRole('button', { name: /^Pay/ }).click();
    await waitForStatus(page, 'CONFIRMED'); // the service books without the business's approval
    await axe(page, 'course status');
    const bookingId = await created;

    const { body } = await server.call('GET', `/ecom/v1/orders?bookingId=${bookingId}`, { token: OWNER_KEY });
    assert.equal(body.orders.length, 1, JSON.stringify(body));
    const order = body.orders[0];
    assert.equal(order.paymentStatus, 'PARTIALLY_PAID');
    assert.equal(Number(order.balanceSummary.paid.amount), 50, 'the deposit is paid');
    assert.equal(Number(order.balanceSummary.balance.amount), 100, 'the balance is due later');

    const links = await openAddToCalendar(page);
    assert.equal(await links.ics.count(), 0, "no .ics for a course: the server's is one event weeks long");
    assert.equal(links.google.searchParams.get('text'), 'Strength Foundations');
    assert.match(links.google.searchParams.get('details') ?? '', /First of 6 sessions/);
    assert.equal(links.outlook.searchParams.get('subject'), 'Strength Foundations');
    const booking = (await server.call('GET', `/bookings/v2/bookings/${bookingId}`, { token: OWNER_KEY })).body.booking;
    assert.equal(links.google.searchParams.get('dates')?.split('/')[0], compact(booking.startDate), 'the first session');
    assert.equal(
      links.outlook.searchParams.get('startdt'),
      compact(booking.startDate).replace(/(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/, '$1-$2-$3T$4:$5:$6Z'),
    );
    await axe(page, 'add to calendar, open');
    await screenshot(page, 'widget-add-to-calendar');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    assert.equal(await links.button.getAttribute('aria-expanded'), 'false', 'Escape closes it');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("offers a visitor's single booking as an .ics that downloads, and as Google and Outlook links", async () => {
    const { context, page, errors } = await openDemo(browser, server);
    const created = nextBookingId(page);
    await bookCommunityYoga(page, server, { firstName: 'Ivy', lastName: 'Visitor' });
    const bookingId = await created;
    const links = await openAddToCalendar(page);
    await links.ics.waitFor(WAIT);
    const booking = await checkCalendarFile(page, server, bookingId, links.ics);
    assert.equal(links.google.searchParams.get('dates'), `${compact(booking.startDate)}/${compact(booking.endDate)}`);
    assert.equal(links.google.searchParams.get('action'), 'TEMPLATE');
    assert.equal(links.outlook.searchParams.get('enddt'), new Date(booking.endDate).toISOString().replace(/\.\d{3}/, ''));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("offers a member's booking as an .ics that downloads", async () => {
    const member = { email: 'mila.member@example.com', password: 'calendar member passphrase' };
    assert.equal(
      (await server.call('POST', '/members/v1/members/register', { body: { ...member, firstName: 'Mila', lastName: 'Member' } })).status,
      202,
    );
    const { context, page, errors } = await openDemo(browser, server);
    await chooseService(page, server, 'Community Yoga');
    const open = page.locator('booking-widget [data-step="slot"] [data-slot-start]:not([disabled])').first();
    await open.click(WAIT);
    await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();
    const details = step(page, 'details');
    await details.getByText('Log in as a member').click();
    await details.locator('#login-email').fill(member.email);
    await details.locator('#login-password').fill(member.password);
    await details.getByRole('button', { name: 'Log in', exact: true }).click();
    await details.getByText(`Logged in as ${member.email}.`).waitFor(WAIT);
    const created = nextBookingId(page);
    await details.getByRole('button', { name: 'Continue' }).click();
    await step(page, 'review').getByRole('button', { name: 'Book' }).click();
    await waitForStatus(page, 'CONFIRMED');
    const bookingId = await created;
    const links = await openAddToCalendar(page);
    await links.ics.waitFor(WAIT);
    await checkCalendarFile(page, server, bookingId, links.ics);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
