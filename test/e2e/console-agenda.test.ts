/**
 * The console's agenda (contract section 12), end to end on a real server in Chromium: a day and a week of class
 * sessions (booked/capacity, the waiting list) and appointments (data-slot-start, Request, Double-booked) in the
 * studio's zone while the browser is in Berlin, live changes from the business stream, a STAFF account's own
 * bookings only, Day/Week and Previous/Next by keyboard, axe on each state, light and dark at 360px.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { appointmentBooking, classBooking, eventIdAt, serviceNamed, visitorToken, type DemoService } from '../server/bookings-fixtures.js';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';
import { screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole, startConsoleServer, type OpenOptions } from './console-steps.js';

const DAY = '2026-12-02'; // a Wednesday: Vinyasa Flow at 7 AM and 6 PM (Maya Chen), in New York

describe('the console agenda', () => {
  let server: TestServer;
  let browser: Browser;
  let training: DemoService;
  let vinyasa: DemoService;
  let visitor: string;
  let alex: string;
  let sam: string;
  /** The 7 AM session, full (12 of 12) with two people on its waiting list. */
  let fullSession: string;
  let waitlisted: string;

  before(async () => {
    ({ server, browser } = await startConsoleServer());
    training = await serviceNamed(server, 'Personal Training');
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    visitor = await visitorToken(server);
    const staff = await server.storage.staff.list();
    alex = staff.find((s) => s.name === 'Alex Rivera')!.id;
    sam = staff.find((s) => s.name === 'Sam Patel')!.id;
    fullSession = await eventIdAt(server, vinyasa, `${DAY}T07:00:00`);
    for (let i = 0; i < 12; i++) await classPlace(fullSession);
    waitlisted = await classPlace(fullSession, 'visitor');
    await classPlace(fullSession, 'visitor');
    const read = await server.call('GET', `/bookings/v2/bookings/${waitlisted}`, { token: OWNER_KEY });
    assert.equal(read.body.booking.status, 'WAITING_LIST');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A place in a class: the owner's, CONFIRMED at once; or a visitor's (WAITING_LIST when the class is full). */
  async function classPlace(eventId: string, by: 'owner' | 'visitor' = 'owner'): Promise<string> {
    const body = classBooking(vinyasa, eventId, { selectedPaymentOption: 'OFFLINE' });
    if (by === 'owner') body['flowControlSettings'] = { skipBusinessConfirmation: true };
    const created = await server.call('POST', '/bookings/v2/bookings', { token: by === 'owner' ? OWNER_KEY : visitor, body });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    return created.body.booking.id as string;
  }

  /** A Personal Training appointment on DAY at `hour` (New York) with a staff member, as the owner books by phone. */
  async function appointment(
    hour: number,
    firstName: string,
    opts: { staff?: string; flow?: Record<string, boolean>; pending?: boolean } = {},
  ): Promise<{ id: string; startDate: string }> {
    const at = (h: number) => `${DAY}T${String(h).padStart(2, '0')}:00:00`;
    const body = appointmentBooking(training, at(hour), at(hour + 1)) as {
      booking: { bookedEntity: { slot: Record<string, unknown> }; contactDetails: Record<string, unknown> };
      flowControlSettings?: Record<string, boolean>;
    };
    body.booking.bookedEntity.slot['resource'] = { id: opts.staff ?? alex };
    body.booking.contactDetails['firstName'] = firstName;
    // A request is made as a visitor's is (CREATED, then PENDING); any other as the owner's phone booking, CONFIRMED.
    body.flowControlSettings = opts.flow ?? (opts.pending ? {} : { skipBusinessConfirmation: true });
    const created = await server.call('POST', '/bookings/v2/bookings', { token: OWNER_KEY, body });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const { id, revision, startDate } = created.body.booking as { id: string; revision: string; startDate: string };
    if (opts.pending) {
      const pending = await server.call('POST', `/bookings/v2/bookings/${id}/mark_booking_as_pending`, {
        token: OWNER_KEY,
        body: { revision },
      });
      assert.equal(pending.status, 200, JSON.stringify(pending.body));
    }
    return { id, startDate };
  }

  const open = (options: OpenOptions = {}) => openConsole(browser, server.url, { account: DEMO_OWNER, view: 'agenda', ...options });

  /** Shows a period by its address, as a bookmark would, and waits for it to be read. */
  async function showPeriod(page: Page, mode: 'day' | 'week', day: string): Promise<void> {
    await page.evaluate((hash) => (location.hash = hash), `#agenda/${mode}/${day}`);
    await page
      .locator('[data-view="agenda"][aria-busy="false"] .items, [data-view="agenda"][aria-busy="false"] .empty')
      .first()
      .waitFor(WAIT);
  }

  it("opens on today's agenda and shows a day's sessions with booked/capacity, the waiting list, and appointments", async () => {
    const request = await appointment(10, 'Priya', { pending: true });
    const { context, page, errors } = await open();
    const nav = page.getByRole('navigation', { name: 'Console' });
    assert.equal(
      await nav.getByRole('link', { name: 'Agenda' }).getAttribute('aria-current'),
      'page',
      'the agenda is where the console opens',
    );
    await showPeriod(page, 'day', DAY);
    await page.getByRole('heading', { level: 1, name: /Wednesday, December 2, 2026/ }).waitFor(WAIT);

    const session = page.locator(`[data-view="agenda"] [data-event-id="${fullSession}"]`);
    await session.waitFor(WAIT);
    const text = await session.innerText();
    assert.match(text, /Vinyasa Flow/);
    assert.match(text, /Maya Chen/);
    assert.match(text, /12\/12 booked/);
    assert.match(text, /2 on the waiting list/);
    assert.match(text, /7:00\s?AM – 8:00\s?AM EST/, 'the time in the studio zone, not the browser zone');

    const card = page.locator(`[data-view="agenda"] [data-booking-id="${request.id}"]`);
    assert.equal(await card.getAttribute('data-slot-start'), request.startDate);
    assert.equal(await card.getAttribute('data-status'), 'PENDING');
    const cardText = await card.innerText();
    assert.match(cardText, /Priya/);
    assert.match(cardText, /Request/);
    assert.match(cardText, /Personal Training/);
    assert.match(cardText, /Alex Rivera/);
    assert.match(cardText, /10:00\s?AM – 11:00\s?AM EST/);
    assert.equal(await card.getByRole('link', { name: /Priya/ }).getAttribute('href'), `#booking/${request.id}`);

    // The session's disclosure lists its bookings, each linking to its page.
    const toggle = session.getByRole('button', { name: /Bookings \(14\)/ });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const waiting = session.locator(`[data-booking-id="${waitlisted}"][data-status="WAITING_LIST"]`);
    await waiting.waitFor(WAIT);
    assert.equal(await waiting.getByRole('link').getAttribute('href'), `#booking/${waitlisted}`);
    await axe(page, 'agenda, day, a session open');
    await toggle.press('Enter');
    await page.locator('[data-view="agenda"] [role="status"]').filter({ hasText: 'Live' }).waitFor(WAIT);
    await axe(page, 'agenda, day');
    await screenshot(page, 'console-agenda-day');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('flags a double booking in words', async () => {
    await appointment(12, 'Ana');
    const second = await appointment(12, 'Ben', { flow: { skipAvailabilityValidation: true, skipBusinessConfirmation: true } });
    const read = await server.call('GET', `/bookings/v2/bookings/${second.id}`, { token: OWNER_KEY });
    assert.equal(read.body.booking.doubleBooked, true);
    const { context, page, errors } = await open();
    await showPeriod(page, 'day', DAY);
    const card = page.locator(`[data-view="agenda"] [data-booking-id="${second.id}"]`);
    await card.waitFor(WAIT);
    assert.match(await card.innerText(), /Double-booked/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a booking made after opening, a change made elsewhere, and new counts, without a reload', async () => {
    const { context, page, errors } = await open();
    await showPeriod(page, 'day', DAY);
    await page.locator('[data-view="agenda"] [role="status"]').filter({ hasText: 'Live' }).waitFor(WAIT);
    const evening = await eventIdAt(server, vinyasa, `${DAY}T18:00:00`);
    const session = page.locator(`[data-view="agenda"] [data-event-id="${evening}"]`);
    await session.filter({ hasText: '0/12 booked' }).waitFor(WAIT);

    const made = await appointment(14, 'Jonas', { pending: true });
    const card = page.locator(`[data-view="agenda"] [data-booking-id="${made.id}"]`);
    await card.filter({ hasText: 'Request' }).waitFor(WAIT);
    await classPlace(evening);
    await session.filter({ hasText: '1/12 booked' }).waitFor(WAIT);

    // Someone else confirms the request: the card changes in place.
    const read = await server.call('GET', `/bookings/v2/bookings/${made.id}`, { token: OWNER_KEY });
    const confirmed = await server.call('POST', `/bookings/v2/bookings/${made.id}/confirm`, {
      token: OWNER_KEY,
      body: { revision: read.body.booking.revision },
    });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    await page.locator(`[data-view="agenda"] [data-booking-id="${made.id}"][data-status="CONFIRMED"]`).waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows a STAFF account its own staff member's appointments only", async () => {
    const alexs = await appointment(15, 'Ravi');
    const sams = await appointment(15, 'Noor', { staff: sam });
    const { context, page, errors } = await open({ account: DEMO_STAFF });
    await showPeriod(page, 'day', DAY);
    await page.locator(`[data-view="agenda"] [data-booking-id="${alexs.id}"]`).waitFor(WAIT);
    assert.equal(await page.locator(`[data-booking-id="${sams.id}"]`).count(), 0, "Sam Patel's appointment is not Alex's");
    assert.equal(await page.locator('[data-view="agenda"] [data-event-id]').count(), 0, 'Alex teaches no class');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('switches between day and week and moves by Previous, Today and Next with the keyboard', async () => {
    const { context, page, errors } = await open();
    await showPeriod(page, 'day', DAY);
    const heading = page.getByRole('heading', { level: 1 });
    const press = async (name: string) => {
      await page.getByRole('button', { name, exact: true }).focus();
      await page.keyboard.press('Enter');
    };
    await press('Week');
    await heading.filter({ hasText: 'Nov 30 – Dec 6, 2026' }).waitFor(WAIT);
    assert.equal(await page.getByRole('button', { name: 'Week', exact: true }).getAttribute('aria-pressed'), 'true');
    await page.locator('[data-view="agenda"] section.day').nth(6).waitFor(WAIT);
    assert.equal(await page.locator('[data-view="agenda"] section.day').count(), 7);
    assert.ok(await page.locator(`[data-event-id="${fullSession}"]`).isVisible(), "the week holds Wednesday's sessions");
    assert.match(await page.locator('[data-view="agenda"] section.day').nth(5).innerText(), /Community Yoga/);
    await page.locator('[data-view="agenda"] [role="status"]').filter({ hasText: 'Live' }).waitFor(WAIT);
    await axe(page, 'agenda, week');
    await screenshot(page, 'console-agenda-week');

    await press('Next week');
    await heading.filter({ hasText: 'Dec 7 – Dec 13, 2026' }).waitFor(WAIT);
    assert.ok(await page.getByRole('button', { name: 'Next week' }).evaluate((b) => b.matches(':focus')), 'focus stays on Next');
    await press('Previous week');
    await heading.filter({ hasText: 'Nov 30 – Dec 6, 2026' }).waitFor(WAIT);
    await press('Day');
    await heading.filter({ hasText: 'Monday, November 30, 2026' }).waitFor(WAIT);
    await press('Next day');
    await heading.filter({ hasText: 'Tuesday, December 1, 2026' }).waitFor(WAIT);
    await press('Previous day');
    await heading.filter({ hasText: 'Monday, November 30, 2026' }).waitFor(WAIT);
    await press('Today');
    const today = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', dateStyle: 'full' }).format(new Date());
    await heading.filter({ hasText: today }).waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('says when a day has nothing booked', async () => {
    const { context, page, errors } = await open();
    await showPeriod(page, 'day', '2026-12-08'); // a Tuesday: no classes, no appointments
    await page.locator('[data-view="agenda"] .empty').filter({ hasText: 'Nothing booked on this day' }).waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a failed read beside the agenda with Try again, which reads it again', async () => {
    const { context, page, errors } = await open();
    await showPeriod(page, 'day', DAY);
    // The next read of the sessions fails once, as a dropped connection would.
    let failures = 1;
    await page.route('**/service-availability/v2/time-slots/event', (route) =>
      failures-- > 0
        ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"message":"Unavailable"}' })
        : route.continue(),
    );
    await page.getByRole('button', { name: 'Next day', exact: true }).click();
    const alert = page.locator('[data-view="agenda"] [role="alert"]');
    await alert.waitFor(WAIT);
    await axe(page, 'agenda, a failed read');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { level: 1, name: /Thursday, December 3, 2026/ }).waitFor(WAIT);
    await page.locator('[data-view="agenda"] .empty').filter({ hasText: 'Nothing booked on this day' }).waitFor(WAIT);
    assert.equal(await alert.count(), 0);
    assert.ok(
      await page.getByRole('heading', { level: 1 }).evaluate((h) => h.matches(':focus')),
      'focus moves to the title once the retried read answers',
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works at 360px wide in dark mode, with no axe violations', async () => {
    const { context, page, errors } = await open({ width: 360, dark: true });
    await showPeriod(page, 'week', DAY);
    await page.locator(`[data-view="agenda"] [data-event-id="${fullSession}"]`).waitFor(WAIT);
    await page.locator('[data-view="agenda"] [role="status"]').filter({ hasText: 'Live' }).waitFor(WAIT);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at 360px (${overflow}px too wide)`);
    await axe(page, 'agenda, week, dark, 360px');
    await screenshot(page, 'console-agenda-dark-360');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
