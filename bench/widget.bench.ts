/**
 * The widget's weight and speed: gzip size of the classic-script bundle (everything in it: lit, xstate, idb),
 * and the time from the script's arrival to a usable service list in headless Chromium, against a real demo
 * server on this machine (median of several cold page loads, each in a fresh browser context).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { launchChromium, startDemoServer } from '../test/e2e/browser.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;
const LIMIT_KB = 45;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export default async function bench(): Promise<{ title: string; markdown: string }> {
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const sizes = ['booking-widget.iife.js', 'booking-widget.js'].map((file) => {
    const raw = readFileSync(join(root, 'dist', file));
    return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });

  const server = await startDemoServer();
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url);
      await page.waitForFunction(
        () =>
          !!document
            .querySelector('booking-widget')
            ?.shadowRoot?.querySelector('[data-step]')
            ?.shadowRoot?.querySelector('[data-service-id]'),
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      const ms = await page.evaluate(() => {
        const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget/booking-widget.iife.js')) as
          PerformanceResourceTiming | undefined;
        return performance.now() - (script?.responseEnd ?? 0);
      });
      times.push(ms);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const iife = sizes[0]!;
  const kb = (n: number) => (n / 1024).toFixed(1);
  const markdown = [
    '| file | raw | gzip -9 |',
    '|---|---|---|',
    ...sizes.map((s) => `| dist/${s.file} | ${kb(s.raw)} KB | ${kb(s.gzip)} KB |`),
    '',
    `Classic-script bundle: **${kb(iife.gzip)} KB gzip** (limit ${LIMIT_KB} KB${iife.gzip / 1024 > LIMIT_KB ? ', OVER THE LIMIT' : ''}).`,
    '',
    `Script loaded → usable service list (headless Chromium, demo server on this machine, ${RUNS} cold loads): ` +
      `median **${median(times).toFixed(0)} ms**, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms.`,
  ].join('\n');
  return { title: 'Widget: bundle size and time to a usable service list', markdown };
}
