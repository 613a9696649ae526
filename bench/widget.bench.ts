/**
 * The widget's weight and speed (issue 12), from a fresh `vite build`: the gzip -9 size of every script a page
 * can load (the classic loader, the ES entry and its chunk; bench/speed/widget.ts `widgetSizes()`), and the page
 * timings in headless Chromium against a real demo server on this machine (`pageTimings()`: medians of cold
 * loads, each in a fresh browser context, plus a repeat visit painted from IndexedDB).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { DIST, pageTimings, widgetSizes } from './speed/widget.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;
const FIRST_LIMIT_KB = 30;
const ALL_LIMIT_KB = 45;
const RATIO_LIMIT = 1.3;

const kb = (n: number): string => (n / 1024).toFixed(1);
const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT MET');

export default async function bench(): Promise<{ title: string; markdown: string }> {
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  const sizes = widgetSizes();
  const files = readdirSync(DIST)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(DIST, file));
      return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
    });
  const t = await pageTimings(RUNS);
  const ratio = t.firstCardMs / t.loadEventMs;

  const markdown = [
    '| file | raw | gzip -9 |',
    '|---|---|---|',
    ...files.map((s) => `| dist/${s.file} | ${kb(s.raw)} KB | ${kb(s.gzip)} KB |`),
    '',
    `First script (${sizes.files.join(' + ')}): **${sizes.first} KB gzip** (limit ${FIRST_LIMIT_KB} KB: ` +
      `${verdict(sizes.first <= FIRST_LIMIT_KB)}). A visitor's booking, first card to CONFIRMED (${sizes.pathFiles.join(' + ')}): ` +
      `**${sizes.bookingPath} KB gzip**. Everything a page can load: **${sizes.all} KB gzip** ` +
      `(limit ${ALL_LIMIT_KB} KB: ${verdict(sizes.all <= ALL_LIMIT_KB)}).`,
    '',
    `Page timings (headless Chromium, demo server on this machine, medians of ${t.runs} cold loads): load event ` +
      `${t.loadEventMs} ms, first service card ${t.firstCardMs} ms (**${ratio.toFixed(2)}×** the load event; ` +
      `limit ${RATIO_LIMIT}×: ${verdict(ratio <= RATIO_LIMIT)}), first bookable time ${t.firstTimeMs} ms; repeat visit ` +
      `first card ${t.repeatFirstCardMs} ms, ${t.repeatPaintedFromCache ? 'painted from IndexedDB before the catalogue request was answered' : 'NOT painted from IndexedDB'}.`,
  ].join('\n');
  return { title: 'Widget: size and time to the first service card', markdown };
}
