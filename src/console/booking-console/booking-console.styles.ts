import { css } from 'lit';

export const bookingConsoleStyles = css`
  :host {
    display: block;
    min-height: 100vh;
    background: var(--bc-bg);
  }
  .shell {
    display: grid;
    grid-template-columns: 14rem 1fr;
    grid-template-rows: auto 1fr;
    min-height: 100vh;
  }
  header {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    padding: 0.6rem 1rem;
    background: var(--bc-surface);
    border-bottom: 1px solid var(--bc-border);
  }
  .brand {
    font-weight: 700;
  }
  .account {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    color: var(--bc-muted);
    overflow-wrap: anywhere;
  }
  nav {
    background: var(--bc-surface);
    border-right: 1px solid var(--bc-border);
    padding: 0.75rem;
  }
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  nav a,
  nav .off {
    display: block;
    padding: 0.45rem 0.7rem;
    border-radius: var(--bc-radius);
    text-decoration: none;
    color: inherit;
  }
  nav a[aria-current='page'] {
    background: var(--bc-accent);
    color: var(--bc-on-accent);
    font-weight: 600;
  }
  nav .off {
    color: var(--bc-muted);
  }
  main {
    padding: 1rem;
    min-width: 0;
  }
  .restoring {
    max-width: 24rem;
    margin: 0 auto;
    padding: 2rem 1rem;
  }
  .restoring p {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  /* Narrow screens (down to 360px): the sidebar becomes a row of links above the view. */
  @media (max-width: 700px) {
    .shell {
      grid-template-columns: 1fr;
      grid-template-rows: auto auto 1fr;
    }
    nav {
      border-right: 0;
      border-bottom: 1px solid var(--bc-border);
      padding: 0.5rem;
    }
    nav ul {
      display: flex;
      flex-wrap: wrap;
    }
  }
`;
