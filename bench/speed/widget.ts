/**
 * The widget's numbers for issue 12's table (bench/speed.bench.ts wires them in): its size, from dist/ as the
 * last `vite build` left it, and its page timings in Debian's headless Chromium against the demo server.
 *   widgetSizes()  KB gzip -9: `first` = the classic script and every module it needs before the first
 *                  service card (the ES entry and its static imports); `bookingPath` = what a visitor loads
 *                  from the first card to the CONFIRMED status view in English: `first` plus the chunks the
 *                  entry imports on demand (the flow chunk; not a language's) with their static imports, but
 *                  none of the chunks that those import on demand (My bookings, the account forms, Add to
 *                  calendar's links: test/e2e/widget-delivery.test.ts checks a booking asks for exactly these
 *                  files); `all` = every script a page could load.
 *   pageTimings()  medians over cold loads, each in a fresh browser context (./widget-timings.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export { pageTimings, type PageTimings } from './widget-timings.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = join(root, 'dist');
export const CLASSIC_ENTRY = 'booking-widget.iife.js';
export const MODULE_ENTRY = 'booking-widget.js';
/** A language's texts (src/widget/booking-widget/languages.ts). */
const LANGUAGE_CHUNK = /^(es|fr|de|he)-[\w-]{8}\.js$/;
export const CONSOLE_ENTRY = 'booking-console.js';

/** `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; not `import("./x.js")`. */
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+)["']/g;
/** `import("./x.js")` (or with backquotes): a chunk loaded on demand. */
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.\/[^"'`]+)["'`]\s*\)/g;
/** The classic loader names the module entry in a string; `import()` of anything else is on demand. */
const LOADER_TARGET = /["'`](booking-widget\.js)["'`]/;

const kb = (bytes: number): number => Math.round(bytes / 102.4) / 10;
const gzipBytes = (file: string): number => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;

/** The scripts a file needs before it runs: its static imports, transitively (relative to dist/). */
export function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) visit(match[1]!.slice(2));
  };
  visit(entry);
  return [...seen];
}

/** The scripts the classic tag loads before the first card: the loader, the module entry and its static imports. */
export function firstScripts(): string[] {
  const loader = readFileSync(join(DIST, CLASSIC_ENTRY), 'utf8');
  const target = LOADER_TARGET.exec(loader)?.[1];
  return [CLASSIC_ENTRY, ...(target ? staticClosure(target) : [])];
}

/**
 * The scripts a visitor's booking loads in English: the first scripts, then each chunk they import on demand
 * (but a language's), with its static imports. What those chunks import on demand is for later views, not booking.
 */
export function bookingPathScripts(): string[] {
  const first = firstScripts();
  const onDemand = first.flatMap((file) => [...readFileSync(join(DIST, file), 'utf8').matchAll(DYNAMIC_IMPORT)].map((m) => m[1]!.slice(2)));
  const chunks = onDemand.filter((file) => file !== MODULE_ENTRY && !LANGUAGE_CHUNK.test(file)).flatMap(staticClosure);
  return [...new Set([...first, ...chunks])];
}

export function widgetSizes(): { first: number; bookingPath: number; all: number; files: string[]; pathFiles: string[] } {
  // The console's bundle shares dist/ but is no part of the widget: no customer's page loads it.
  const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js') && f !== CONSOLE_ENTRY);
  const first = firstScripts();
  const path = bookingPathScripts();
  // A page loads one of the two entries: the module entry (ES) or the classic loader plus the module entry.
  const all = scripts.filter((f) => (f !== CLASSIC_ENTRY || scripts.includes(MODULE_ENTRY)) && !LANGUAGE_CHUNK.test(f));
  // …and the texts of one language at most (English is in the entry): the largest counts.
  const language = Math.max(0, ...scripts.filter((f) => LANGUAGE_CHUNK.test(f)).map(gzipBytes));
  return {
    first: kb(first.reduce((sum, f) => sum + gzipBytes(f), 0)),
    bookingPath: kb(path.reduce((sum, f) => sum + gzipBytes(f), 0)),
    all: kb(all.reduce((sum, f) => sum + gzipBytes(f), language)),
    files: first,
    pathFiles: path,
  };
}

/** Build the widget when dist/ is missing or older than src/, then read its sizes (bench/speed/widget.ts). */
export function builtWidgetSizes() {
  const entry = join(root, 'dist/booking-widget.js');
  const newest = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((m, e) => Math.max(m, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
  if (!existsSync(entry) || statSync(entry).mtimeMs < newest) {
    execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  return widgetSizes();
}
