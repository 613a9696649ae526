import { css } from 'lit';

export const outboxViewStyles = css`
  :host {
    display: block;
  }
  h1 {
    margin: 0 0 1rem;
    font-size: 1.5rem;
  }
  .loading {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .empty,
  .muted,
  .role {
    color: var(--bc-muted);
  }
  /* The table scrolls inside its own box on narrow screens; the page itself never scrolls sideways. */
  .scroll {
    overflow-x: auto;
    max-width: 100%;
    background: var(--bc-surface);
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    min-width: 44rem;
  }
  caption {
    text-align: start;
    padding: 0.6rem 0.75rem;
    font-weight: 600;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.55rem 0.75rem;
    border-top: 1px solid var(--bc-border);
  }
  thead th {
    font-size: 0.85rem;
    color: var(--bc-muted);
  }
  tbody th {
    font-weight: 600;
  }
  .address {
    display: block;
    overflow-wrap: anywhere;
  }
  .status {
    font-weight: 600;
  }
  .status.DONE {
    color: var(--bc-ok);
  }
  .status.FAILED,
  .last-error {
    color: var(--bc-danger);
  }
  .last-error {
    display: block;
    font-size: 0.85rem;
    overflow-wrap: anywhere;
  }
  .when,
  td button {
    white-space: nowrap;
  }
  td .error {
    display: block;
  }
`;
