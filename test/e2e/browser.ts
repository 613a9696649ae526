/** Shared set-up for end-to-end tests: a real server with the built widget and the demo site, and Chromium. */
import { before, after } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startServer, type TestServer } from '../server/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** The static sites as server/cli.ts serves them: `/widget/` from dist/, the console, the demo site at `/`. */
export const DEMO_STATIC_ROOTS = [
  { prefix: '/widget/', root: join(root, 'dist') },
  { prefix: '/console/', root: join(root, 'console') },
  { prefix: '/manage/', root: join(root, 'manage') },
  { prefix: '/', root: join(root, 'demo') },
];

/** The demo server as `npm start` runs it: API, `/widget/` from dist/, the console, the demo site at `/`. */
export function startDemoServer(): Promise<TestServer> {
  return startServer({ server: { staticRoots: DEMO_STATIC_ROOTS } });
}

/**
 * Screenshots land in test-output/; with UPDATE_DOCS_IMAGES=1 they are also copied into docs/images/, which is
 * how the pictures in the README and docs are made.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = join(root, 'test-output', `${name}.png`);
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  if (process.env['UPDATE_DOCS_IMAGES'] === '1') copyFileSync(file, join(root, 'docs', 'images', `${name}.png`));
  return file;
}

/**
 * A demo server and a Chromium for the tests of one `describe`: started in `before`, stopped in `after`.
 * Read `demo.server` and `demo.browser` inside the tests.
 */
export function useDemo(): { readonly server: TestServer; readonly browser: Browser } {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startDemoServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the demo server is not started yet (use it inside a test)');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started yet (use it inside a test)');
      return browser;
    },
  };
}
