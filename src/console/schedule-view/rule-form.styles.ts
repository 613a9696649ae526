/** The session rule form's look: grouped choices (weekdays, how it repeats and ends) and theirs beside yours. */
import { css } from 'lit';

export const ruleFormStyles = css`
  form {
    background: var(--bc-surface);
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    padding: 1rem;
  }
  fieldset {
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    max-width: 28rem;
  }
  legend {
    font-weight: 600;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  .choices label {
    display: inline-flex;
    gap: 0.35rem;
    align-items: center;
    min-height: 2rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .theirs {
    border-inline-start: 4px solid var(--bc-accent);
    padding-inline-start: 0.75rem;
    margin: 0.75rem 0;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.75rem;
  }
`;
