/**
 * The console's colours, in light and dark (the system's choice, `prefers-color-scheme`), as `--bc-*` custom
 * properties a host page may override. Every pair of text and background here meets WCAG AA contrast (axe checks).
 */
import { css } from 'lit';

export const themeStyles = css`
  :host {
    --bc-bg: #f6f7f9;
    --bc-surface: #ffffff;
    --bc-text: #1b1f24;
    --bc-muted: #4b5563;
    --bc-border: #c9ced6;
    --bc-accent: #0b57d0;
    --bc-on-accent: #ffffff;
    --bc-danger: #b3261e;
    --bc-ok: #146c2e;
    --bc-radius: 8px;
    --bc-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color-scheme: light dark;
    font-family: var(--bc-font);
    color: var(--bc-text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --bc-bg: #111418;
      --bc-surface: #1b2027;
      --bc-text: #e8eaed;
      --bc-muted: #aab1bb;
      --bc-border: #4a525e;
      --bc-accent: #8ab4f8;
      --bc-on-accent: #0b1320;
      --bc-danger: #f2b8b5;
      --bc-ok: #7fd99a;
    }
  }
  button,
  input,
  select {
    font: inherit;
    color: inherit;
  }
  button {
    border-radius: var(--bc-radius);
    border: 1px solid var(--bc-border);
    background: var(--bc-surface);
    padding: 0.5rem 0.9rem;
    min-height: 2.5rem;
    cursor: pointer;
  }
  button.primary {
    background: var(--bc-accent);
    border-color: var(--bc-accent);
    color: var(--bc-on-accent);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  /* A link that looks like the primary button: it goes to a view (New booking), it does not act. */
  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 2.5rem;
    padding: 0 0.9rem;
    border-radius: var(--bc-radius);
    background: var(--bc-accent);
    color: var(--bc-on-accent);
    text-decoration: none;
    font-weight: 600;
  }
  :focus-visible {
    outline: 3px solid var(--bc-accent);
    outline-offset: 2px;
  }
  .error {
    color: var(--bc-danger);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
