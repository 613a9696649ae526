/**
 * dist/booking-widget.iife.js, for `<script src=".../booking-widget.iife.js">` (classic, `defer` or not): it
 * imports the ES module entry (dist/booking-widget.js) from the folder this script came from, so the widget and
 * every chunk it loads later come from the script's origin, never the host page's. `import()` works in classic
 * scripts and needs no `eval`, so a strict Content-Security-Policy that allows the script allows the rest.
 * It defines no global: the entry registers `<booking-widget>` and nothing else.
 */
const ENTRY = 'booking-widget.js';

/** This script's own URL: `document.currentScript` while it runs, else the page's script tag that loads it. */
function ownUrl(): string {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  const tag = document.querySelector<HTMLScriptElement>('script[src*="booking-widget.iife.js"]');
  return tag?.src ?? location.href;
}

import(/* @vite-ignore */ new URL(ENTRY, ownUrl()).href).catch((error: unknown) => {
  console.error('booking-widget: could not load the widget', error);
});
