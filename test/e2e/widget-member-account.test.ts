/**
 * A member's account in the widget (contract section 15), end to end against the real server with emails written
 * as `.eml` files: sign up on the details step and book as that member; "Forgot password?", the emailed link
 * opened in a fresh browser context, a new password set and used to log in; the same link refused a second time.
 * axe on every new form.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../server/helpers.js';
import { startConsoleServer } from './console-steps.js';
import { screenshot } from './browser.js';
import { WAIT, atStep, axe, chooseService, firstSlot, openDemo, step } from './widget-steps.js';

const MEMBER = { firstName: 'Nia', lastName: 'Okafor', email: 'nia.okafor@example.com', password: 'harbor sunrise flow' };
const FORGETFUL = { email: 'forgetful@example.com', password: 'the old passphrase', next: 'a fresh new passphrase' };

/** Community Yoga at its first open time: the widget then shows the details step. */
async function toDetails(page: Page, server: TestServer): Promise<void> {
  await chooseService(page, server, 'Community Yoga');
  await atStep(page, 'slot');
  await (await firstSlot(page)).click();
  await step(page, 'slot').getByRole('button', { name: 'Continue' }).click();
  await atStep(page, 'details');
  await step(page, 'details').getByText('Log in as a member').click();
}

/** The password-reset link's path and query, from the newest such `.eml` file (waits for the outbox to write it). */
async function emailedResetPath(mailDir: string, to: string): Promise<string> {
  for (let i = 0; i < 300; i++) {
    for (const file of readdirSync(mailDir).sort().reverse()) {
      const mail = await simpleParser(readFileSync(join(mailDir, file)));
      const match = /https?:\/\/[^/\s]+(\/reset-password\.html\?reset=[A-Za-z0-9_-]+)/.exec(mail.text ?? '');
      if (mail.subject?.startsWith('Reset your password') && mail.text?.includes(to) && match?.[1]) return match[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no password-reset email to ${to} in ${mailDir}`);
}

describe('a member account in the widget', () => {
  let server: TestServer;
  let browser: Browser;
  let mailDir: string;
  let resetPath = '';

  before(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'widget-member-mail-'));
    ({ server, browser } = await startConsoleServer({ clock: () => new Date(), mailDir }));
  });
  after(async () => {
    await browser.close();
    await server.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('signs up on the details step, with errors beside the fields, and books as that member', async () => {
    const { context, page, errors } = await openDemo(browser, server);
    await toDetails(page, server);
    const details = step(page, 'details');
    await details.getByRole('button', { name: 'Create an account' }).click();
    const form = details.locator('booking-widget-member-forms');
    await form.getByRole('heading', { name: 'Create an account' }).waitFor(WAIT);
    await form.getByLabel('Email').fill('not an email');
    // Leaving the field shows its error (and moves the button down) before the click.
    await form.getByLabel('Email').press('Tab');
    await form.locator('#account-email-error').waitFor(WAIT);
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.locator('#account-firstName[aria-invalid="true"]').waitFor(WAIT);
    assert.match((await form.locator('#account-email-error').textContent()) ?? '', /like name@example.com/);
    assert.equal(await form.getByLabel('Email').inputValue(), 'not an email', 'nothing typed is lost');
    await axe(page, 'sign-up form with errors');

    await form.getByLabel('First name').fill(MEMBER.firstName);
    await form.getByLabel('Last name').fill(MEMBER.lastName);
    await form.getByLabel('Email').fill(MEMBER.email);
    await form.getByLabel('Password').fill(MEMBER.password);
    await screenshot(page, 'widget-member-sign-up');
    await form.getByRole('button', { name: 'Create account' }).click();
    await details.getByText(`Logged in as ${MEMBER.email}.`).waitFor(WAIT);
    assert.equal(await details.locator('#firstName').inputValue(), MEMBER.firstName, "the member's name fills the details");
    await details.getByRole('button', { name: 'Continue' }).click();
    await atStep(page, 'review');
    await step(page, 'review').getByRole('button', { name: 'Book' }).click();
    await page.locator('booking-widget [data-status]').waitFor(WAIT);

    const token = (await server.call('POST', '/oauth2/token', { body: { grantType: 'password', ...MEMBER } })).body.access_token;
    const mine = await server.call('POST', '/bookings-reader/v2/extended-bookings/query', { token, body: { query: {} } });
    assert.equal(mine.body.extendedBookings.length, 1, "the booking is the new member's");
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('emails a link from "Forgot password?"; the link, opened in a fresh context, sets a password that logs in', async () => {
    const registered = await server.call('POST', '/members/v1/members/register', {
      body: { email: FORGETFUL.email, password: FORGETFUL.password },
    });
    assert.equal(registered.status, 202);
    const asking = await openDemo(browser, server);
    await toDetails(asking.page, server);
    const details = step(asking.page, 'details');
    await details.getByRole('button', { name: 'Forgot password?' }).click();
    const form = details.locator('booking-widget-member-forms');
    await form.getByLabel('Email').fill(FORGETFUL.email);
    await form.getByRole('button', { name: 'Email me a link' }).click();
    await form.getByText(`If an account exists for ${FORGETFUL.email}, we emailed a link`).waitFor(WAIT);
    await axe(asking.page, 'forgot-password form');
    await asking.context.close();

    resetPath = await emailedResetPath(mailDir, FORGETFUL.email);
    const { context, page, errors } = await openDemo(browser, server, resetPath);
    await atStep(page, 'reset-password');
    assert.ok(!page.url().includes('reset='), 'the token leaves the address bar');
    const reset = step(page, 'reset-password');
    await reset.getByRole('heading', { name: 'Set a new password' }).waitFor(WAIT);
    await axe(page, 'set-a-new-password form');
    await reset.getByLabel('New password').fill(FORGETFUL.next);
    await screenshot(page, 'widget-member-reset-password');
    await reset.getByRole('button', { name: 'Save new password' }).click();
    await reset.getByText('Your new password is saved.').waitFor(WAIT);
    await reset.getByRole('button', { name: 'Continue to booking' }).click();

    await toDetails(page, server);
    const login = step(page, 'details');
    await login.locator('#login-email').fill(FORGETFUL.email);
    await login.locator('#login-password').fill(FORGETFUL.next);
    await login.getByRole('button', { name: 'Log in', exact: true }).click();
    await login.getByText(`Logged in as ${FORGETFUL.email}.`).waitFor(WAIT);
    await login.getByRole('button', { name: 'Log out' }).click();
    await login.getByText('Log in as a member').waitFor(WAIT);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('refuses the link a second time with a clear message, and goes on to booking', async () => {
    assert.ok(resetPath, 'the previous test read the link');
    const { context, page, errors } = await openDemo(browser, server, resetPath);
    const reset = step(page, 'reset-password');
    await reset.getByLabel('New password').fill('yet another passphrase');
    await reset.getByRole('button', { name: 'Save new password' }).click();
    await reset
      .getByRole('alert')
      .getByText(/already used/)
      .waitFor(WAIT);
    assert.equal(await reset.getByLabel('New password').inputValue(), 'yet another passphrase', 'nothing typed is lost');
    await axe(page, 'a used link');
    await reset.getByRole('button', { name: 'Continue to booking' }).click();
    await atStep(page, 'service');
    const old = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'password', email: FORGETFUL.email, password: 'yet another passphrase' },
    });
    assert.equal(old.status, 401, 'the refused link changed nothing');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
