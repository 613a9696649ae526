import { css } from 'lit';

export const bookingsViewStyles = css`
  :host {
    display: block;
  }
  h1 {
    margin: 0 0 0.75rem;
    font-size: 1.5rem;
  }
  .count {
    margin: 0 0 0.75rem;
    font-weight: 600;
  }
  .more {
    margin-top: 1rem;
  }
  .live {
    color: var(--bc-muted);
    font-size: 0.9rem;
    margin: 0.5rem 0 1rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  li {
    background: var(--bc-surface);
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    padding: 0.85rem 1rem;
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.35rem 1rem;
    align-items: center;
  }
  .who {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .what,
  .when {
    color: var(--bc-muted);
  }
  .status {
    justify-self: end;
    font-size: 0.8rem;
    font-weight: 600;
    letter-spacing: 0.03em;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.1rem 0.55rem;
  }
  .status.CONFIRMED {
    color: var(--bc-ok);
  }
  .status.DECLINED,
  .status.CANCELED {
    color: var(--bc-danger);
  }
  .actions {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .row-error {
    grid-column: 1 / -1;
    margin: 0;
  }
`;
