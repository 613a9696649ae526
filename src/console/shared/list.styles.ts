import { css } from 'lit';

/** A list of cards (`<ul><li>`): one booking or notification a card, with room between them. */
export const cardListStyles = css`
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
  }
`;
