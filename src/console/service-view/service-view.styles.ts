/** The service form's own styles; the panel styles (fields, cards, actions) come from customers/panel.styles.ts. */
import { css } from 'lit';

export const serviceViewStyles = css`
  form {
    max-width: 36rem;
  }
  /* The preview sits beside the form when the view is wide enough, below it otherwise (360 px). */
  section[data-view='service'] {
    container-type: inline-size;
  }
  .layout {
    display: grid;
    gap: 1.5rem;
    grid-template-columns: minmax(0, 1fr);
  }
  @container (min-width: 48rem) {
    .layout {
      grid-template-columns: minmax(0, 36rem) minmax(14rem, 22rem);
      align-items: start;
    }
  }
  .field textarea {
    font: inherit;
    color: inherit;
    font-weight: 400;
    padding: 0.5rem 0.6rem;
    border: 1px solid var(--bc-muted);
    border-radius: var(--bc-radius);
    background: var(--bc-surface);
    resize: vertical;
  }
  fieldset.field {
    border: 1px solid var(--bc-border);
    border-radius: var(--bc-radius);
    padding: 0.5rem 0.75rem;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  .field.check label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  input[type='checkbox'] {
    flex: none;
    width: 1.2rem;
    height: 1.2rem;
  }
  .conflict {
    margin: 1rem 0;
  }
  .versions {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.75rem;
  }
  .versions h4 {
    margin: 0.25rem 0;
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.35rem 0.5rem;
    border-bottom: 1px solid var(--bc-border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .danger {
    color: var(--bc-danger);
    border-color: var(--bc-danger);
  }
`;
