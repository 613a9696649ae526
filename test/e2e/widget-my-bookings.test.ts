/**
 * Returning customers in the widget (contract section 15), end to end against the real server, its emails sent to
 * an SMTP server in the test process: the manage link read from a customer email, opened in a fresh browser context at `/manage`,
 * cancels its booking; a visitor's booking found in My bookings after a reload and canceled there; a member's
 * booking in My bookings after the member logs in on another browser context. axe on every new view. Add to
 * calendar on the rows (Google's UTC dates, the .ics by the row's token, a member's asked for), and the list in
 * Spanish once the locale changes.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { startSmtpInbox, type SmtpInbox } from '../server/smtp-inbox.js';
import { startConsoleServer } from './console-steps.js';
import { screenshot } from './browser.js';
import { bookCommunityYoga } from './book-community-yoga.js';
import { WAIT, atStep, axe, chooseService, firstSlot, openDemo, step } from './widget-steps.js';

const MEMBER = { email: 'returning.member@example.com', password: 'harbor returning flow', firstName: 'Ama', lastName: 'Mensah' };

/** The manage link's path and query from the customer email to `to` the SMTP server received (waits for it). */
async function emailedManagePath(inbox: SmtpInbox, to: string): Promise<string> {
  const link = (text: string | undefined) => /https?:\/\/[^/\s]+(\/manage\?token=[A-Za-z0-9_-]+)/.exec(text ?? '')?.[1];
  const [mail] = await inbox.waitFor((m) => m.to === to && link(m.mail.text) !== undefined);
  const path = link(mail?.mail.text);
  assert.ok(path, `an email with a manage link to ${to}`);
  return path;
}

/** The booking's id the status step shows, as the server has it (the newest booking of that guest). */
async function bookingIdOf(server: TestServer, firstName: string): Promise<{ id: string; email: string }> {
  const { body } = await server.call('POST', '/bookings-reader/v2/extended-bookings/query', {
    token: OWNER_KEY,
    body: { query: {} },
  });
  const mine = (body.extendedBookings as { booking: { id: string; contactDetails: { firstName: string; email: string } } }[]).filter(
    (b) => b.booking.contactDetails.firstName === firstName,
  );
  const found = mine.at(-1)?.booking;
  assert.ok(found, `a booking of ${firstName}`);
  return { id: found.id, email: found.contactDetails.email };
}

/** Google Calendar's form of an ISO instant: `YYYYMMDDTHHMMSSZ`. */
const googleTime = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The row's Add to calendar links, opened: Google's `dates` and the `.ics` link's path. */
async function calendarLinksOf(row: Locator, addToCalendar = 'Add to calendar'): Promise<{ dates: string | null; ics: string }> {
  await row.getByRole('button', { name: addToCalendar }).click();
  const google = new URL((await row.locator('a[data-calendar="google"]').getAttribute('href')) ?? '');
  const ics = new URL((await row.locator('a[data-calendar="ics"]').getAttribute('href')) ?? '');
  return { dates: google.searchParams.get('dates'), ics: ics.pathname };
}

/** Back from the details step to the service step, then its "My bookings" link. */
async function openMyBookingsFromDetails(page: Page): Promise<void> {
  await step(page, 'details').getByRole('button', { name: 'Back' }).click();
  await atStep(page, 'slot');
  await step(page, 'slot').getByRole('button', { name: 'Back' }).click();
  await atStep(page, 'service');
  await step(page, 'service').getByRole('button', { name: 'My bookings' }).click();
  await atStep(page, 'my-bookings');
}

describe('returning customers: my bookings and the manage link', () => {
  let server: TestServer;
  let browser: Browser;
  let inbox: SmtpInbox;

  before(async () => {
    inbox = await startSmtpInbox();
    ({ server, browser } = await startConsoleServer({ clock: () => new Date(), smtpUrl: inbox.url }));
  });
  after(async () => {
    await browser.close();
    await server.close();
    await inbox.close();
  });

  it('opens an emailed manage link in a fresh context at /manage and cancels the booking there', async () => {
    const booking = await openDemo(browser, server);
    await bookCommunityYoga(booking.page, server, { firstName: 'Linkie', lastName: 'Reader' });
    await booking.context.close();
    const { id, email } = await bookingIdOf(server, 'Linkie');

    const path = await emailedManagePath(inbox, email);
    const { context, page, errors } = await openDemo(browser, server, path);
    const headers = (await page.request.get(`${server.url}/manage`)).headers();
    assert.match(headers['content-security-policy'] ?? '', /script-src 'self'/, 'the strict CSP of the other pages');
    await atStep(page, 'manage');
    const row = step(page, 'manage').locator(`[data-booking-id="${id}"]`);
    await row.locator('xpath=self::*[@data-status="CONFIRMED"]').waitFor(WAIT);
    assert.ok(!page.url().includes('token='), 'the token leaves the address bar');
    await axe(page, 'manage view');
    await screenshot(page, 'widget-manage');
    await row.getByRole('button', { name: 'Cancel booking' }).click();
    await step(page, 'manage').locator(`[data-booking-id="${id}"][data-status="CANCELED"]`).waitFor(WAIT);
    assert.equal(await row.getByRole('button', { name: 'Cancel booking' }).count(), 0, 'nothing more to cancel');
    const after = await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY });
    assert.equal(after.body.booking.status, 'CANCELED');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('finds a visitor’s booking in My bookings after a reload and cancels it there', async () => {
    const { context, page, errors } = await openDemo(browser, server);
    await bookCommunityYoga(page, server, { firstName: 'Reloader', lastName: 'Visitor' });
    const { id } = await bookingIdOf(server, 'Reloader');
    await page.reload();
    await step(page, 'status').or(step(page, 'service')).first().waitFor(WAIT);
    if (await step(page, 'status').count()) await step(page, 'status').getByRole('button', { name: 'Book something else' }).click();
    await step(page, 'service').getByRole('button', { name: 'My bookings' }).click();
    const list = step(page, 'my-bookings');
    const row = list.locator(`[data-booking-id="${id}"][data-status="CONFIRMED"]`);
    await row.waitFor(WAIT);
    await list.getByRole('heading', { name: 'Upcoming' }).waitFor(WAIT);
    await axe(page, 'my bookings');
    await screenshot(page, 'widget-my-bookings');
    const booked = (await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY })).body.booking;
    const links = await calendarLinksOf(row);
    assert.equal(links.dates, `${googleTime(booked.startDate)}/${googleTime(booked.endDate)}`, "Google's UTC dates");
    assert.match(links.ics, /^\/v1\/anonymous-bookings\/[A-Za-z0-9_-]+\/calendar\.ics$/, "the .ics by the visitor's token");
    await axe(page, 'my bookings, Add to calendar open');
    await row.getByRole('button', { name: 'Cancel booking' }).click();
    await list.locator(`[data-booking-id="${id}"][data-status="CANCELED"]`).waitFor(WAIT);
    assert.equal((await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY })).body.booking.status, 'CANCELED');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('reschedules a booking from My bookings: the time step again, then the row at its new time', async () => {
    const { context, page, errors } = await openDemo(browser, server);
    await bookCommunityYoga(page, server, { firstName: 'Mover', lastName: 'Visitor' });
    const { id } = await bookingIdOf(server, 'Mover');
    const before = (await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY })).body.booking;
    await step(page, 'status').getByRole('button', { name: 'Book something else' }).click();
    await step(page, 'service').getByRole('button', { name: 'My bookings' }).click();
    const row = step(page, 'my-bookings').locator(`[data-booking-id="${id}"]`);
    await row.getByRole('button', { name: 'Reschedule' }).click();
    await atStep(page, 'reschedule');
    const moving = step(page, 'reschedule');
    await moving.getByRole('heading', { name: 'Choose a new time' }).waitFor(WAIT);
    // The booked session was the first open day's first time: another day's time is surely another session.
    await moving.locator('[data-day][aria-disabled="false"]').nth(1).click();
    await (await firstSlot(page, 'reschedule')).click();
    await axe(page, 'reschedule');
    await moving.getByRole('button', { name: 'Move to this time' }).click();
    await atStep(page, 'my-bookings');
    await step(page, 'my-bookings').locator(`[data-booking-id="${id}"][data-status="CONFIRMED"]`).waitFor(WAIT);
    const after = (await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY })).body.booking;
    assert.notEqual(after.startDate, before.startDate, 'the booking moved');
    assert.equal(Number(after.revision), Number(before.revision) + 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows a member's booking in My bookings after the member logs in on another browser context", async () => {
    const registered = await server.call('POST', '/members/v1/members/register', { body: MEMBER });
    assert.equal(registered.status, 202);
    const { access_token: token } = (await server.call('POST', '/oauth2/token', { body: { grantType: 'password', ...MEMBER } })).body;
    const serviceId = await bookAsMember(server, token);

    const { context, page, errors } = await openDemo(browser, server);
    await chooseService(page, server, 'Community Yoga');
    await atStep(page, 'slot');
    await (await firstSlot(page)).click();
    await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'details');
    const details = step(page, 'details');
    await details.getByText('Log in as a member').click();
    await details.locator('#login-email').fill(MEMBER.email);
    await details.locator('#login-password').fill(MEMBER.password);
    await details.getByRole('button', { name: 'Log in', exact: true }).click();
    await details.getByText(`Logged in as ${MEMBER.email}.`).waitFor(WAIT);
    await openMyBookingsFromDetails(page);
    const row = step(page, 'my-bookings').locator(`[data-booking-id="${serviceId.bookingId}"][data-status]`);
    await row.waitFor(WAIT);
    await axe(page, "a member's bookings");
    // The member's row has no token on this device: the flow asks for one, so the .ics link is there too.
    await page.locator('booking-widget').evaluate((widget) => widget.setAttribute('locale', 'es'));
    await step(page, 'my-bookings').getByRole('heading', { name: 'Mis reservas' }).waitFor(WAIT);
    const links = await calendarLinksOf(row, 'Añadir al calendario');
    assert.match(links.ics, /^\/v1\/anonymous-bookings\/[A-Za-z0-9_-]+\/calendar\.ics$/, "the .ics by the member's booking's token");
    assert.deepEqual(errors, []);
    await context.close();
  });
});

/** A booking of Community Yoga's first open session, made by the member through the API and confirmed. */
async function bookAsMember(server: TestServer, token: string): Promise<{ bookingId: string }> {
  const { body: services } = await server.call('POST', '/bookings/v2/services/query', { body: {} });
  const yoga = (services.services as { id: string; name: string }[]).find((s) => s.name === 'Community Yoga');
  assert.ok(yoga);
  const today = new Date().toISOString().slice(0, 10);
  const until = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const { body: slots } = await server.call('POST', '/service-availability/v2/time-slots/event', {
    body: { serviceIds: [yoga.id], fromLocalDate: `${today}T00:00:00`, toLocalDate: `${until}T00:00:00`, timeZone: 'UTC' },
  });
  const open = (slots.timeSlots as { eventInfo?: { eventId: string }; bookable?: boolean }[]).find((s) => s.bookable && s.eventInfo);
  assert.ok(open?.eventInfo, 'an open Community Yoga session');
  const created = await server.call('POST', '/bookings/v2/bookings', {
    token,
    body: {
      booking: {
        bookedEntity: { slot: { serviceId: yoga.id, eventId: open.eventInfo.eventId } },
        totalParticipants: 1,
        contactDetails: { firstName: MEMBER.firstName, lastName: MEMBER.lastName, email: MEMBER.email },
        selectedPaymentOption: 'OFFLINE',
      },
    },
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const { id, revision } = created.body.booking;
  // The owner confirms it (as a paid checkout would), so the row offers Add to calendar.
  const confirmed = await server.call('POST', `/bookings/v2/bookings/${id}/confirm`, { token: OWNER_KEY, body: { revision } });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  return { bookingId: id };
}
