/** Styles the customers, customer and new-booking views share: a title bar, cards, fields and choice lists. */
import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.75rem;
    align-items: center;
    margin-bottom: 1rem;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
  }
  h2 {
    font-size: 1.1rem;
    margin: 1.25rem 0 0.5rem;
  }
  a {
    color: var(--bc-accent);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
    margin-bottom: 0.75rem;
    max-width: 28rem;
  }
  .field input,
  .field select {
    font-weight: 400;
    padding: 0.5rem 0.6rem;
    border: 1px solid var(--bc-muted);
    border-radius: var(--bc-radius);
    background: var(--bc-surface);
    min-width: 0;
  }
  .field .error {
    font-weight: 400;
    margin: 0;
  }
  .muted,
  .hint {
    color: var(--bc-muted);
    font-weight: 400;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.6rem;
  }
  .card {
    background: var(--bc-surface);
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    padding: 0.75rem 1rem;
    overflow-wrap: anywhere;
  }
  .card a.title {
    font-weight: 600;
  }
  .pill {
    display: inline-block;
    font-size: 0.8rem;
    font-weight: 600;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.05rem 0.5rem;
    margin-inline-start: 0.4rem;
  }
  .pill.CONFIRMED {
    color: var(--bc-ok);
  }
  .pill.DECLINED,
  .pill.CANCELED,
  .pill.full {
    color: var(--bc-danger);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  .warning {
    border-inline-start: 4px solid var(--bc-danger);
    padding-inline-start: 0.6rem;
  }
  progress {
    width: min(16rem, 100%);
  }
`;
