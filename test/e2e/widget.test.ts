/**
 * The widget end to end: the built classic-script bundle on the demo page of a real server (SQLite, demo seed),
 * driven in Chromium, with axe on every step. Waits are on states (`data-step`, `data-status`), never on time.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { useDemo, screenshot } from './browser.js';

const WAIT = { timeout: 30_000 };

interface Harness {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function openDemo(browser: Browser, server: TestServer, path = '/'): Promise<Harness> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path);
  return { context, page, errors };
}

const step = (page: Page, name: string) => page.locator(`booking-widget [data-step="${name}"]`);

async function atStep(page: Page, name: string): Promise<void> {
  await step(page, name).waitFor(WAIT);
}

/** No axe violations on the page as it is now. */
async function axe(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(
    result.violations.map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
    [],
  );
}

async function chooseService(page: Page, server: TestServer, name: string): Promise<string> {
  const id = await serviceId(server, name);
  await page.locator(`booking-widget [data-service-id="${id}"]`).click();
  return id;
}

async function serviceId(server: TestServer, name: string): Promise<string> {
  const { body } = await server.call('POST', '/bookings/v2/services/query', { body: {} });
  const found = (body.services as { id: string; name: string }[]).find((s) => s.name === name);
  assert.ok(found, `service ${name}`);
  return found.id;
}

/** The first open slot button of the shown day, once the times have loaded. */
async function firstSlot(page: Page) {
  const slot = page.locator('booking-widget [data-step="slot"] [data-slot-start]:not([disabled])').first();
  await slot.waitFor(WAIT);
  return slot;
}

async function fillDetails(page: Page, d = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+1 555 0100' }) {
  const s = step(page, 'details');
  await s.locator('#firstName').fill(d.firstName);
  await s.locator('#lastName').fill(d.lastName);
  await s.locator('#email').fill(d.email);
  await s.locator('#phone').fill(d.phone);
}

const statusOf = (page: Page) => page.locator('booking-widget [data-status]').getAttribute('data-status');

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`booking-widget [data-status="${status}"]`).waitFor(WAIT);
}

/** Fill a class session through the API as the owner: confirmed bookings until it answers "full" (428). */
async function fillSession(server: TestServer, serviceId: string, eventId: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const { status, body } = await server.call('POST', '/bookings/v2/bookings', {
      token: OWNER_KEY,
      body: {
        booking: {
          bookedEntity: { slot: { serviceId, eventId } },
          totalParticipants: 1,
          contactDetails: { firstName: 'Other', lastName: `Guest ${i}`, email: `guest${i}@example.com` },
        },
        flowControlSettings: { skipBusinessConfirmation: true },
      },
    });
    if (status === 428) return;
    assert.equal(status, 200, JSON.stringify(body));
  }
  assert.fail('the session never filled');
}

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
    await chooseService(page, server, 'Personal Training');
    await atStep(page, 'variant');
    await axe(page, 'variant');
    await step(page, 'variant')
      .getByLabel(/60 minutes/)
      .check();
    await step(page, 'variant').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'slot');
    await (await firstSlot(page)).click();
    await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'details');
    await fillDetails(page, { firstName: 'Card', lastName: 'Holder', email: 'card@example.com', phone: '' });
    await step(page, 'details').getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'review');
    const review = step(page, 'review');
    assert.equal((await review.locator('[data-total]').textContent())?.trim(), '$80.00');
    assert.equal((await review.locator('[data-due-now]').textContent())?.trim(), '$20.00');
    assert.equal((await review.locator('[data-due-later]').textContent())?.trim(), '$60.00');
    await review.getByRole('button', { name: 'Continue to payment' }).click();

    await atStep(page, 'checkout');
    await axe(page, 'checkout');
    const checkout = step(page, 'checkout');
    await checkout.locator('#number').fill('4000 0000 0000 0002');
    await checkout.locator('#expiry').fill('12/30');
    await checkout.locator('#cvc').fill('123');
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

  it('books with the keyboard only, from the first step to the confirmation', async () => {
    const { context, page } = await openDemo(browser, server);
    await page.locator('booking-widget [data-service-id]').first().waitFor(WAIT);
    const id = await serviceId(server, 'Community Yoga');
    // Tab until the Community Yoga card has focus.
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.getAttribute('data-service-id') ?? '';
      });
      if (focused === id) break;
    }
    await page.keyboard.press('Enter');
    await atStep(page, 'slot');
    await firstSlot(page);
    // Focus is on the step's heading; Tab into the calendar grid, pick the focused (first open) day, then a time.
    const activeTag = () =>
      page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return `${el?.tagName.toLowerCase()}${el?.getAttribute('data-slot-start') ? '[slot]' : ''}${el?.getAttribute('role') === 'gridcell' ? '[day]' : ''}`;
      });
    assert.equal(await activeTag(), 'h3');
    for (let i = 0; i < 20 && (await activeTag()) !== 'td[day]'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 20 && (await activeTag()) !== 'button[slot]'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Continue is the last button of the step.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.textContent?.trim() ?? '';
      });
      if (text === 'Continue') break;
    }
    await page.keyboard.press('Enter');
    await atStep(page, 'details');
    assert.equal(await activeTag(), 'h3');
    // Past the optional member login, to the first name.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.id ?? '';
      });
      if (id === 'firstName') break;
    }
    await page.keyboard.type('Key');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Board');
    await page.keyboard.press('Tab');
    await page.keyboard.type('keys@example.com');
    await page.keyboard.press('Enter'); // submits the form
    await atStep(page, 'review');
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const text = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.textContent?.trim() ?? '';
      });
      if (text === 'Book') break;
    }
    await page.keyboard.press('Enter');
    await waitForStatus(page, 'CONFIRMED');
    await context.close();
  });
  it('lets the demo member sign in and book Vinyasa Flow with the pricing plan: 7 credits become 6', async () => {
    const credits = async () => {
      const tokens = (
        await server.call('POST', '/oauth2/token', {
          body: { grantType: 'password', email: 'member@example.com', password: 'harbor-demo' },
        })
      ).body;
      const { body } = await server.call('GET', '/pricing-plans/v2/member/orders', { token: tokens.access_token });
      return body.orders.map((o: { credits?: { remaining: number } }) => o.credits?.remaining);
    };
    assert.deepEqual(await credits(), [7]);
    const { context, page, errors } = await openDemo(browser, server);
    await chooseService(page, server, 'Vinyasa Flow');
    await atStep(page, 'slot');
    await (await firstSlot(page)).click();
    await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();

    await atStep(page, 'details');
    const details = step(page, 'details');
    await details.getByText('Log in as a member').click();
    await details.locator('#login-email').fill('member@example.com');
    await details.locator('#login-password').fill('harbor-demo');
    await details.getByRole('button', { name: 'Log in' }).click();
    await details.getByText('Logged in as member@example.com.').waitFor(WAIT);
    assert.equal(await details.locator('#firstName').inputValue(), 'Riley', "the member's name fills the form");
    await details.locator('#phone').fill('+1 555 0100');
    await details.getByRole('button', { name: 'Continue' }).click();

    await atStep(page, 'review');
    await step(page, 'review').getByLabel('Use my pricing plan (one credit per person)').check();
    await axe(page, 'review with a pricing plan');
    await step(page, 'review').getByRole('button', { name: 'Book' }).click();
    await waitForStatus(page, 'CONFIRMED');
    assert.deepEqual(await credits(), [6]);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
