import { css } from 'lit';

export const notificationsViewStyles = css`
  :host {
    display: block;
  }
  section[data-view] {
    display: grid;
    gap: 0.75rem;
    max-width: 48rem;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
  }
  h2 {
    margin: 0.5rem 0 0;
    font-size: 1.15rem;
  }
  p {
    margin: 0;
  }
  a {
    color: var(--bc-accent);
  }
  .intro,
  .live,
  .skeleton {
    color: var(--bc-muted);
  }
  .live {
    font-size: 0.9rem;
  }
  li {
    gap: 0.4rem;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    justify-content: space-between;
    align-items: center;
  }
  .who {
    color: inherit;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .flag {
    border-left: 4px solid var(--bc-danger);
    color: var(--bc-danger);
    padding-left: 0.6rem;
    font-weight: 600;
  }
  .ok {
    color: var(--bc-ok);
    font-weight: 600;
  }
  .others {
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .open-link {
    padding: 0.5rem 0.25rem;
  }
`;
