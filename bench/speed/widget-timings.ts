/**
 * The widget's page timings in Debian's headless Chromium against the demo server (dist/ as built): each run is a
 * cold load in a fresh browser context, timed from `performance.timeOrigin` (navigation start; the first card by a
 * watcher on every animation frame from the start, so a card painted before the load event counts as such): the load event,
 * the first service card, and the first bookable time after choosing the first class; then a repeat visit in
 * the same context whose catalogue request is held back, to see the list painted from IndexedDB before the
 * network answers. Medians over the runs.
 */
import type { Page } from 'playwright-core';
import { launchChromium, startDemoServer } from '../../test/e2e/browser.js';

export interface PageTimings {
  loadEventMs: number;
  firstCardMs: number;
  firstTimeMs: number;
  repeatFirstCardMs: number;
  /** Every repeat visit showed the cards while its catalogue request was still held back. */
  repeatPaintedFromCache: boolean;
  runs: number;
}

const WAIT = { timeout: 30_000 };
const median = (xs: number[]): number => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN);

/** performance.now() (ms since navigation start) at the first animation frame where `selector` shows in the widget. */
async function timeOf(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction(
    (sel) => {
      // Through open shadow roots, as the steps nest their parts (the time list in the slot step). A plain loop:
      // tsx would wrap a named inner function in a helper the page does not have.
      const roots: ParentNode[] = [document];
      for (let root = roots.pop(); root; root = roots.pop()) {
        if (root.querySelector(sel)) return performance.now();
        root.querySelectorAll('*').forEach((el) => el.shadowRoot && roots.push(el.shadowRoot));
      }
      return false;
    },
    selector,
    { ...WAIT, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Watches every animation frame from navigation start for the first service card, so a card painted before the
 * load event counts when it painted, not when `page.goto` returned and a poll began. A string: tsx would wrap
 * functions in a helper the page does not have. The same search as `timeOf`, through open shadow roots.
 */
const WATCH_FIRST_CARD = `(() => {
  const seen = (sel) => {
    const roots = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      if (root.querySelector(sel)) return true;
      root.querySelectorAll('*').forEach((el) => el.shadowRoot && roots.push(el.shadowRoot));
    }
    return false;
  };
  const poll = () => (seen('[data-service-id]') ? (window.__firstCardAt = performance.now()) : requestAnimationFrame(poll));
  requestAnimationFrame(poll);
})();`;

/** When the watcher first saw a card (ms since navigation start). */
async function firstCardOf(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __firstCardAt?: number }).__firstCardAt ?? false,
    undefined,
    WAIT,
  );
  return (await handle.jsonValue()) as number;
}

const loadEventOf = (page: Page): Promise<number> =>
  page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart);

export async function pageTimings(runs = 5): Promise<PageTimings> {
  const server = await startDemoServer();
  const browser = await launchChromium();
  const load: number[] = [];
  const card: number[] = [];
  const time: number[] = [];
  const repeat: number[] = [];
  let fromCache = true;
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ timezoneId: 'America/New_York' });
      await context.addInitScript(WATCH_FIRST_CARD);
      const page = await context.newPage();
      await page.goto(server.url);
      card.push(await firstCardOf(page));
      await page.waitForLoadState('load');
      load.push(await loadEventOf(page));
      await page.locator('booking-widget [data-service-id]').first().click();
      // The first class may ask for options first; either way the time step follows.
      const variantNext = page.locator('booking-widget [data-step="variant"]').getByRole('button', { name: 'Continue' });
      const slot = page.locator('booking-widget [data-step="slot"] [data-slot-start]').first();
      await Promise.race([variantNext.waitFor(WAIT).then(() => variantNext.click()), slot.waitFor(WAIT)]);
      time.push(await timeOf(page, '[data-slot-start]'));
      await page.waitForTimeout(200); // the stored catalogue copy is written after the answer
      await page.close();

      const again = await context.newPage();
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let answered = false;
      await again.route('**/bookings/v2/services/query', async (route) => {
        await held;
        answered = true;
        await route.continue();
      });
      // Another path, so no interrupted flow is resumed (that is keyed by the page's path): the service step shows,
      // from the catalogue copy (keyed by the API base) alone.
      await again.goto(`${server.url}/index.html`);
      repeat.push(await firstCardOf(again));
      fromCache &&= !answered;
      release();
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    loadEventMs: median(load),
    firstCardMs: median(card),
    firstTimeMs: median(time),
    repeatFirstCardMs: median(repeat),
    repeatPaintedFromCache: fromCache,
    runs,
  };
}
