/** Template parts the settings forms share: a field with its label, hint and error beside it, and a load's states. */
import { html, nothing, type TemplateResult } from 'lit';
import { SETTINGS_TEXT as T } from '../settings/settings-texts.js';

export interface FieldOptions {
  /** The element's id; its hint and error are `<id>-hint` and `<id>-error`, which describe it. */
  id: string;
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  hint?: string;
  type?: string;
  onInput: (value: string) => void;
}

/** A text field: what was typed stays (`.value` is the form's state), and a refusal is said beside it. */
export function textField(o: FieldOptions): TemplateResult {
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <input
      id=${o.id}
      name=${o.name}
      type=${o.type ?? 'text'}
      autocomplete="off"
      .value=${o.value}
      aria-invalid=${o.error ? 'true' : 'false'}
      aria-describedby=${`${o.id}-error${o.hint ? ` ${o.id}-hint` : ''}`}
      @input=${(e: Event) => o.onInput((e.target as HTMLInputElement).value)}
    />
    ${o.hint ? html`<span class="hint" id=${`${o.id}-hint`}>${o.hint}</span>` : nothing}
    <span class="error" id=${`${o.id}-error`}>${o.error ?? ''}</span>
  </div>`;
}

/** While a part reads: its error with Try again, or its skeleton; undefined once it has what it shows. */
export function loadState(error: string | undefined, ready: boolean, loading: string, retry: () => void): TemplateResult | undefined {
  if (error)
    return html`<p class="error" role="alert">${error}</p>
      <button @click=${retry}>${T.retry}</button>`;
  if (!ready) return html`<p class="skeleton" aria-busy="true">${loading}</p>`;
  return undefined;
}
