import { css } from 'lit';

export const bookingsViewStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-bottom: 0.75rem;
  }
  h1 {
    margin: 0;
    flex: 1 1 auto;
    font-size: 1.5rem;
  }
  console-export-csv {
    flex-basis: 100%;
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
