import { css } from 'lit';

export const agendaViewStyles = css`
  :host {
    display: block;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem 1.5rem;
    align-items: center;
    justify-content: space-between;
  }
  h1 {
    margin: 0;
    font-size: 1.5rem;
  }
  .controls,
  .toggle,
  .move {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .controls {
    gap: 0.75rem;
  }
  button[aria-pressed='true'] {
    background: var(--bc-accent);
    border-color: var(--bc-accent);
    color: var(--bc-on-accent);
    font-weight: 600;
  }
  .live {
    color: var(--bc-muted);
    font-size: 0.9rem;
    margin: 0.5rem 0 1rem;
  }
  .skeleton p {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .ghost {
    height: 4.5rem;
    margin-top: 0.75rem;
    border-radius: var(--bc-radius);
    background: var(--bc-border);
    opacity: 0.35;
  }
  .week {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: 1rem;
  }
  .day {
    min-width: 0;
  }
  .day h2 {
    margin: 0 0 0.5rem;
    font-size: 1.05rem;
    border-bottom: 2px solid var(--bc-border);
    padding-bottom: 0.25rem;
  }
  .hour {
    margin: 0.9rem 0 0.4rem;
    font-size: 0.95rem;
    color: var(--bc-muted);
  }
  .empty,
  .muted {
    color: var(--bc-muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .items {
    display: grid;
    gap: 0.6rem;
  }
  .item {
    background: var(--bc-surface);
    border: 1px solid var(--bc-border);
    border-left: 4px solid var(--bc-accent);
    border-radius: var(--bc-radius);
    padding: 0.6rem 0.8rem;
    display: grid;
    gap: 0.3rem;
    overflow-wrap: anywhere;
  }
  .item p {
    margin: 0;
  }
  .item.booking.PENDING,
  .item.booking.WAITING_LIST,
  .item.booking.CREATED {
    border-left-style: dashed;
  }
  .item.double-booked,
  .item.canceled {
    border-left-color: var(--bc-danger);
  }
  .when {
    font-size: 0.9rem;
    color: var(--bc-muted);
  }
  .what a {
    color: inherit;
    font-weight: 600;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 0.75rem;
    align-items: center;
    font-size: 0.9rem;
  }
  .count {
    font-weight: 600;
  }
  .flag,
  .status {
    font-size: 0.8rem;
    font-weight: 600;
    border: 1px solid currentColor;
    border-radius: 999px;
    padding: 0.05rem 0.5rem;
  }
  .flag.double,
  .flag.canceled {
    color: var(--bc-danger);
  }
  .status.CONFIRMED {
    color: var(--bc-ok);
  }
  .disclosure {
    justify-self: start;
    min-height: 2.25rem;
    padding: 0.3rem 0.7rem;
  }
  .session-bookings {
    display: grid;
    gap: 0.4rem;
    padding-top: 0.3rem;
    border-top: 1px solid var(--bc-border);
  }
  .session-bookings[hidden] {
    display: none;
  }
  .session-bookings li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 0.6rem;
    align-items: center;
  }
  .session-bookings a {
    color: inherit;
  }
  .failed {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
`;
