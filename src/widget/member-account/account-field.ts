/** One labelled field of the account forms: its hint and its error beside it, both tied to it for screen readers. */
import { html, nothing } from 'lit';

export interface AccountField {
  id: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autocomplete: string;
  value: string;
  error: string | undefined;
  hint?: string;
  required?: boolean;
  onInput: (value: string) => void;
  onBlur: () => void;
}

export function accountField(f: AccountField) {
  const described = [f.hint ? `${f.id}-hint` : '', f.error ? `${f.id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${f.id}>${f.label}${f.required ? ' *' : ''}</label>
    <input
      id=${f.id}
      name=${f.id}
      part="input"
      type=${f.type}
      autocomplete=${f.autocomplete}
      ?required=${!!f.required}
      aria-invalid=${f.error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      .value=${f.value}
      @input=${(e: Event) => f.onInput((e.target as HTMLInputElement).value)}
      @blur=${f.onBlur}
    />
    ${f.hint ? html`<p class="hint" id=${`${f.id}-hint`}>${f.hint}</p>` : nothing}
    ${f.error ? html`<p class="field-error" id=${`${f.id}-error`}>${f.error}</p>` : nothing}
  </div>`;
}

/** The server's first rule, checked here so the customer hears it before sending (docs/security.md has the rest). */
export const MIN_PASSWORD_LENGTH = 10;
