/**
 * The widget end to end: the built classic-script bundle on the demo page of a real server (SQLite, demo seed),
 * driven in Chromium, with axe on every step. Waits are on states (`data-step`, `data-status`), never on time.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { useDemo, screenshot } from './browser.js';
import {
  WAIT,
  openDemo,
  step,
  atStep,
  axe,
  chooseService,
  firstSlot,
  fillDetails,
  statusOf,
  waitForStatus,
  fillSession,
  requestTraining,
  fillCard,
} from './widget-steps.js';

describe('the booking widget end to end', () => {
  const shared = useDemo();
  let server: TestServer;
  let browser: Browser;
  before(() => {
    ({ server, browser } = shared);
  });

  it('books Community Yoga as a visitor from the first step to CONFIRMED, with no axe violation on any step', async () => {
    const { context, page, errors } = await openDemo(browser, server);
    await atStep(page, 'service');
    await page.locator('booking-widget [data-service-id]').first().waitFor(WAIT);
    await axe(page, 'service');
    await screenshot(page, 'widget-service');

    await chooseService(page, server, 'Community Yoga');
    await atStep(page, 'slot'); // no variants, one participant: the variant step is skipped
    const slot = await firstSlot(page);
    await axe(page, 'slot');
    await screenshot(page, 'widget-slot');
    const start = await slot.getAttribute('data-slot-start');
    assert.match(start ?? '', /T10:00:00$/, 'Saturday 10:00 in the business zone (the customer is in New York too)');
    await slot.click();
    await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();

    await atStep(page, 'details');
    await axe(page, 'details');
    await fillDetails(page);
    await screenshot(page, 'widget-details');
    await step(page, 'details').getByRole('button', { name: 'Continue' }).click();

    await atStep(page, 'review');
    await axe(page, 'review');
    await screenshot(page, 'widget-review');
    const events: string[] = await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      for (const t of ['booking-created', 'booking-status-change', 'booking-checkout-complete'])
        document.addEventListener(t, (e) => seen.push(`${t}:${JSON.stringify((e as CustomEvent).detail.summary?.serviceName ?? '')}`));
      return seen;
    });
    assert.deepEqual(events, []);
    await step(page, 'review').getByRole('button', { name: 'Book' }).click();

    await atStep(page, 'status');
    await waitForStatus(page, 'CONFIRMED');
    await axe(page, 'status');
    await screenshot(page, 'widget-confirmed');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    assert.ok(seen.includes('booking-created:"Community Yoga"'), seen.join());
    assert.ok(seen.includes('booking-checkout-complete:"Community Yoga"'), seen.join());
    assert.ok(seen.includes('booking-status-change:"Community Yoga"'), seen.join());
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('resumes at the same step with the same choices after a reload mid-flow', async () => {
    const { context, page, errors } = await openDemo(browser, server);
    await chooseService(page, server, 'Vinyasa Flow');
    await atStep(page, 'slot');
    const slot = await firstSlot(page);
    const start = await slot.getAttribute('data-slot-start');
    await slot.click();
    await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'details');
    await step(page, 'details').locator('#firstName').fill('Grace');

    await page.reload();
    await atStep(page, 'details');
    await step(page, 'details').getByRole('button', { name: 'Back' }).click();
    await atStep(page, 'slot');
    await page.locator(`booking-widget [data-slot-start="${start}"][aria-pressed="true"]`).waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('says the time was just taken and offers other times when the slot fills before Book (428)', async () => {
    const { context, page } = await openDemo(browser, server);
    const id = await chooseService(page, server, 'Community Yoga');
    await atStep(page, 'slot');
    const slot = await firstSlot(page);
    const eventId = await slot.getAttribute('data-event-id');
    const start = await slot.getAttribute('data-slot-start');
    await slot.click();
    await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'details');
    await fillDetails(page, { firstName: 'Late', lastName: 'Comer', email: 'late@example.com', phone: '' });
    await step(page, 'details').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'review');

    await fillSession(server, id, eventId ?? '');
    await step(page, 'review').getByRole('button', { name: 'Book' }).click();
    await atStep(page, 'slot');
    await step(page, 'slot').getByRole('alert').filter({ hasText: 'just took that time' }).waitFor(WAIT);
    // Other times are offered: an open one, not the taken one (the calendar moves on to the next open day).
    const other = await firstSlot(page);
    assert.notEqual(await other.getAttribute('data-slot-start'), start);
    await axe(page, 'slot after a lost race');
    await context.close();
  });

  it('shows DECLINED, then other times, when another customer takes the last spot during checkout', async () => {
    const { context, page } = await openDemo(browser, server);
    const id = await chooseService(page, server, 'Community Yoga');
    await atStep(page, 'slot');
    const slot = await firstSlot(page);
    const eventId = (await slot.getAttribute('data-event-id')) ?? '';
    await slot.click();
    await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'details');
    await fillDetails(page, { firstName: 'Race', lastName: 'Loser', email: 'race@example.com', phone: '' });
    await step(page, 'details').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'review');

    // Hold our order until the others have taken every spot: the booking exists (CREATED), the order decides.
    await page.route('**/create-order', async (route) => {
      await fillSession(server, id, eventId);
      await route.continue();
    });
    await step(page, 'review').getByRole('button', { name: 'Book' }).click();
    await waitForStatus(page, 'DECLINED');
    await axe(page, 'status DECLINED');
    await screenshot(page, 'widget-declined');
    await step(page, 'status').getByRole('button', { name: 'See other times' }).click();
    await atStep(page, 'slot');
    await firstSlot(page);
    await context.close();
  });

  it('keeps the booking when a card is declined, then pays the Personal Training deposit with another card; the owner confirms it live', async () => {
    const { context, page, errors } = await openDemo(browser, server);
    await requestTraining(page, server, { firstName: 'Card', lastName: 'Holder', email: 'card@example.com', phone: '' }, () =>
      axe(page, 'variant'),
    );
    const review = step(page, 'review');
    assert.equal((await review.locator('[data-total]').textContent())?.trim(), '$80.00');
    assert.equal((await review.locator('[data-due-now]').textContent())?.trim(), '$20.00');
    assert.equal((await review.locator('[data-due-later]').textContent())?.trim(), '$60.00');
    await review.getByRole('button', { name: 'Continue to payment' }).click();

    await atStep(page, 'checkout');
    await axe(page, 'checkout');
    const checkout = step(page, 'checkout');
    await fillCard(page, '4000 0000 0000 0002');
    await screenshot(page, 'widget-checkout');
    await checkout.getByRole('button', { name: /^Pay/ }).click();
    await checkout.getByRole('alert').filter({ hasText: 'declined' }).waitFor(WAIT);
    await axe(page, 'checkout declined');

    await checkout.locator('#number').fill('4242 4242 4242 4242');
    await checkout.getByRole('button', { name: /^Pay/ }).click();
    await waitForStatus(page, 'PENDING'); // Personal Training needs the owner's approval
    await axe(page, 'status PENDING');

    const bookingId = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('booking-widget');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const all = await new Promise<{ id: string; booking: { status: string } }[]>((resolve) => {
        const r = db.transaction('bookings').objectStore('bookings').getAll();
        r.onsuccess = () => resolve(r.result as { id: string; booking: { status: string } }[]);
      });
      return all.find((b) => b.booking.status === 'PENDING')?.id ?? '';
    });
    const { body } = await server.call('GET', `/bookings/v2/bookings/${bookingId}`, { token: OWNER_KEY });
    const confirm = await server.call('POST', `/bookings/v2/bookings/${bookingId}/confirm`, {
      token: OWNER_KEY,
      body: { revision: body.booking.revision },
    });
    assert.equal(confirm.status, 200, JSON.stringify(confirm.body));
    await waitForStatus(page, 'CONFIRMED'); // no reload: the live stream brought it
    assert.equal(await statusOf(page), 'CONFIRMED');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
