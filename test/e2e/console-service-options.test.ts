/**
 * The service form's options and variants, payment and live preview (`data-view="service"`): the owner gives a
 * class a CUSTOM option with two priced variants and the widget offers both prices; payment options and the place are
 * saved and read back from the API, while the preview shows the price as it is typed; two owners save the same options and the
 * second sees both versions with what it typed kept. axe on the new sections in light, dark and at 360 px.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../server/helpers.js';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import type { Service, ServiceOptionsAndVariants } from '../../src/model/service.js';
import { screenshot } from './browser.js';
import { WAIT, axe, openDemo, serviceId, step } from './widget-steps.js';
import { openConsole, startConsoleServer } from './console-steps.js';

describe("the console's service options, payment and preview", () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    ({ server, browser } = await startConsoleServer());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const view = (page: Page) => page.locator('[data-view="service"]');
  const field = (page: Page, label: string) => view(page).getByLabel(label, { exact: true });
  const editor = (page: Page) => view(page).locator('console-variant-editor');
  const option = (page: Page, label: string) => editor(page).getByLabel(label, { exact: true });
  const preview = (page: Page) => view(page).locator('console-service-preview [data-preview]');

  async function openService(page: Page, id: string): Promise<void> {
    await page.evaluate((hash) => (location.hash = hash), `#service/${id}`);
    await view(page).locator('form').first().waitFor(WAIT);
  }

  async function service(id: string): Promise<Service> {
    return (await server.call('GET', `/bookings/v2/services/${id}`)).body.service as Service;
  }

  it('gives a class a custom option with two priced variants, and the widget offers both prices', async () => {
    const id = await serviceId(server, 'Vinyasa Flow');
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, width: 1280 });
    await openService(page, id);
    await field(page, 'Price').selectOption('VARIED');
    await view(page).getByRole('button', { name: 'Save', exact: true }).click();
    await view(page).getByRole('status').first().filter({ hasText: 'Saved.' }).waitFor(WAIT);

    await editor(page).getByRole('button', { name: 'Add options' }).click();
    await option(page, 'Option name').fill('Level');
    await option(page, 'Choice 1').fill('Drop-in');
    await option(page, 'Price for Drop-in').fill('15');
    await option(page, 'Choice 2').fill('Guest');
    await option(page, 'Price for Guest').fill('12');
    await preview(page).filter({ hasText: 'from $12.00' }).waitFor(WAIT);
    await editor(page).getByRole('button', { name: 'Save options' }).click();
    await editor(page).getByRole('status').filter({ hasText: 'Options saved.' }).waitFor(WAIT);
    await editor(page).locator('[data-price-range]').filter({ hasText: 'Prices from $12.00 to $15.00.' }).waitFor(WAIT);
    await axe(page, 'service with options');
    await screenshot(page, 'console-service');

    const saved = (await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${id}`)).body
      .serviceVariants as ServiceOptionsAndVariants;
    assert.deepEqual(
      saved.variants.values.map((v) => [v.choices[0]?.custom, v.price.value]),
      [
        ['Drop-in', '15.00'],
        ['Guest', '12.00'],
      ],
    );
    const demo = await openDemo(browser, server);
    const card = demo.page.locator(`booking-widget [data-service-id="${id}"]`);
    await card.filter({ hasText: 'from $12.00' }).waitFor(WAIT);
    await card.click();
    const variantStep = step(demo.page, 'variant');
    await variantStep.filter({ hasText: 'Drop-in' }).filter({ hasText: '$15.00' }).waitFor(WAIT);
    await variantStep.filter({ hasText: 'Guest' }).filter({ hasText: '$12.00' }).waitFor(WAIT);
    assert.deepEqual(demo.errors, []);
    await demo.context.close();
    await context.close();
    assert.deepEqual(errors, []);
  });

  it('shows the price in the preview as it is typed, and saves the payment options the API then reads', async () => {
    const id = await serviceId(server, 'Community Yoga');
    const plans = (await server.call('GET', '/pricing-plans/v2/plans')).body.plans as { id: string; name: string }[];
    const plan = plans.find((p) => p.name === '10-Class Pass');
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, width: 360, dark: true });
    await openService(page, id);
    await preview(page).filter({ hasText: 'Free' }).waitFor(WAIT);
    await field(page, 'Price').selectOption('FIXED');
    await field(page, 'Price amount').pressSequentially('18');
    await preview(page).locator('[data-preview-price]').filter({ hasText: '$18.00' }).waitFor(WAIT);
    await field(page, 'Deposit (optional, paid online)').fill('5');
    await preview(page).locator('[data-preview-deposit]').filter({ hasText: 'Deposit $5.00' }).waitFor(WAIT);
    await field(page, 'Tagline (one line under the name)').fill('Bring a mat');
    await preview(page).filter({ hasText: 'Bring a mat' }).waitFor(WAIT);
    await field(page, 'Where').selectOption('CUSTOM');
    await field(page, 'Address').fill('Pier 6, Brooklyn Bridge Park');
    await field(page, 'Online').check();
    await field(page, 'Customers may pay the full price instead of the deposit').uncheck();
    await field(page, 'Pricing plans accepted').check();
    await view(page).getByRole('checkbox', { name: '10-Class Pass' }).check();
    await preview(page).locator('[data-preview-plans]').waitFor(WAIT);
    await axe(page, 'service payment, dark, 360 px');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(sideways, false, 'no sideways scroll at 360 px');
    await screenshot(page, 'console-service-payment-dark-360');
    await view(page).getByRole('button', { name: 'Save', exact: true }).click();
    await view(page).getByRole('status').first().filter({ hasText: 'Saved.' }).waitFor(WAIT);

    const { payment, tagLine, locations } = await service(id);
    assert.equal(tagLine, 'Bring a mat');
    assert.deepEqual(locations, [{ type: 'CUSTOM', custom: { address: { formattedAddress: 'Pier 6, Brooklyn Bridge Park' } } }]);
    assert.equal(payment.rateType, 'FIXED');
    assert.deepEqual(payment.fixed, {
      price: { value: '18.00', currency: 'USD' },
      deposit: { value: '5.00', currency: 'USD' },
      fullUpfrontPaymentAllowed: false,
    });
    assert.deepEqual(payment.options, { online: true, inPerson: true, deposit: true, pricingPlan: true });
    assert.deepEqual(payment.pricingPlanIds, [plan?.id]);
    await context.close();
    assert.deepEqual(errors, []);
  });

  it('shows a second owner who saves the same options both versions and keeps what it typed', async () => {
    const id = await serviceId(server, 'Family Climb');
    const first = await openConsole(browser, server.url, { account: DEMO_OWNER });
    const second = await openConsole(browser, server.url, { account: DEMO_OWNER });
    await openService(first.page, id);
    await openService(second.page, id);
    await option(first.page, 'Option name').waitFor(WAIT);
    await option(second.page, 'Option name').waitFor(WAIT);

    await editor(first.page).locator('input[name="price-0"]').fill('31');
    await editor(first.page).getByRole('button', { name: 'Save options' }).click();
    await editor(first.page).getByRole('status').filter({ hasText: 'Options saved.' }).waitFor(WAIT);

    const { page } = second;
    await editor(page).locator('input[name="price-1"]').fill('9.50');
    await editor(page).getByRole('button', { name: 'Save options' }).click();
    const conflict = editor(page).locator('[data-variant-conflict]');
    await conflict.getByRole('heading', { name: 'Someone else saved these options first' }).waitFor(WAIT);
    assert.match((await conflict.locator('.theirs').textContent()) ?? '', /31\.00/);
    assert.match((await conflict.locator('.yours').textContent()) ?? '', /9\.50/);
    assert.equal(await editor(page).locator('input[name="price-1"]').inputValue(), '9.50', 'what was typed is kept');
    await axe(page, 'options conflict');

    await conflict.getByRole('button', { name: 'Save my options over theirs' }).click();
    await editor(page).getByRole('status').filter({ hasText: 'Options saved.' }).waitFor(WAIT);
    const saved = (await server.call('GET', `/bookings/v1/serviceOptionsAndVariants/service_id/${id}`)).body
      .serviceVariants as ServiceOptionsAndVariants;
    assert.equal(saved.variants.values[1]?.price.value, '9.50');
    assert.notEqual(saved.variants.values[0]?.price.value, '31.00', 'the second save is what was typed there');
    await first.context.close();
    await second.context.close();
    assert.deepEqual([...first.errors, ...second.errors], []);
  });
});
