/**
 * The console's Services and Service views (contract sections 3 and 12, `data-view="services"` and `"service"`):
 * the owner changes a price and the public catalogue and the widget show the new one; two owners save the same
 * service and the second sees both versions and keeps what it typed; a new class reaches the public catalogue,
 * leaves it when hidden and is deleted after a confirm; bad input is refused beside its field. axe on each view
 * and state; light pictures and one dark at 360 px.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import { screenshot } from './browser.js';
import { WAIT, axe, openDemo, serviceId } from './widget-steps.js';
import { openConsole, startConsoleServer } from './console-steps.js';

interface PublicService {
  id: string;
  name: string;
  type: string;
  defaultCapacity: number;
  payment: { rateType: string; fixed?: { price: { value: string } } };
}

describe("the console's services", () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    ({ server, browser } = await startConsoleServer());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function publicServices(): Promise<PublicService[]> {
    const { body } = await server.call('POST', '/bookings/v2/services/query', { body: {} });
    return body.services as PublicService[];
  }

  const form = (page: Page) => page.locator('[data-view="service"]');
  const field = (page: Page, label: string) => form(page).getByLabel(label, { exact: true });

  async function openService(page: Page, id: string): Promise<void> {
    await page.evaluate((hash) => (location.hash = hash), `#service/${id}`);
    await form(page).locator('form').waitFor(WAIT);
  }

  it('lists every service by type, changes a price, and the catalogue and the widget show the new one', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER });
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Services' }).click();
    const list = page.locator('[data-view="services"]');
    await page.locator('[data-view="services"][aria-busy="false"]').waitFor(WAIT);
    await list.getByRole('heading', { name: 'Class' }).waitFor(WAIT);
    for (const name of ['Vinyasa Flow', 'Personal Training', 'Strength Foundations']) await list.getByRole('link', { name }).waitFor(WAIT);
    await axe(page, 'services');
    await screenshot(page, 'console-services');

    await list.getByRole('link', { name: 'Vinyasa Flow' }).click();
    await form(page).locator('form').waitFor(WAIT);
    assert.equal(await field(page, 'Price amount').inputValue(), '20.00');
    await axe(page, 'service');
    await field(page, 'Price amount').fill('25');
    await form(page).getByRole('button', { name: 'Save' }).click();
    await form(page).getByRole('status').filter({ hasText: 'Saved.' }).waitFor(WAIT);
    assert.equal(await field(page, 'Price amount').inputValue(), '25.00');

    const vinyasa = (await publicServices()).find((s) => s.name === 'Vinyasa Flow');
    assert.equal(vinyasa?.payment.fixed?.price.value, '25.00');
    const demo = await openDemo(browser, server);
    const card = demo.page.locator(`booking-widget [data-service-id="${vinyasa?.id}"]`);
    await card.filter({ hasText: '$25.00' }).waitFor(WAIT);
    assert.deepEqual(demo.errors, []);
    await demo.context.close();
    await context.close();
    assert.deepEqual(errors, []);
  });

  it('shows a second owner who saves the same service both versions and keeps what it typed', async () => {
    const id = await serviceId(server, 'Strength Foundations');
    const first = await openConsole(browser, server.url, { account: DEMO_OWNER });
    const second = await openConsole(browser, server.url, { account: DEMO_OWNER });
    await openService(first.page, id);
    await openService(second.page, id);

    await field(first.page, 'Description').fill('Six weeks of the basics, now with kettlebells.');
    await form(first.page).getByRole('button', { name: 'Save' }).click();
    await form(first.page).getByRole('status').filter({ hasText: 'Saved.' }).waitFor(WAIT);

    const { page } = second;
    await field(page, 'Name').fill('Strength Foundations II');
    await field(page, 'Capacity (people a session)').fill('9');
    await form(page).getByRole('button', { name: 'Save' }).click();
    const conflict = form(page).locator('[data-conflict]');
    await conflict.getByRole('heading', { name: 'Someone else saved first' }).waitFor(WAIT);
    assert.ok(await conflict.getByRole('heading').evaluate((h) => h.matches(':focus')), 'focus moves to the conflict');
    const row = (f: string) => conflict.locator(`tr[data-field="${f}"]`);
    assert.equal(await row('description').locator('.theirs').textContent(), 'Six weeks of the basics, now with kettlebells.');
    assert.equal(await row('name').locator('.yours').textContent(), 'Strength Foundations II');
    assert.equal(await row('capacity').locator('.yours').textContent(), '9');
    // Nothing typed is lost: the form still holds it.
    assert.equal(await field(page, 'Name').inputValue(), 'Strength Foundations II');
    assert.equal(await field(page, 'Capacity (people a session)').inputValue(), '9');
    await axe(page, 'service conflict');

    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await form(page).getByRole('status').filter({ hasText: 'Saved.' }).waitFor(WAIT);
    const saved = (await server.call('GET', `/bookings/v2/services/${id}`)).body.service as PublicService & { revision: string };
    assert.equal(saved.name, 'Strength Foundations II');
    assert.equal(saved.defaultCapacity, 9);
    assert.equal(saved.revision, '3');
    await first.context.close();
    await second.context.close();
    assert.deepEqual([...first.errors, ...second.errors], []);
  });

  it('creates a class that the public catalogue lists at once, hides it and deletes it', async () => {
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'services' });
    await page.locator('[data-view="services"]').getByRole('link', { name: 'New service' }).click();
    await form(page).locator('form').waitFor(WAIT);
    await field(page, 'Name').fill('Evening Pilates');
    await field(page, 'Description').fill('Mat pilates after work.');
    await field(page, 'Category').fill('Pilates');
    await field(page, 'Type').selectOption('CLASS');
    await field(page, 'Capacity (people a session)').fill('8');
    await field(page, 'Duration (minutes; several: 30, 60)').fill('45');
    await field(page, 'Price amount').fill('22.50');
    await form(page).getByRole('checkbox', { name: 'Maya Chen' }).check();
    await form(page).getByRole('button', { name: 'Save' }).click();
    await form(page).getByRole('status').filter({ hasText: 'Created.' }).waitFor(WAIT);
    await page.waitForURL(/#service\/[0-9a-f-]{36}$/, WAIT);
    await form(page).getByRole('heading', { name: 'Evening Pilates' }).waitFor(WAIT);

    const created = (await publicServices()).find((s) => s.name === 'Evening Pilates');
    assert.equal(created?.type, 'CLASS');
    assert.equal(created?.defaultCapacity, 8);
    assert.equal(created?.payment.fixed?.price.value, '22.50');

    // Hidden: off the public catalogue, marked in the owner's list; then deleted, after the dialog.
    await field(page, 'Hidden from the site').check();
    await form(page).getByRole('button', { name: 'Save' }).click();
    await form(page).getByRole('status').filter({ hasText: 'Saved.' }).waitFor(WAIT);
    assert.equal(
      (await publicServices()).find((s) => s.name === 'Evening Pilates'),
      undefined,
    );
    await form(page).getByRole('link', { name: 'All services' }).click();
    const card = page.locator(`[data-view="services"] [data-service-id="${created?.id}"]`);
    await card.filter({ hasText: 'Hidden' }).waitFor(WAIT);
    await card.getByRole('link', { name: 'Evening Pilates' }).click();
    await form(page).getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this service?' });
    await dialog.waitFor(WAIT);
    assert.ok(await dialog.getByRole('button', { name: 'Keep it' }).evaluate((b) => b.matches(':focus')), 'focus on the safe choice');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.locator('[data-view="services"][aria-busy="false"]').waitFor(WAIT);
    assert.equal(await card.count(), 0);
    const gone = await server.call('GET', `/bookings/v2/services/${created?.id}`, { token: OWNER_KEY });
    assert.equal(gone.status, 404);
    await context.close();
    assert.deepEqual(errors, []);
  });

  it('refuses bad input beside the field, keeps what was typed, and reads at 360 px in the dark', async () => {
    const id = await serviceId(server, 'Community Yoga');
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, width: 360, dark: true });
    await openService(page, id);
    await field(page, 'Price').selectOption('FIXED');
    await field(page, 'Price amount').fill('ten');
    await form(page).getByRole('button', { name: 'Save' }).click();
    const price = field(page, 'Price amount');
    await form(page).locator('#e-price').filter({ hasText: 'Enter an amount like 25 or 25.50.' }).waitFor(WAIT);
    assert.equal(await price.getAttribute('aria-invalid'), 'true');
    assert.ok(await price.evaluate((el) => el.matches(':focus')), 'focus moves to the field to fix');

    // The server's own rule (a deposit above the price), beside the deposit.
    await price.fill('10');
    await field(page, 'Deposit (optional, paid online)').fill('30');
    await form(page).getByRole('button', { name: 'Save' }).click();
    await form(page).locator('#e-deposit').filter({ hasText: 'cannot be more than the price' }).waitFor(WAIT);
    assert.equal(await field(page, 'Deposit (optional, paid online)').inputValue(), '30');
    assert.equal(await price.inputValue(), '10');
    await axe(page, 'service with errors');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(sideways, false, 'no sideways scroll at 360 px');
    await screenshot(page, 'console-service-dark-360');
    const unchanged = (await server.call('GET', `/bookings/v2/services/${id}`)).body.service as PublicService;
    assert.equal(unchanged.payment.rateType, 'NO_FEE');
    await context.close();
    assert.deepEqual(errors, []);
  });
});
