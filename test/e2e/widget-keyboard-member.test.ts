/** The widget end to end, continued: by keyboard alone, and a signed-in member paying with a pricing plan. */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { type TestServer } from '../server/helpers.js';
import { useDemo } from './browser.js';
import { WAIT, openDemo, step, atStep, axe, chooseService, serviceId, firstSlot, waitForStatus } from './widget-steps.js';

describe('the booking widget end to end: keyboard and member', () => {
  const shared = useDemo();
  let server: TestServer;
  let browser: Browser;
  before(() => {
    ({ server, browser } = shared);
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
