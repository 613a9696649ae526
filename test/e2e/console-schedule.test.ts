/**
 * The console's Schedules view (contract section 12, `data-view="schedule"`, issue 17), on the real server with
 * the demo seed at the fixed clock (Tuesday 1 December 2026): an owner gives a new class weekly sessions and the
 * widget offers them at once (an edit crossing someone else's save shows both versions); cancelling a session
 * with bookings cancels and emails each customer (Restore brings the session back, not the bookings); a session
 * moved with the Move… dialog by keyboard and by a drag; axe in light, dark and at 360 px, and the docs' pictures.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Locator } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { NOW, classBooking, eventIdAt, serviceNamed, type DemoService } from '../server/bookings-fixtures.js';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import { listMail } from '../../server/notifications/email/index.js';
import { screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole, startConsoleServer, type OpenOptions } from './console-steps.js';

describe("the console's schedules", () => {
  const mailDir = mkdtempSync(join(tmpdir(), 'console-schedule-'));
  let server: TestServer;
  let browser: Browser;
  let vinyasa: DemoService;

  before(async () => {
    ({ server, browser } = await startConsoleServer({ mailDir }));
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  /** The console on the Schedules view at `week` (and `service`), as the address keeps them. */
  async function openSchedule(query: Record<string, string>, options: OpenOptions = {}) {
    const opened = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'agenda', ...options });
    await opened.page.evaluate((hash) => (location.hash = hash), `#schedule?${new URLSearchParams(query).toString()}`);
    const view = opened.page.locator('[data-view="schedule"]');
    await opened.page.locator('[data-view="schedule"][aria-busy="false"]').waitFor(WAIT);
    return { ...opened, view };
  }

  const session = (view: Locator, id: string) => view.locator(`[data-event-id="${id}"]`);

  async function book(service: DemoService, start: string, n: number): Promise<{ eventId: string; ids: string[]; emails: string[] }> {
    const eventId = await eventIdAt(server, service, start);
    const ids: string[] = [];
    const emails: string[] = [];
    for (let i = 0; i < n; i++) {
      const body = classBooking(service, eventId) as { booking: { contactDetails: { email: string } } };
      // Made by the owner on the phone: CONFIRMED at once, so it holds a place.
      const flowControlSettings = { skipBusinessConfirmation: true };
      const made = await server.call('POST', '/bookings/v2/bookings', { token: OWNER_KEY, body: { ...body, flowControlSettings } });
      assert.equal(made.status, 200, JSON.stringify(made.body));
      assert.equal(made.body.booking.status, 'CONFIRMED');
      ids.push(made.body.booking.id as string);
      emails.push(body.booking.contactDetails.email);
    }
    return { eventId, ids, emails };
  }

  it('gives a new class weekly sessions, and the widget offers them at once; a save in between shows both versions', async () => {
    const created = await server.call('POST', '/bookings/v2/services', {
      token: OWNER_KEY,
      body: { service: { type: 'CLASS', name: 'Sunrise Stretch', payment: { rateType: 'NO_FEE' }, defaultCapacity: 8 } },
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const serviceId = created.body.service.id as string;
    const { context, page, view, errors } = await openSchedule({ week: '2026-11-30', service: serviceId });
    const rules = view.locator(`[data-service-id="${serviceId}"]`);
    await rules.getByText('No sessions yet.').waitFor(WAIT);

    await rules.getByRole('button', { name: 'Add sessions to Sunrise Stretch' }).click();
    await rules.getByLabel('Monday').uncheck();
    await rules.getByRole('button', { name: 'Save' }).click();
    // No weekday: said beside the days, nothing sent.
    await rules.getByText('Pick at least one day.').waitFor(WAIT);
    await rules.getByLabel('Wednesday').check();
    await rules.getByLabel('First date').fill('2026-12-02');
    await rules.getByLabel('Start time').fill('06:45');
    await rules.getByLabel('Length (minutes)').fill('45');
    await rules.getByLabel('After a number of sessions').check();
    await rules.getByLabel('Number of sessions', { exact: true }).fill('4');
    await rules.getByLabel('Capacity').fill('6');
    await axe(page, 'schedule rule form');
    await rules.getByRole('button', { name: 'Save' }).click();
    await rules.getByRole('status').getByText('Sessions added.').waitFor(WAIT);
    await rules.getByText('Wed 06:45 for 45 min, from 2 Dec, 4 sessions, 6 places').waitFor(WAIT);
    await view.locator('[data-day="2026-12-02"] [data-event-id]').filter({ hasText: '06:45–07:30' }).waitFor(WAIT);

    // The widget, on the same day as the server's clock, offers the new class's first session.
    const visitor = await browser.newContext({ viewport: { width: 1000, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US' });
    await visitor.clock.setFixedTime(NOW);
    const demo = await visitor.newPage();
    await demo.goto(server.url);
    await demo.locator(`booking-widget [data-service-id="${serviceId}"]`).click();
    await demo.locator('booking-widget [data-step="slot"] [data-slot-start="2026-12-02T06:45:00"]').waitFor(WAIT);
    await visitor.close();

    // Edited while someone else saves the same rule: theirs and yours both said, what was typed kept.
    const rule = rules.locator('[data-rule-id]').first();
    const ruleId = (await rule.getAttribute('data-rule-id')) as string;
    await rule.getByRole('button', { name: /^Edit/ }).click();
    await rules.getByLabel('Start time').fill('07:15');
    const saved = await server.call('GET', `/calendar/v3/session-rules/${ruleId}`, { token: OWNER_KEY });
    const theirs = await server.call('PATCH', `/calendar/v3/session-rules/${ruleId}`, {
      token: OWNER_KEY,
      body: { sessionRule: { durationInMinutes: 30, revision: saved.body.sessionRule.revision } },
    });
    assert.equal(theirs.status, 200, JSON.stringify(theirs.body));
    await rules.getByRole('button', { name: 'Save' }).click();
    const both = rules.locator('[data-theirs]');
    await both.getByText('Wed 06:45 for 30 min, from 2 Dec, 4 sessions, 6 places').waitFor(WAIT);
    await both.getByText('Wed 07:15 for 45 min, from 2 Dec, 4 sessions, 6 places').waitFor(WAIT);
    assert.equal(await rules.getByLabel('Start time').inputValue(), '07:15');
    await axe(page, 'schedule rule conflict');
    await rules.getByRole('button', { name: 'Save' }).click();
    await rules.getByRole('status').getByText('Sessions saved.').waitFor(WAIT);
    await rules.getByText('Wed 07:15 for 45 min, from 2 Dec, 4 sessions, 6 places').waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('cancels a session with bookings: each booking CANCELED and its customer emailed; Restore brings the session back only', async () => {
    const { eventId, ids, emails } = await book(vinyasa, '2026-12-07T07:00:00', 2);
    const { context, page, view, errors } = await openSchedule({ week: '2026-12-07', service: vinyasa.id });
    const block = session(view, eventId);
    await block.filter({ hasText: '2/12 booked' }).waitFor(WAIT);
    await block.click();
    await view.locator('#session-panel').getByRole('button', { name: 'Cancel session' }).click();
    const dialog = view.locator('console-confirm-dialog.cancel-dialog');
    await dialog
      .getByText('2 places are booked. Each booking is cancelled, refunded as the cancellation policy says, and its customer emailed.')
      .waitFor(WAIT);
    assert.equal(await dialog.getByLabel('Notify customers').isChecked(), true);
    await dialog.getByLabel('Message to customers (optional)').fill('The studio is closed for repairs.');
    await axe(page, 'schedule cancel dialog');
    await dialog.getByRole('button', { name: 'Cancel session' }).click();
    await view.getByRole('status').getByText('Vinyasa Flow cancelled; 2 bookings cancelled.').waitFor(WAIT);
    await view.locator(`[data-event-id="${eventId}"][data-status="CANCELLED"]`).waitFor(WAIT);

    for (const id of ids) {
      const { body } = await server.call('GET', `/bookings/v2/bookings/${id}`, { token: OWNER_KEY });
      assert.equal(body.booking.status, 'CANCELED', id);
    }
    // Each customer gets one "canceled" email, with the owner's message.
    let canceled: Awaited<ReturnType<typeof listMail>> = [];
    for (let tries = 0; canceled.length < 2 && tries < 300; tries++) {
      canceled = (await listMail(mailDir)).filter((m) => m.subject.startsWith('Booking canceled') && emails.some((e) => m.to.includes(e)));
      if (canceled.length < 2) await new Promise((r) => setTimeout(r, 100));
    }
    // (The outbox sends in the background: polled, at most 30 s.)
    assert.deepEqual(canceled.map((m) => emails.find((e) => m.to.includes(e))).sort(), [...emails].sort());
    for (const m of canceled) {
      const parsed = await simpleParser(readFileSync(join(mailDir, `${m.id}.eml`)));
      assert.ok(parsed.text?.includes('The studio is closed for repairs.'), parsed.text);
    }

    await view.locator('#session-panel').getByRole('button', { name: 'Restore' }).click();
    await view.getByRole('status').getByText('Vinyasa Flow restored. Its cancelled bookings stay cancelled.').waitFor(WAIT);
    await view.locator(`[data-event-id="${eventId}"][data-status="CONFIRMED"]`).filter({ hasText: '0/12 booked' }).waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('moves a session with the Move… dialog by keyboard, and another by dragging it', async () => {
    const { eventId } = await book(vinyasa, '2026-12-09T18:00:00', 1);
    const dragged = await book(vinyasa, '2026-12-11T07:00:00', 1);
    const { context, page, view, errors } = await openSchedule({ week: '2026-12-07', service: vinyasa.id });
    await session(view, eventId).focus();
    await page.keyboard.press('Enter');
    const panel = view.locator('#session-panel');
    await panel.getByRole('heading', { name: 'Vinyasa Flow, Wed 9 Dec 18:00–19:00' }).waitFor(WAIT);
    await page.keyboard.press('Tab');
    assert.ok(await panel.getByRole('button', { name: 'Move…' }).evaluate((b) => b.matches(':focus')), 'Tab reaches Move…');
    await page.keyboard.press('Enter');
    const dialog = view.getByRole('dialog');
    await dialog.getByText('1 customer will be moved and emailed.').waitFor(WAIT);
    await axe(page, 'schedule move dialog');
    // Focus starts on the new date; typed by keyboard.
    await dialog.getByLabel('New date').fill('2026-12-10');
    await dialog.getByLabel('New start time').fill('08:00');
    await page.keyboard.press('Enter');
    await view.getByRole('status').getByText('Vinyasa Flow moved to Thu 10 Dec 08:00.').waitFor(WAIT);
    await view.locator('[data-day="2026-12-10"] [data-event-id]').filter({ hasText: '08:00–09:00' }).waitFor(WAIT);

    // A drag one day right and one hour down; the booked session asks first.
    const from = session(view, dragged.eventId);
    await from.scrollIntoViewIfNeeded();
    const box = await from.boundingBox();
    const friday = await view.locator('[data-day="2026-12-11"]').boundingBox();
    const saturday = await view.locator('[data-day="2026-12-12"]').boundingBox();
    assert.ok(box && friday && saturday);
    const x = box.x + box.width / 2;
    const y = box.y + 10;
    const perHour = await from.evaluate((el) => 60 * parseFloat(getComputedStyle(el).getPropertyValue('--minute')));
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + (saturday.x - friday.x), y + perHour, { steps: 12 });
    await page.mouse.up();
    const ask = view.getByRole('dialog');
    await ask.getByRole('heading', { name: 'Move Vinyasa Flow to Sat 12 Dec 08:00?' }).waitFor(WAIT);
    await ask.getByText('1 customer will be moved and emailed.').waitFor(WAIT);
    await ask.getByRole('button', { name: 'Move' }).click();
    await view.getByRole('status').getByText('Vinyasa Flow moved to Sat 12 Dec 08:00.').waitFor(WAIT);
    await view.locator('[data-day="2026-12-12"] [data-event-id]').filter({ hasText: '08:00–09:00' }).waitFor(WAIT);
    const { body } = await server.call('GET', `/bookings/v2/bookings/${dragged.ids[0]}`, { token: OWNER_KEY });
    assert.equal(body.booking.bookedEntity.slot.startDate.slice(0, 16), '2026-12-12T08:00', JSON.stringify(body.booking.bookedEntity));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('is axe-clean in light and dark, and a day list at 360 px; the pictures for the docs', async () => {
    const wide = await openSchedule({ week: '2026-12-07' });
    await wide.view.locator('[data-event-id]').first().waitFor(WAIT);
    await wide.view.getByText(/6 sessions: first Tue 8 Dec 19:00, last Tue 12 Jan 19:00/).waitFor(WAIT);
    await axe(wide.page, 'schedule');
    await screenshot(wide.page, 'console-schedule');
    await wide.context.close();

    const dark = await openSchedule({ week: '2026-12-07' }, { dark: true });
    await dark.view.locator('[data-event-id]').first().waitFor(WAIT);
    await axe(dark.page, 'schedule dark');
    await dark.context.close();

    const narrow = await openSchedule({ week: '2026-12-07', service: vinyasa.id }, { width: 360 });
    await narrow.view.locator('[data-event-id]').first().waitFor(WAIT);
    assert.equal(await narrow.view.locator('console-week-calendar .week.grid').count(), 0, 'a day list, not columns');
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'nothing wider than the screen');
    await axe(narrow.page, 'schedule 360');
    await screenshot(narrow.page, 'console-schedule-narrow');
    for (const { errors } of [wide, dark, narrow]) assert.deepEqual(errors, []);
    await narrow.context.close();
  });
});
