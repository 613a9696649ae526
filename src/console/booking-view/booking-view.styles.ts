import { css } from 'lit';

export const bookingViewStyles = css`
  :host {
    display: block;
  }
  section[data-view] {
    display: grid;
    gap: 1rem;
    max-width: 48rem;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
    overflow-wrap: anywhere;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.15rem;
  }
  p {
    margin: 0;
  }
  a {
    color: var(--bc-accent);
  }
  .booked {
    font-weight: 600;
  }
  .live,
  .skeleton {
    color: var(--bc-muted);
    font-size: 0.9rem;
  }
  .card,
  section[aria-labelledby$='-title']:not([data-view]) {
    background: var(--bc-surface);
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    padding: 1rem;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(7rem, auto) 1fr;
    gap: 0.35rem 1rem;
    margin: 0;
  }
  dt {
    color: var(--bc-muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .flag {
    border-left: 4px solid var(--bc-danger);
    color: var(--bc-danger);
    padding: 0.4rem 0.75rem;
    margin-bottom: 0.75rem;
    font-weight: 600;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .actions-part .error,
  .notice:not(:empty) {
    margin-top: 0.5rem;
  }
  .history {
    margin: 0;
    padding-left: 1.25rem;
    display: grid;
    gap: 0.35rem;
  }
  .at {
    color: var(--bc-muted);
    margin-right: 0.35rem;
  }
  @media (max-width: 480px) {
    .facts {
      grid-template-columns: 1fr;
    }
    dd {
      margin-bottom: 0.35rem;
    }
  }
`;
