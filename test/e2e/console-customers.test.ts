/**
 * The console's Customers and Customer views (contract section 12, `data-view="customers"` and `"customer"`): the
 * owner searches as they type, opens a customer with their bookings and a member's plan credits, and starts a
 * New booking for them; a STAFF account sees only the customers in its own bookings; axe on each view.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import type { Browser } from 'playwright-core';
import { startServer, OWNER_KEY, type TestServer } from '../server/helpers.js';
import { NOW, appointmentBooking, serviceNamed, visitorToken } from '../server/bookings-fixtures.js';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';
import { DEMO_MEMBER } from '../../server/seed/demo-members.js';
import { DEMO_STATIC_ROOTS, launchChromium, screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole } from './console-steps.js';

describe("the console's customers", () => {
  let server: TestServer;
  let browser: Browser;
  const booked = new Map<string, string>();

  /** A Personal Training appointment with `staff` for `contact`, made by a visitor. */
  async function book(staff: string, start: string, contact: { firstName: string; lastName: string; email: string }): Promise<string> {
    const training = await serviceNamed(server, 'Personal Training');
    const end = start.replace('T10:', 'T11:');
    const body = appointmentBooking(training, start, end, { contactDetails: contact }) as {
      booking: { bookedEntity: { slot: Record<string, unknown> } };
    };
    const member = (await server.storage.staff.list()).find((s) => s.name === staff);
    body.booking.bookedEntity.slot['resource'] = { id: member?.id };
    const r = await server.call('POST', '/bookings/v2/bookings', { token: await visitorToken(server), body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking.id as string;
  }

  before(async () => {
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: { clock: () => NOW, staticRoots: DEMO_STATIC_ROOTS },
    });
    browser = await launchChromium();
    booked.set(
      'dana',
      await book('Alex Rivera', '2026-12-10T10:00:00', { firstName: 'Dana', lastName: 'Quill', email: 'dana@example.com' }),
    );
    booked.set('omar', await book('Sam Patel', '2026-12-10T10:00:00', { firstName: 'Omar', lastName: 'Zell', email: 'omar@example.com' }));
    booked.set(
      'riley',
      await book('Sam Patel', '2026-12-11T10:00:00', { firstName: 'Riley', lastName: 'Morgan', email: DEMO_MEMBER.email }),
    );
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('searches as the owner types, opens a member with bookings and plan credits, and books for them', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER });
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Customers' }).click();
    const list = page.locator('[data-view="customers"]');
    await list.locator('[data-customer-id]').first().waitFor(WAIT);
    assert.match(await list.getByRole('status').innerText(), /3 customers found/);
    await axe(page, 'customers');
    await screenshot(page, 'console-customers');

    await list.getByLabel('Search by name or email').fill('MORG');
    await list.getByRole('status').filter({ hasText: '1 customer found.' }).waitFor(WAIT);
    assert.equal(await list.locator('[data-customer-id]').count(), 1);
    await list.getByRole('link', { name: 'Riley Morgan' }).click();

    const one = page.locator('[data-view="customer"]');
    await one.locator(`[data-booking-id="${booked.get('riley')}"]`).waitFor(WAIT);
    assert.match(page.url(), /#customer\/[0-9a-f-]{36}$/, 'the address holds the id, not the email');
    assert.equal(await one.locator(`[data-booking-id="${booked.get('riley')}"]`).getAttribute('data-status'), 'CREATED');
    const plan = one.locator('[data-plan-order-id]');
    assert.match(await plan.innerText(), /10-Class Pass/);
    assert.match(await plan.innerText(), /7 of 10 credits left/);
    assert.match(await one.innerText(), /member@example\.com/);
    assert.match(await one.innerText(), /E[SD]T/, 'times in the studio zone');
    await axe(page, 'customer');
    await screenshot(page, 'console-customer');

    // Live: a change to this customer's booking shows without a reload.
    const r = await server.call('POST', `/bookings/v2/bookings/${booked.get('riley')}/mark_booking_as_pending`, {
      token: OWNER_KEY,
      body: { revision: '1' },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    await one.locator(`[data-booking-id="${booked.get('riley')}"][data-status="PENDING"]`).waitFor(WAIT);

    await one.getByRole('link', { name: 'New booking' }).click();
    const flow = page.locator('[data-view="new-booking"]');
    await flow.locator('[data-step="service"]').waitFor(WAIT);
    await flow.getByRole('button', { name: 'Vinyasa Flow' }).click();
    await flow.getByLabel('Date').fill('2026-12-09');
    await flow.locator('[data-slot-start="2026-12-09T18:00:00"]').click();
    await flow.getByText('Booking for').waitFor(WAIT);
    assert.match(await flow.locator('[data-customer-id]').innerText(), /Riley Morgan/, 'the customer is chosen already');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows a STAFF account only the customers in its own bookings', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_STAFF });
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Customers' }).click();
    const list = page.locator('[data-view="customers"]');
    await list.getByRole('status').filter({ hasText: '1 customer found.' }).waitFor(WAIT);
    assert.deepEqual(await list.locator('[data-customer-id] a').allInnerTexts(), ['Dana Quill']);
    await list.getByRole('link', { name: 'Dana Quill' }).click();
    const one = page.locator('[data-view="customer"]');
    await one.locator(`[data-booking-id="${booked.get('dana')}"]`).waitFor(WAIT);
    assert.equal(await one.getByRole('link', { name: 'New booking' }).count(), 0, 'STAFF does not book by phone');
    await axe(page, 'customer, STAFF');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works at 360px wide in dark mode with no sideways scroll and no axe violations', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, width: 360, dark: true });
    await page.evaluate(() => (location.hash = '#customers'));
    await page.locator('[data-view="customers"] [data-customer-id]').first().waitFor(WAIT);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    assert.equal(sideways, false, 'the page does not scroll sideways');
    await axe(page, 'customers, dark, 360px');
    await screenshot(page, 'console-customers-dark-360');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
