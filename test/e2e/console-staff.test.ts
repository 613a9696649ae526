/**
 * The console's Staff view (`data-view="staff"`, OWNER): the weekly working hours edited there move the
 * appointment slots of that weekday in the public time-slots API; bad hours are refused beside the field with what
 * was typed kept, and someone else's save first shows theirs beside the form; Remove asks first. Axe on each state.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import { OWNER_KEY } from '../server/helpers.js';
import { screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole } from './console-steps.js';
import { useStudio } from './console-booking-steps.js';

/** Wednesday 9 December 2026, a week after the fixed clock's Tuesday, in the studio's zone. */
const WEDNESDAY = { fromLocalDate: '2026-12-09T00:00:00', toLocalDate: '2026-12-10T00:00:00' };

async function openStaff(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Staff' }).click();
  const view = page.locator('[data-view="staff"]');
  await view.locator('[data-staff-member-id]').first().waitFor(WAIT);
  return view;
}

const card = (view: Locator, name: string) => view.locator('[data-staff-member-id]').filter({ hasText: name });

describe("the console's staff", () => {
  const ctx = useStudio();

  async function wednesdayStarts(): Promise<string[]> {
    const r = await ctx.studio.server.call('POST', '/service-availability/v2/time-slots', {
      body: { serviceId: ctx.studio.training.id, ...WEDNESDAY },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return [...new Set((r.body.timeSlots as { localStartDate: string }[]).map((s) => s.localStartDate.slice(11, 16)))].sort();
  }

  it("edits a staff member's week, and that weekday's appointment slots change", async () => {
    const { context, page, errors } = await openConsole(ctx.browser, ctx.studio.server.url, { account: DEMO_OWNER, view: 'agenda' });
    const view = await openStaff(page);
    await assert.doesNotReject(card(view, 'Alex Rivera').getByText('Personal Training').waitFor(WAIT));
    await screenshot(page, 'console-staff');
    await axe(page, 'staff');
    const before = await wednesdayStarts();
    assert.ok(!before.includes('18:00'), `nobody works at 6 PM: ${before.join(' ')}`);

    await card(view, 'Alex Rivera').getByRole('button', { name: 'Edit Alex Rivera' }).click();
    await view.getByRole('button', { name: 'Add hours on Wednesday' }).click();
    // Focus is on the new range's start: typed by keyboard.
    const start = view.getByLabel('Wednesday start 2');
    await start.fill('18:00');
    await view.getByLabel('Wednesday end 2').fill('20:00');
    await axe(page, 'staff form');
    await view.getByRole('button', { name: 'Save' }).click();
    await view.getByRole('status').getByText('Alex Rivera saved.').waitFor(WAIT);
    await assert.doesNotReject(card(view, 'Alex Rivera').getByText('Wed 18:00–20:00').waitFor(WAIT));

    const after = await wednesdayStarts();
    assert.deepEqual(
      after.filter((t) => !before.includes(t)),
      ['18:00', '18:30', '19:00', '19:30'],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('refuses bad hours beside the field and keeps what was typed; a save in between shows theirs', async () => {
    const { context, page, errors } = await openConsole(ctx.browser, ctx.studio.server.url, { account: DEMO_OWNER, view: 'agenda' });
    const view = await openStaff(page);
    await card(view, 'Sam Patel').getByRole('button', { name: 'Edit Sam Patel' }).click();
    await view.getByLabel('Name').fill('Sam Patel-Ortiz');
    await view.getByLabel('Monday end 1').fill('08:00');
    await view.getByRole('button', { name: 'Add hours on Tuesday' }).click();
    await view.getByLabel('Tuesday start 2').fill('16:00');
    await view.getByLabel('Tuesday end 2').fill('18:00');
    await view.getByRole('button', { name: 'Save' }).click();

    const mondayEnd = view.getByLabel('Monday end 1');
    await assert.doesNotReject(view.getByText('Ends after it starts.').waitFor(WAIT));
    assert.equal(await mondayEnd.getAttribute('aria-invalid'), 'true');
    assert.equal(await mondayEnd.inputValue(), '08:00');
    assert.ok(await mondayEnd.evaluate((el) => el.matches(':focus')), 'focus on the first field to change');
    await assert.doesNotReject(view.getByText('Overlaps 09:00–17:00 the same day.').waitFor(WAIT));
    assert.equal(await view.getByLabel('Name').inputValue(), 'Sam Patel-Ortiz');
    await axe(page, 'staff refused');

    // Fixed; meanwhile someone else renames Sam through the API.
    await mondayEnd.fill('12:00');
    await view.getByLabel('Tuesday start 2').fill('17:00');
    const sam = await ctx.studio.server.call('GET', `/bookings/v1/staff-members/${ctx.studio.sam}`, { token: OWNER_KEY });
    const renamed = await ctx.studio.server.call('PATCH', `/bookings/v1/staff-members/${ctx.studio.sam}`, {
      token: OWNER_KEY,
      body: { staffMember: { name: 'Samuel Patel', revision: sam.body.staffMember.revision } },
    });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    await view.getByRole('button', { name: 'Save' }).click();
    const theirs = view.locator('[data-theirs]');
    await assert.doesNotReject(theirs.getByText('Samuel Patel').waitFor(WAIT));
    assert.equal(await view.getByLabel('Name').inputValue(), 'Sam Patel-Ortiz');
    await axe(page, 'staff conflict');
    await view.getByRole('button', { name: 'Save' }).click();
    await view.getByRole('status').getByText('Sam Patel-Ortiz saved.').waitFor(WAIT);
    const saved = await ctx.studio.server.call('GET', `/bookings/v1/staff-members/${ctx.studio.sam}`, { token: OWNER_KEY });
    assert.deepEqual(
      (saved.body.staffMember.workingHours as { day: string }[]).filter((h) => h.day === 'MON' || h.day === 'TUE'),
      [
        { day: 'MON', startTime: '09:00', endTime: '12:00' },
        { day: 'TUE', startTime: '09:00', endTime: '17:00' },
        { day: 'TUE', startTime: '17:00', endTime: '18:00' },
      ],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("gives a staff member a day off, and that day's appointment slots are no longer theirs", async () => {
    const thursday = async () => {
      const r = await ctx.studio.server.call('POST', '/service-availability/v2/time-slots', {
        body: { serviceId: ctx.studio.training.id, fromLocalDate: '2026-12-10T00:00:00', toLocalDate: '2026-12-11T00:00:00' },
      });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const slots = r.body.timeSlots as { availableResources: { resources: { id: string }[] }[] }[];
      const whose = (id: string) => slots.filter((s) => s.availableResources.some((t) => t.resources.some((x) => x.id === id))).length;
      return { alex: whose(ctx.studio.alex), sam: whose(ctx.studio.sam) };
    };
    const before = await thursday();
    assert.ok(before.alex > 0 && before.sam > 0, JSON.stringify(before));

    const { context, page, errors } = await openConsole(ctx.browser, ctx.studio.server.url, { account: DEMO_OWNER, view: 'agenda' });
    const view = await openStaff(page);
    await card(view, 'Alex Rivera').getByRole('button', { name: 'Edit Alex Rivera' }).click();
    await view.getByRole('button', { name: 'Add time off' }).click();
    await view.getByLabel('Time off 1 from').fill('2026-12-10T00:00');
    await view.getByLabel('Time off 1 until').fill('2026-12-09T00:00');
    await view.getByRole('button', { name: 'Save' }).click();
    const until = view.getByLabel('Time off 1 until');
    await assert.doesNotReject(view.locator('[data-time-off]').getByText('Ends after it starts.').waitFor(WAIT));
    assert.equal(await until.inputValue(), '2026-12-09T00:00');
    await axe(page, 'staff time off refused');
    await until.fill('2026-12-11T00:00');
    await view.getByRole('button', { name: 'Save' }).click();
    await view.getByRole('status').getByText('Alex Rivera saved.').waitFor(WAIT);
    await assert.doesNotReject(card(view, 'Alex Rivera').getByText('Time off: 2026-12-10 00:00 – 2026-12-11 00:00').waitFor(WAIT));

    const after = await thursday();
    assert.deepEqual(after, { alex: 0, sam: before.sam });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('adds and removes a staff member after asking, at 360 px in the dark', async () => {
    const { context, page, errors } = await openConsole(ctx.browser, ctx.studio.server.url, {
      account: DEMO_OWNER,
      view: 'agenda',
      width: 360,
      dark: true,
    });
    const view = await openStaff(page);
    await view.getByRole('button', { name: 'Add staff member' }).click();
    await view.getByLabel('Name').fill('Robin Hart');
    await view.getByLabel('Email').fill('robin@harbor.example');
    await view.getByRole('button', { name: 'Add hours on Saturday' }).click();
    await view.getByRole('button', { name: 'Save' }).click();
    await view.getByRole('status').getByText('Robin Hart added.').waitFor(WAIT);
    await assert.doesNotReject(card(view, 'Robin Hart').getByText('Sat 09:00–17:00').waitFor(WAIT));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scroll');
    await screenshot(page, 'console-staff-dark-360');

    await card(view, 'Robin Hart').getByRole('button', { name: 'Remove Robin Hart' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Robin Hart?' });
    await dialog.waitFor(WAIT);
    await axe(page, 'staff remove dialog');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await view.getByRole('status').getByText('Robin Hart removed.').waitFor(WAIT);
    assert.equal(await card(view, 'Robin Hart').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
