import { css } from 'lit';
import { skeletonStyles } from './skeleton.styles.js';

/**
 * Styles every step shares. Colours, radius and font come from the `--bw-*` variables the root element
 * derives from the public `--booking-*` custom properties and the theme; logical properties keep RTL right.
 */
export const shared = css`
  :host {
    display: block;
  }
  [hidden] {
    display: none !important;
  }
  h3 {
    margin: 0 0 0.75rem;
    font-size: 1.125rem;
  }
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    outline: 2px solid var(--bw-accent);
    outline-offset: 2px;
  }
  p {
    margin: 0 0 0.5rem;
  }
  .muted {
    color: var(--bw-muted);
    font-size: 0.875rem;
  }
  button {
    font: inherit;
    padding: 0.5rem 1rem;
    border: 1px solid var(--bw-accent);
    border-radius: var(--bw-radius);
    background: transparent;
    color: var(--bw-fg);
    cursor: pointer;
  }
  button[part~='primary-button'] {
    background: var(--bw-accent);
    color: var(--bw-accent-contrast);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  [role='gridcell']:focus-visible {
    outline: 2px solid var(--bw-accent);
    outline-offset: 2px;
  }
  input,
  select {
    font: inherit;
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--bw-border);
    border-radius: var(--bw-radius);
    background: var(--bw-bg);
    color: var(--bw-fg);
  }
  input[aria-invalid='true'] {
    border-color: var(--bw-error);
  }
  label {
    display: block;
    font-weight: 600;
    font-size: 0.875rem;
    margin-block-end: 0.25rem;
  }
  .field {
    margin-block-end: 0.75rem;
  }
  .field-error,
  .error {
    color: var(--bw-error);
    font-size: 0.875rem;
    margin-block: 0.25rem 0;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-block-start: 1rem;
  }
  ${skeletonStyles}
  .badge {
    display: inline-block;
    padding: 0 0.4rem;
    border-radius: 999px;
    font-size: 0.75rem;
    border: 1px solid currentColor;
  }
`;
