/** What the settings parts share: a field with its label, hint and error beside it, and a first read's states. */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { SETTINGS_TEXT as T } from '../settings/settings-texts.js';
import { errorText } from '../texts.js';

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

/**
 * A settings part's first read, as a reactive controller: reads when the part connects, hands the answer over,
 * and renders the read's states (`waiting`) until it has one; Try again reads again.
 */
export class PartRead<D> implements ReactiveController {
  private error: string | undefined;
  private done = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly read: () => Promise<D>,
    private readonly onData: (data: D) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.load();
  }

  /** The error with Try again, or the skeleton; undefined once the part has its data. */
  waiting(loading: string): TemplateResult | undefined {
    return loadState(this.error, this.done, loading, () => void this.load());
  }

  private async load(): Promise<void> {
    this.error = undefined;
    this.host.requestUpdate();
    try {
      this.onData(await this.read());
      this.done = true;
    } catch (error) {
      this.error = errorText(error);
    }
    this.host.requestUpdate();
  }
}
