import { css } from 'lit';

export const reschedulePickerStyles = css`
  :host {
    display: block;
  }
  .picker {
    background: var(--bc-surface);
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    padding: 1rem;
    display: grid;
    gap: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.15rem;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: end;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  input[type='date'],
  select {
    padding: 0.45rem 0.6rem;
    border: 1px solid var(--bc-muted);
    border-radius: var(--bc-radius);
    background: var(--bc-surface);
    min-height: 2.5rem;
    box-sizing: border-box;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
  }
  .slots {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .slot {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    font-weight: 400;
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    padding: 0.4rem 0.7rem;
    min-height: 2.5rem;
    box-sizing: border-box;
  }
  .slot.off {
    color: var(--bc-muted);
  }
  .overbook {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .warning {
    margin: 0;
    padding: 0.6rem 0.8rem;
    border-left: 4px solid var(--bc-danger);
    color: var(--bc-danger);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .skeleton {
    color: var(--bc-muted);
  }
  p {
    margin: 0;
  }
`;
