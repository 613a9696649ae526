import { css } from 'lit';
import { skeletonStyles } from '../shared/skeleton.styles.js';

/**
 * The public custom properties (`--booking-*`) feed internal `--bw-*` variables with theme defaults; every step
 * reads only `--bw-*`, which inherit into their shadow roots.
 */
/** The dark theme's colours, for `theme="dark"` and for `theme="auto"` on a dark system. */
const darkPalette = css`
  --bw-accent: var(--booking-accent, #8fb0ff);
  --bw-accent-contrast: var(--booking-accent-contrast, #10131a);
  --bw-bg: var(--booking-bg, #17181c);
  --bw-fg: var(--booking-fg, #ececf1);
  --bw-muted: var(--booking-muted, #b4b6c0);
  --bw-error: #ffb4ab;
`;

export const styles = css`
  :host {
    --bw-accent: var(--booking-accent, #2b59c3);
    --bw-accent-contrast: var(--booking-accent-contrast, #ffffff);
    --bw-bg: var(--booking-bg, #ffffff);
    --bw-fg: var(--booking-fg, #1b1b1f);
    --bw-muted: var(--booking-muted, #55575f);
    --bw-radius: var(--booking-radius, 8px);
    --bw-font: var(--booking-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --bw-border: color-mix(in srgb, var(--bw-fg) 22%, transparent);
    --bw-error: #b3261e;
    display: block;
    font-family: var(--bw-font);
    color: var(--bw-fg);
    line-height: 1.4;
  }
  :host([theme='dark']) {
    ${darkPalette}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkPalette}
    }
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    padding: 1rem;
    background: var(--bw-bg);
    color: var(--bw-fg);
    border-radius: var(--bw-radius);
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.25rem;
  }
  dialog {
    width: min(48rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 0;
    border-radius: var(--bw-radius);
    background: var(--bw-bg);
    color: var(--bw-fg);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .close {
    float: inline-end;
    margin: 0.5rem;
  }
  button {
    font: inherit;
    padding: 0.5rem 1rem;
    border: 1px solid var(--bw-accent);
    border-radius: var(--bw-radius);
    background: var(--bw-bg);
    color: var(--bw-fg);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--bw-accent);
    outline-offset: 2px;
  }
  .launcher {
    position: fixed;
    inset-block-end: 1.25rem;
    inset-inline-end: 1.25rem;
    z-index: 2147483000;
    background: var(--bw-accent);
    color: var(--bw-accent-contrast);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
  }
  .error {
    color: var(--bw-error);
  }
  ${skeletonStyles}
`;
