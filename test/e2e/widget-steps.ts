/** Steps of the widget on the demo page, for the end-to-end tests: open it, walk a step, wait for a status, run axe. */
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';

export const WAIT = { timeout: 30_000 };

export interface Harness {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

export async function openDemo(browser: Browser, server: TestServer, path = '/'): Promise<Harness> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url + path);
  return { context, page, errors };
}

export const step = (page: Page, name: string) => page.locator(`booking-widget [data-step="${name}"]`);

export async function atStep(page: Page, name: string): Promise<void> {
  await step(page, name).waitFor(WAIT);
}

/** No axe violations on the page as it is now. */
export async function axe(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(
    result.violations.map((v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`),
    [],
  );
}

export async function chooseService(page: Page, server: TestServer, name: string): Promise<string> {
  const id = await serviceId(server, name);
  await page.locator(`booking-widget [data-service-id="${id}"]`).click();
  return id;
}

export async function serviceId(server: TestServer, name: string): Promise<string> {
  const { body } = await server.call('POST', '/bookings/v2/services/query', { body: {} });
  const found = (body.services as { id: string; name: string }[]).find((s) => s.name === name);
  assert.ok(found, `service ${name}`);
  return found.id;
}

/** The first open slot button of the shown day, once the times have loaded. */
export async function firstSlot(page: Page, stepName = 'slot') {
  const slot = page.locator(`booking-widget [data-step="${stepName}"] [data-slot-start]:not([disabled])`).first();
  await slot.waitFor(WAIT);
  return slot;
}

export async function fillDetails(
  page: Page,
  d = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+1 555 0100' },
) {
  const s = step(page, 'details');
  await s.locator('#firstName').fill(d.firstName);
  await s.locator('#lastName').fill(d.lastName);
  await s.locator('#email').fill(d.email);
  await s.locator('#phone').fill(d.phone);
}

/**
 * Personal Training, 60 minutes, at the first open slot, for `details`: the widget then shows the review.
 * `atVariant` runs while the variant step shows (an axe check).
 */
export async function requestTraining(
  page: Page,
  server: TestServer,
  details: { firstName: string; lastName: string; email: string; phone: string },
  atVariant?: () => Promise<void>,
): Promise<void> {
  await chooseService(page, server, 'Personal Training');
  await atStep(page, 'variant');
  await atVariant?.();
  await step(page, 'variant')
    .getByLabel(/60 minutes/)
    .check();
  await step(page, 'variant').getByRole('button', { name: 'Continue' }).click();
  await atStep(page, 'slot');
  await (await firstSlot(page)).click();
  await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();
  await atStep(page, 'details');
  await fillDetails(page, details);
  await step(page, 'details').getByRole('button', { name: 'Continue' }).click();
  await atStep(page, 'review');
}

/** Fills the checkout's card form (the sandbox takes any future expiry and CVC); Pay is the caller's. */
export async function fillCard(page: Page, number: string): Promise<void> {
  const checkout = step(page, 'checkout');
  await checkout.locator('#number').fill(number);
  await checkout.locator('#expiry').fill('12/30');
  await checkout.locator('#cvc').fill('123');
}

export const statusOf = (page: Page) => page.locator('booking-widget [data-status]').getAttribute('data-status');

export async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`booking-widget [data-status="${status}"]`).waitFor(WAIT);
}

/** Fill a class session through the API as the owner: confirmed bookings until it answers "full" (428). */
export async function fillSession(server: TestServer, serviceId: string, eventId: string): Promise<void> {
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
