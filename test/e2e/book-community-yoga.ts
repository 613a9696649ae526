/** A visitor's whole booking of the demo's free "Community Yoga" in an open widget, through to CONFIRMED. */
import type { Page } from 'playwright-core';
import type { TestServer } from '../server/helpers.js';

const WAIT = { timeout: 30_000 };

export async function bookCommunityYoga(page: Page, server: TestServer, guest: { firstName: string; lastName: string }): Promise<void> {
  const { body } = await server.call('POST', '/bookings/v2/services/query', { body: {} });
  const id = (body.services as { id: string; name: string }[]).find((s) => s.name === 'Community Yoga')?.id;
  await page.locator(`booking-widget [data-service-id="${id}"]`).click();
  const slot = page.locator('booking-widget [data-step="slot"] [data-slot-start]:not([disabled])').first();
  await slot.waitFor(WAIT);
  await slot.click();
  await page.locator('booking-widget [data-step="slot"]').getByRole('button', { name: 'Continue' }).click();
  const details = page.locator('booking-widget [data-step="details"]');
  await details.locator('#firstName').fill(guest.firstName);
  await details.locator('#lastName').fill(guest.lastName);
  await details.locator('#email').fill(`${guest.firstName.toLowerCase()}${Date.now()}@example.com`);
  await details.getByRole('button', { name: 'Continue' }).click();
  await page.locator('booking-widget [data-step="review"]').getByRole('button', { name: 'Book' }).click();
  await page.locator('booking-widget [data-status="CONFIRMED"]').waitFor(WAIT);
}
