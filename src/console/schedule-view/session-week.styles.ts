import { css } from 'lit';

/** The session week's own styles: the week bar, the loading skeleton and the cancel dialog's fields. */
export const sessionWeekStyles = css`
  .week-bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
    margin-top: 1.5rem;
  }
  .week-bar h2 {
    margin: 0;
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .skeleton {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: 0.5rem;
  }
  .skeleton span {
    height: 6rem;
    border-radius: var(--bc-radius);
    background: var(--bc-border);
    opacity: 0.5;
  }
  .field textarea {
    font: inherit;
    font-weight: 400;
    color: inherit;
    background: var(--bc-surface);
    border: 1px solid var(--bc-muted);
    border-radius: var(--bc-radius);
    padding: 0.5rem;
  }
  .check {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    margin-bottom: 0.75rem;
  }
`;
