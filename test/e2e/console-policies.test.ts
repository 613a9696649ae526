/**
 * The console's Policies and Policy views (`data-view="policies"` and `"policy"`, an extension of contract section
 * 12): a shared policy made in the console, assigned to two services from its "Used by" list, reaches both services
 * and availability (a slot within its 2-hour late limit is `tooLateToBook`); a policy saved meanwhile through the API
 * shows both versions and keeps what was typed, and a service saved meanwhile is named as not moved while the others
 * move; the default policy's Delete is refused with the server's message; the service form's Booking policy select.
 * axe on each view and state; light pictures and one dark at 360 px.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import { screenshot } from './browser.js';
import { WAIT, axe, serviceId } from './widget-steps.js';
import { openConsole, startConsoleServer } from './console-steps.js';

interface Policy {
  id: string;
  name: string;
  revision: string;
  default?: boolean;
  limitLateBookingPolicy: { enabled: boolean; latestBookingInMinutes: number };
  cancellationPolicy: { enabled: boolean; limitLatestCancellation: boolean; latestCancellationInMinutes: number };
  waitlistPolicy: { enabled: boolean; capacity: number };
}
interface ServiceWithPolicy {
  id: string;
  revision: string;
  bookingPolicy: Policy;
}
interface Slot {
  localStartDate: string;
  bookingPolicyViolations?: { tooLateToBook?: boolean };
}

describe("the console's booking policies", () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    ({ server, browser } = await startConsoleServer());
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const owner = { token: OWNER_KEY };
  const form = (page: Page) => page.locator('[data-view="policy"]');
  const field = (page: Page, label: string) => form(page).getByLabel(label, { exact: true });
  const save = (page: Page) => form(page).getByRole('button', { name: 'Save', exact: true }).click();
  const status = (page: Page, text: string) => form(page).getByRole('status').filter({ hasText: text }).waitFor(WAIT);
  const usedBy = (page: Page, name: string) => form(page).locator('[data-used-by]').getByRole('checkbox', { name, exact: true });

  async function policyNamed(name: string): Promise<Policy> {
    const { body } = await server.call('POST', '/bookings/v1/booking-policies/query', { body: {} });
    const found = (body.bookingPolicies as Policy[]).find((p) => p.name === name);
    assert.ok(found, `policy ${name}`);
    return found;
  }
  async function service(id: string): Promise<ServiceWithPolicy> {
    return (await server.call('GET', `/bookings/v2/services/${id}`, owner)).body.service as ServiceWithPolicy;
  }
  async function openPolicy(page: Page, id: string): Promise<void> {
    await page.evaluate((hash) => (location.hash = hash), `#policy/${id}`);
    await form(page).locator('form').waitFor(WAIT);
  }

  it('makes a shared policy, assigns it to two services, and availability keeps its 2-hour late limit', async () => {
    const training = await serviceId(server, 'Personal Training');
    const yoga = await serviceId(server, 'Community Yoga');
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER });
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Policies' }).click();
    const list = page.locator('[data-view="policies"]');
    await page.locator('[data-view="policies"][aria-busy="false"]').waitFor(WAIT);
    const standard = list.locator('[data-default="true"]');
    await standard
      .filter({ hasText: 'Standard' })
      .filter({ hasText: 'Book at least 1 hour ahead · Cancel up to 12 hours before' })
      .waitFor(WAIT);
    await axe(page, 'policies');

    await list.getByRole('link', { name: 'New policy' }).click();
    await form(page).locator('form').waitFor(WAIT);
    await field(page, 'Name').fill('Short notice');
    await field(page, 'Limit how late customers can book').check();
    await field(page, 'Book at least').fill('2');
    await field(page, 'Book at least (unit)').selectOption('hours');
    await field(page, 'Only until a set time before the start').first().check();
    await field(page, 'Cancel up to').fill('1');
    await field(page, 'Cancel up to (unit)').selectOption('days');
    await usedBy(page, 'Personal Training').check();
    await usedBy(page, 'Community Yoga').check();
    await axe(page, 'new policy');
    await save(page);
    await status(page, 'Created. 2 services moved.');
    await page.waitForURL(/#policy\/[0-9a-f-]{36}$/, WAIT);
    await form(page).getByRole('heading', { name: 'Short notice' }).waitFor(WAIT);
    // 1 day is shown back as the unit it reads best in.
    assert.equal(await field(page, 'Cancel up to').inputValue(), '24');
    assert.equal(await field(page, 'Cancel up to (unit)').inputValue(), 'hours');
    await screenshot(page, 'console-policy');

    const created = await policyNamed('Short notice');
    assert.deepEqual(created.limitLateBookingPolicy, { enabled: true, latestBookingInMinutes: 120 });
    assert.equal(created.cancellationPolicy.limitLatestCancellation, true);
    assert.equal(created.cancellationPolicy.latestCancellationInMinutes, 1440);
    for (const id of [training, yoga]) {
      const s = await service(id);
      assert.equal(s.bookingPolicy.id, created.id);
      assert.equal(s.bookingPolicy.limitLateBookingPolicy.latestBookingInMinutes, 120);
    }

    // The clock is 10:00 in New York: a slot 60 to 119 minutes ahead was bookable (Standard: 1 hour), now too late.
    const { body } = await server.call('POST', '/service-availability/v2/time-slots', {
      body: { serviceId: training, fromLocalDate: '2026-12-01T00:00:00', toLocalDate: '2026-12-02T00:00:00', timeZone: 'America/New_York' },
    });
    const slots = body.timeSlots as Slot[];
    const soon = slots.filter((s) => s.localStartDate >= '2026-12-01T11:00:00' && s.localStartDate < '2026-12-01T12:00:00');
    const later = slots.filter((s) => s.localStartDate > '2026-12-01T12:00:00');
    assert.ok(soon.length > 0 && later.length > 0, 'slots within and beyond 2 hours');
    for (const s of soon) assert.equal(s.bookingPolicyViolations?.tooLateToBook, true, s.localStartDate);
    for (const s of later) assert.notEqual(s.bookingPolicyViolations?.tooLateToBook, true, s.localStartDate);

    await form(page).getByRole('link', { name: 'All policies' }).click();
    const card = page.locator(`[data-view="policies"] [data-policy-id="${created.id}"]`);
    await card.filter({ hasText: 'Book at least 2 hours ahead · Cancel up to 24 hours before · Reschedule any time' }).waitFor(WAIT);
    await card.filter({ hasText: 'Used by Community Yoga, Personal Training' }).waitFor(WAIT);
    await screenshot(page, 'console-policies');
    await context.close();
    assert.deepEqual(errors, []);
  });

  it('shows both versions when the policy was saved meanwhile, keeps what was typed, and names a service it could not move', async () => {
    const flow = await policyNamed('Flow classes');
    const climb = await serviceId(server, 'Family Climb');
    const strength = await serviceId(server, 'Strength Foundations');
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'policies' });
    await openPolicy(page, flow.id);
    await field(page, 'Places on the waiting list').fill('8');
    await field(page, 'Book at least').fill('45');
    await usedBy(page, 'Family Climb').check();
    await usedBy(page, 'Strength Foundations').check();

    // Meanwhile: the policy and one of the ticked services are saved through the API.
    const patched = await server.call('PATCH', `/bookings/v1/booking-policies/${flow.id}`, {
      ...owner,
      body: { bookingPolicy: { revision: flow.revision, name: 'Flow classes (winter)', waitlistPolicy: { enabled: true, capacity: 3 } } },
    });
    assert.equal(patched.status, 200);
    const before = await service(strength);
    const touched = await server.call('PATCH', `/bookings/v2/services/${strength}`, {
      ...owner,
      body: { service: { revision: before.revision, tagLine: 'Six weeks' } },
    });
    assert.equal(touched.status, 200);

    await save(page);
    const conflict = form(page).locator('[data-conflict]');
    await conflict.getByRole('heading', { name: 'Someone else saved first' }).waitFor(WAIT);
    assert.ok(await conflict.getByRole('heading').evaluate((h) => h.matches(':focus')), 'focus moves to the conflict');
    const row = (f: string) => conflict.locator(`tr[data-field="${f}"]`);
    assert.equal(await row('name').locator('.theirs').textContent(), 'Flow classes (winter)');
    assert.equal(await row('name').locator('.yours').textContent(), 'Flow classes');
    assert.equal(await row('waitlistCapacity').locator('.theirs').textContent(), '3');
    assert.equal(await row('waitlistCapacity').locator('.yours').textContent(), '8');
    assert.equal(await row('late').locator('.theirs').textContent(), '30 minutes');
    assert.equal(await row('late').locator('.yours').textContent(), '45 minutes');
    assert.equal(await field(page, 'Places on the waiting list').inputValue(), '8');
    assert.equal(await field(page, 'Book at least').inputValue(), '45');
    assert.equal(await usedBy(page, 'Family Climb').isChecked(), true);
    await axe(page, 'policy conflict');

    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await status(page, 'Saved. 1 service moved.');
    const failure = form(page).locator(`[data-used-by] [role="alert"] [data-service-id="${strength}"]`);
    await failure.filter({ hasText: 'Strength Foundations' }).waitFor(WAIT);
    // The refused one keeps its tick, so Save tries it again.
    assert.equal(await usedBy(page, 'Strength Foundations').isChecked(), true);
    const saved = await policyNamed('Flow classes');
    assert.equal(saved.revision, '3');
    assert.equal(saved.waitlistPolicy.capacity, 8);
    assert.equal(saved.limitLateBookingPolicy.latestBookingInMinutes, 45);
    assert.equal((await service(climb)).bookingPolicy.id, flow.id);
    assert.notEqual((await service(strength)).bookingPolicy.id, flow.id);
    await axe(page, 'policy with a service not moved');

    await save(page);
    await status(page, 'Saved. 1 service moved.');
    assert.equal((await service(strength)).bookingPolicy.id, flow.id);
    assert.equal(await form(page).locator('[data-used-by] [role="alert"]').count(), 0);
    await context.close();
    assert.deepEqual(errors, []);
  });

  it('refuses bad input beside the field, and the default policy’s Delete with the server’s message, at 360 px in the dark', async () => {
    const standard = await policyNamed('Standard');
    const { context, page, errors } = await openConsole(browser, server.url, {
      account: DEMO_OWNER,
      width: 360,
      dark: true,
      view: 'policies',
    });
    await openPolicy(page, standard.id);
    await form(page).locator('[data-default]').waitFor(WAIT);

    await field(page, 'People in one booking, at most').fill('none');
    await save(page);
    const people = field(page, 'People in one booking, at most');
    await form(page).locator('#e-maxParticipants').filter({ hasText: 'Enter a whole number, 1 or more.' }).waitFor(WAIT);
    assert.equal(await people.getAttribute('aria-invalid'), 'true');
    assert.ok(await people.evaluate((el) => el.matches(':focus')), 'focus moves to the field to fix');

    // The server's own rule (a freed waiting-list spot is held a day at most), beside its field.
    await people.fill('2');
    await field(page, 'Waiting list when a session is full').check();
    await field(page, 'A freed spot is held for').fill('2');
    await field(page, 'A freed spot is held for (unit)').selectOption('days');
    await save(page);
    await form(page).locator('#e-waitlistHold').waitFor(WAIT);
    assert.equal(await field(page, 'A freed spot is held for').inputValue(), '2');
    assert.equal(await people.inputValue(), '2');

    await form(page).getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this policy?' });
    await dialog.waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await form(page).locator('#form-error').filter({ hasText: 'This is the default booking policy' }).waitFor(WAIT);
    assert.equal((await server.call('GET', `/bookings/v1/booking-policies/${standard.id}`)).status, 200);
    await axe(page, 'policy with errors');
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(sideways, false, 'no sideways scroll at 360 px');
    await screenshot(page, 'console-policy-dark-360');
    await context.close();
    assert.deepEqual(errors, []);
  });

  it("changes a service's policy from the service form, and a deleted policy's services move to the default", async () => {
    const vinyasa = await serviceId(server, 'Vinyasa Flow');
    const family = await policyNamed('Family groups');
    const { context, page, errors } = await openConsole(browser, server.url, { account: DEMO_OWNER, view: 'services' });
    await page.evaluate((hash) => (location.hash = hash), `#service/${vinyasa}`);
    const serviceForm = page.locator('[data-view="service"]');
    await serviceForm.locator('form').waitFor(WAIT);
    const select = serviceForm.getByLabel('Booking policy', { exact: true });
    await select.selectOption({ label: 'Family groups' });
    await serviceForm.getByText('Up to 6 per booking').waitFor(WAIT);
    await serviceForm.getByRole('button', { name: 'Save' }).click();
    await serviceForm.getByRole('status').filter({ hasText: 'Saved.' }).waitFor(WAIT);
    assert.equal((await service(vinyasa)).bookingPolicy.id, family.id);
    await axe(page, 'service with its policy');

    await openPolicy(page, family.id);
    await form(page).getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this policy?' });
    await dialog.getByText(/using it moves? to the default policy\./).waitFor(WAIT);
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.locator('[data-view="policies"][aria-busy="false"]').waitFor(WAIT);
    assert.equal(await page.locator(`[data-policy-id="${family.id}"]`).count(), 0);
    const standard = await policyNamed('Standard');
    assert.equal((await service(vinyasa)).bookingPolicy.id, standard.id);
    await context.close();
    assert.deepEqual(errors, []);
  });
});
