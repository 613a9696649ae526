/**
 * The console's outbox view (contract section 12, `data-view="outbox"`), end to end with emails written as `.eml`
 * files: the owner sees a confirmed booking's email (kind, recipient, subject, status, time) and can download its
 * file; axe finds nothing; a STAFF account has no Outbox link.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { OWNER_KEY, type TestServer } from '../server/helpers.js';
import { appointmentBooking, serviceNamed, visitorToken } from '../server/bookings-fixtures.js';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';
import { screenshot } from './browser.js';
import { WAIT, axe } from './widget-steps.js';
import { openConsole, startConsoleServer, type OpenOptions } from './console-steps.js';

interface EmailRow {
  id: string;
  kind: string;
  status: string;
  bookingId?: string;
  subject?: string;
}

describe("the console's outbox view", () => {
  const mailDir = mkdtempSync(join(tmpdir(), 'console-outbox-'));
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    ({ server, browser } = await startConsoleServer({ mailDir }));
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  /** A Personal Training booking made by a visitor and confirmed by the owner; answers once its email is sent. */
  async function confirmedBooking(): Promise<{ bookingId: string; email: EmailRow }> {
    const training = await serviceNamed(server, 'Personal Training');
    const created = await server.call('POST', '/bookings/v2/bookings', {
      token: await visitorToken(server),
      body: appointmentBooking(training, '2026-12-09T10:00:00', '2026-12-09T11:00:00'),
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const { id, revision } = created.body.booking as { id: string; revision: string };
    const confirmed = await server.call('POST', `/bookings/v2/bookings/${id}/confirm`, { token: OWNER_KEY, body: { revision } });
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    for (const until = Date.now() + 20_000; ;) {
      const r = await server.call('GET', '/notifications/v1/emails', { token: OWNER_KEY });
      const email = (r.body.emails as EmailRow[]).find((e) => e.bookingId === id && e.kind === 'booking-confirmed' && e.status === 'DONE');
      if (email) return { bookingId: id, email };
      assert.ok(Date.now() < until, 'the confirmation email is sent');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const open = (account: { email: string; password: string }, options: OpenOptions = {}) =>
    openConsole(browser, server.url, { ...options, account });

  it('shows the owner the confirmation email, sent, with its file, and has no axe violations', async () => {
    const { email } = await confirmedBooking();
    const { context, page, errors } = await open(DEMO_OWNER);
    const nav = page.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('link', { name: 'Outbox' }).click();
    const row = page.locator(`[data-view="outbox"] tr[data-email-id="${email.id}"]`);
    await row.waitFor(WAIT);
    assert.equal(await nav.getByRole('link', { name: 'Outbox' }).getAttribute('aria-current'), 'page');
    const text = await row.innerText();
    assert.match(text, /Booking confirmed/);
    assert.match(text, /Customer/);
    assert.match(text, /Sent/);
    assert.match(text, /E[SD]T/, 'the time in the studio zone, not the browser zone');
    assert.match(email.subject ?? '', /^Booking confirmed/);
    assert.ok(text.includes(email.subject ?? '-'), 'the subject is on the row');
    await page.getByRole('table', { name: 'Emails sent or being sent, newest first' }).waitFor(WAIT);
    await axe(page, 'outbox');
    await screenshot(page, 'console-outbox');

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /Download \.eml/ }).click()]);
    assert.match(download.suggestedFilename(), /\.eml$/);
    assert.equal(errors.length, 0, errors.join('\n'));
    await context.close();
  });

  it('works at 360px wide in dark mode: the table scrolls in its own box, not the page, with no axe violations', async () => {
    const { context, page, errors } = await open(DEMO_OWNER, { width: 360, dark: true });
    await page.getByRole('link', { name: 'Outbox' }).click();
    await page.locator('[data-view="outbox"] tr[data-email-id]').first().waitFor(WAIT);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    assert.equal(sideways, false, 'the page does not scroll sideways');
    await axe(page, 'outbox, dark, 360px');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('gives a STAFF account no Outbox link, and keeps it on the default view (the agenda) at #outbox', async () => {
    const { context, page, errors } = await open(DEMO_STAFF);
    const nav = page.getByRole('navigation', { name: 'Console' });
    await nav.getByRole('link', { name: 'Bookings' }).waitFor(WAIT);
    assert.equal(await nav.getByText('Outbox').count(), 0);
    await page.evaluate(() => (location.hash = '#outbox'));
    await page.locator('[data-view="agenda"]').waitFor(WAIT);
    assert.equal(await page.locator('[data-view="outbox"]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
