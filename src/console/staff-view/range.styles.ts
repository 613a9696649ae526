/** Styles the working hours and time off editors share: a group of ranges, each two labelled inputs and Remove. */
import { css } from 'lit';

export const rangeStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    margin: 0 0 0.5rem;
    padding: 0.5rem 0.75rem;
  }
  legend {
    font-weight: 600;
  }
  .range {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: start;
    margin-bottom: 0.4rem;
  }
  .time {
    display: grid;
    gap: 0.15rem;
    font-size: 0.9rem;
  }
  input {
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--bc-muted);
    border-radius: var(--bc-radius);
    background: var(--bc-surface);
    color: var(--bc-text);
  }
  input[aria-invalid='true'] {
    border-color: var(--bc-danger);
  }
  .error {
    margin: 0;
    max-width: 14rem;
  }
  .muted {
    color: var(--bc-muted);
    margin: 0 0 0.4rem;
  }
  .remove {
    align-self: end;
  }
`;
