import { css } from 'lit';

/** Every colour, radius and font comes from a `--booking-*` custom property with a default (contract section 9). */
export const styles = css`
  :host {
    display: block;
    font-family: var(--booking-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--booking-fg, #1b1b1f);
    background: var(--booking-bg, #ffffff);
    border-radius: var(--booking-radius, 8px);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    padding: 1rem;
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.25rem;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  .services {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    padding: 0.875rem 1rem;
    border: 1px solid color-mix(in srgb, var(--booking-fg, #1b1b1f) 18%, transparent);
    border-left: 4px solid var(--booking-accent, #2b59c3);
    border-radius: var(--booking-radius, 8px);
  }
  .name {
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
  }
  .tagline {
    margin: 0.25rem 0 0;
    color: var(--booking-muted, #55575f);
    font-size: 0.875rem;
  }
  .skeleton {
    height: 3.5rem;
    border-radius: var(--booking-radius, 8px);
    background: color-mix(in srgb, var(--booking-fg, #1b1b1f) 8%, transparent);
    animation: pulse 1.2s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
  .error {
    margin: 0 0 0.75rem;
  }
  button {
    font: inherit;
    padding: 0.5rem 1rem;
    border: 0;
    border-radius: var(--booking-radius, 8px);
    background: var(--booking-accent, #2b59c3);
    color: var(--booking-accent-contrast, #ffffff);
    cursor: pointer;
  }
  button:focus-visible,
  [data-step]:focus-visible {
    outline: 2px solid var(--booking-accent, #2b59c3);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
