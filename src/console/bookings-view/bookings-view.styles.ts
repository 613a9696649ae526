import { css } from 'lit';

export const bookingsViewStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: end;
    justify-content: space-between;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  select {
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--bc-muted);
    border-radius: var(--bc-radius);
    background: var(--bc-surface);
  }
  .live {
    color: var(--bc-muted);
    font-size: 0.9rem;
    margin: 0.5rem 0 1rem;
  }
  li {
    grid-template-columns: 1fr auto;
    gap: 0.35rem 1rem;
    align-items: center;
  }
  .who {
    color: inherit;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .what,
  .when {
    color: var(--bc-muted);
  }
  .status {
    justify-self: end;
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
