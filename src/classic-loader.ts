/**
 * dist/booking-widget.iife.js, for `<script src=".../booking-widget.iife.js">` (classic, `defer` or not): it
 * loads the ES module entry (dist/booking-widget.js) from the folder this script came from, so the widget and
 * every chunk it loads later come from the script's origin, never the host page's. A module script and `import()`
 * need no `eval`, so a strict Content-Security-Policy that allows the script allows the rest.
 * It defines no global name: the entry registers `<booking-widget>` and nothing else.
 *
 * While the entry is on its way, this also asks for the catalogue of every `<booking-widget>` already in the page
 * (a `defer` script sees them all), so the first service card does not wait for the entry to arrive and run
 * first. The answers are handed over under `Symbol.for('booking-widget.prefetch')` (src/flow/prefetch.ts reads
 * them; the request is the one `services.queryServicesIfChanged` and `getSiteProperties` send).
 */
const ENTRY = 'booking-widget.js';
/** The same key as src/flow/prefetch.ts (this script imports nothing, so it cannot share the constant). */
const HANDOFF = Symbol.for('booking-widget.prefetch');

/** This script's own URL: `document.currentScript` while it runs, else the page's script tag that loads it. */
function ownUrl(): string {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  const tag = document.querySelector<HTMLScriptElement>('script[src*="booking-widget.iife.js"]');
  return tag?.src ?? location.href;
}

/** What src/flow/prefetch.ts takes, per API base. */
interface Prefetched {
  etag: string | null;
  list: Promise<Response>;
  props: Promise<Response>;
  /** Both bodies, once both answered 200: the widget's first render can show the cards at once. */
  answered?: { etag: string | null; list: unknown; props: unknown };
}

const prefetched: Record<string, Prefetched> = {};
for (const el of document.querySelectorAll('booking-widget')) {
  const base = (el.getAttribute('api-base') || location.origin).replace(/\/+$/, '');
  if (prefetched[base]) continue;
  let etag: string | null = null;
  try {
    etag = localStorage.getItem(`booking-widget.etag ${base}`);
  } catch {
    // storage blocked: ask without an ETag
  }
  const accept = { accept: 'application/json' };
  const list = fetch(`${base}/bookings/v2/services/query`, {
    method: 'POST',
    headers: { ...accept, ...(etag ? { 'if-none-match': etag } : {}), 'content-type': 'application/json' },
    body: '{"query":{"paging":{"limit":100}}}',
  });
  const props = fetch(`${base}/site-properties/v4/properties`, { headers: accept });
  // Unhandled here on purpose only until the widget takes them; a failure is the widget's to report.
  list.catch(() => undefined);
  props.catch(() => undefined);
  const entry: Prefetched = (prefetched[base] = { etag, list, props });
  // Decoded while the entry is still on its way (copies: the widget may read the answers themselves instead).
  void Promise.all([list, props])
    .then(async ([l, p]) => {
      if (l.status !== 200 || p.status !== 200) return;
      const [listBody, propsBody] = (await Promise.all([l.clone().json(), p.clone().json()])) as unknown[];
      entry.answered = { etag: l.headers.get('etag'), list: listBody, props: propsBody };
    })
    .catch(() => undefined); // the widget reads the answers itself then, and reports what went wrong
}
(globalThis as Record<symbol, unknown>)[HANDOFF] = prefetched;

const entryUrl = new URL(ENTRY, ownUrl()).href;
const failed = (error: unknown) => console.error('booking-widget: could not load the widget', error);
/**
 * Asked for after the catalogue, so the answers are more often decoded before the entry runs and its first render
 * shows the cards. A module script element, not `import()`: the browser fetches it at once at script priority, and
 * the page's load event waits for the widget's code as it does for any script tag the page holds (an `import()`
 * would let the load event pass first, then compile the entry in the middle of the page's own after-load work).
 * Where Trusted Types refuse a plain script URL, `import()` still works.
 */
try {
  const script = document.createElement('script');
  script.type = 'module';
  script.src = entryUrl;
  script.onerror = () => failed(new Error(`${entryUrl} did not load`));
  script.onload = () => script.remove();
  document.head.append(script);
} catch {
  import(/* @vite-ignore */ entryUrl).catch(failed);
}

// The page is idle while the entry is on its way: let Intl load its number data now (tens of ms on a slow
// machine), not while the first service card renders its price. Idle time only, so the page's load event never
// waits for it. The locale is the one the widget will use (src/widget/booking-widget/booking-widget.ts).
const lang = document.querySelector('booking-widget')?.getAttribute('locale') || document.documentElement.lang || navigator.language;
(window.requestIdleCallback ?? setTimeout)(() => {
  try {
    new Intl.NumberFormat(lang, { style: 'currency', currency: 'USD' }).format(1);
  } catch {
    // a malformed locale: the widget falls back to English, and so does nothing here
  }
});
