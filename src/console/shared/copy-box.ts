import { LitElement, css, html } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { define } from './define.js';
import { themeStyles } from './theme.styles.js';

/**
 * A read-only text to copy (an embed code, a secret, a subscription address) with its label and a Copy button that
 * then says "Copied"; where the clipboard is not allowed, the text is selected for Ctrl+C and a line says so.
 */
export class ConsoleCopyBox extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: grid;
        gap: 0.35rem;
        margin-bottom: 0.75rem;
      }
      label {
        font-weight: 600;
      }
      textarea {
        display: block;
        width: 100%;
        box-sizing: border-box;
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
        padding: 0.5rem;
        border: 1px solid var(--bc-muted);
        border-radius: var(--bc-radius);
        background: var(--bc-surface);
        color: inherit;
        resize: vertical;
      }
      button {
        justify-self: start;
      }
      p {
        margin: 0;
      }
    `,
  ];

  @property() label = '';
  @property() value = '';
  @property({ type: Number }) rows = 2;
  @property({ attribute: 'copy-label' }) copyLabel = 'Copy';
  @property({ attribute: 'copied-label' }) copiedLabel = 'Copied';
  @property({ attribute: 'failed-label' }) failedLabel = 'Copying was not allowed here: the text is selected, press Ctrl+C (⌘C on a Mac).';

  @state() private copied: 'yes' | 'failed' | undefined;
  @query('textarea') private box!: HTMLTextAreaElement;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('value')) this.copied = undefined;
  }

  override render() {
    return html`<label for="text">${this.label}</label>
      <textarea id="text" readonly rows=${this.rows} .value=${this.value}></textarea>
      <button @click=${() => void this.copy()}>${this.copied === 'yes' ? this.copiedLabel : this.copyLabel}</button>
      <p role="status">${this.copied === 'failed' ? this.failedLabel : ''}</p>`;
  }

  /** Focuses the text (after it appeared, e.g. a secret shown once). */
  override focus(): void {
    this.box?.focus();
  }

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.value);
      this.copied = 'yes';
    } catch {
      // No clipboard here (an insecure origin, a denied permission): leave the text selected for Ctrl+C.
      this.box.focus();
      this.box.select();
      this.copied = 'failed';
    }
  }
}

define('console-copy-box', ConsoleCopyBox);

declare global {
  interface HTMLElementTagNameMap {
    'console-copy-box': ConsoleCopyBox;
  }
}
