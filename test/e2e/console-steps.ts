/**
 * Steps every console test takes: open `/console/` in a fresh browser context (the studio's zone is New York, the
 * browser's Berlin, so times must read in the studio's), collect page errors and CSP violations, and sign in.
 */
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_OWNER } from '../../server/seed/demo.js';
import { createMailer } from '../../server/notifications/email/index.js';
import { startServer, type TestServer } from '../server/helpers.js';
import { NOW } from '../server/bookings-fixtures.js';
import { DEMO_STATIC_ROOTS, launchChromium } from './browser.js';
import { WAIT } from './widget-steps.js';

export interface ConsoleServerOptions {
  /** A moving clock instead of the fixed one (the widget shows today's times); the seed then uses real time. */
  clock?: () => Date;
  /** Emails are sent (no reminders), written as `.eml` files here, for the outbox. */
  mailDir?: string;
  /** Emails are sent (no reminders) to this SMTP server instead (test/server/smtp-inbox.ts). */
  smtpUrl?: string;
}

/**
 * The demo server serving the built console, seeded and running at a fixed clock (Tuesday 1 December 2026, 10 AM
 * in New York), so the bookings a test makes are in the future whatever today is; and a browser.
 */
export async function startConsoleServer(options: ConsoleServerOptions = {}): Promise<{ server: TestServer; browser: Browser }> {
  const { clock, mailDir, smtpUrl } = options;
  const from = 'Harbor <bookings@harbor.example>';
  const mailer = smtpUrl ? createMailer({ from, smtpUrl }) : mailDir ? createMailer({ from, mailDir }) : undefined;
  const server = await startServer({
    ...(clock ? {} : { now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()) }),
    server: {
      clock: clock ?? (() => NOW),
      staticRoots: DEMO_STATIC_ROOTS,
      ...(mailer
        ? { notifications: { mailer, publicUrl: 'https://book.example', ...(mailDir ? { mailDir } : {}), reminderHours: 0 } }
        : {}),
    },
  });
  return { server, browser: await launchChromium() };
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and Content-Security-Policy violations; every test ends asserting it is empty. */
  errors: string[];
}

export interface OpenOptions {
  width?: number;
  dark?: boolean;
  /** Sign in with this account at once (the login form is left open otherwise). */
  account?: { email: string; password: string };
  /**
   * The view to open (its address, `#<view>`) and to wait for after signing in: `bookings` by default, so the
   * tests of that view need not know which view the console opens on (the agenda).
   */
  view?: string;
}

export async function openConsole(browser: Browser, serverUrl: string, options: OpenOptions = {}): Promise<ConsolePage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1100, height: 800 },
    colorScheme: options.dark ? 'dark' : 'light',
    timezoneId: 'Europe/Berlin', // not the studio's zone: times must still read in New York's
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) errors.push(m.text());
  });
  const answer = await page.goto(`${serverUrl}/console/#${options.view ?? 'bookings'}`);
  assert.match((await answer?.allHeaders())?.['content-security-policy'] ?? '', /script-src 'self'/);
  await page.locator('[data-view="login"]').waitFor(WAIT);
  if (options.account) {
    await logIn(page, options.account);
    await page.locator(`[data-view="${options.view ?? 'bookings'}"]`).waitFor(WAIT);
  }
  return { context, page, errors };
}

/** Fills the login form and presses Log in; the demo owner by default. */
export async function logIn(page: Page, account: { email: string; password: string } = DEMO_OWNER): Promise<void> {
  await page.locator('[data-view="login"] input[name="email"]').fill(account.email);
  await page.locator('[data-view="login"] input[name="password"]').fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

/** Presses Tab from where focus is until `target` has it (a keyboard user's way there); fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, what: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el.matches(':focus'))) return;
  }
  assert.fail(`Tab does not reach ${what}`);
}
