/** Steps of the console's new-booking flow for the e2e tests: pointer and keyboard-only. */
import type { Page } from 'playwright-core';
import { WAIT } from './widget-steps.js';

export const view = (page: Page) => page.locator('[data-view="new-booking"]');
export const atStep = (page: Page, step: string) => view(page).locator(`[data-step="${step}"]`).waitFor(WAIT);

/**
 * Presses Tab until the focused element (through shadow roots) matches `test(el, arg)`; fails after 80 presses.
 * `test` runs in the page from its source text, so it may use `arg` but no other outside names.
 */
export async function tabTo(page: Page, what: string, test: (el: Element, arg: string) => boolean, arg = ''): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      ([source, value]) => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        // The predicate travels as source text: page.evaluate cannot take a function value inside an argument.
        const run = new Function('el', 'arg', `return (${source})(el, arg)`) as (e: Element, a: string) => boolean;
        return el ? run(el, value) : false;
      },
      [test.toString(), arg] as const,
    );
    if (hit) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** For `tabTo`: an element whose text starts with `arg`. */
export const textStarts = (el: Element, arg: string): boolean => (el.textContent ?? '').trim().startsWith(arg);
