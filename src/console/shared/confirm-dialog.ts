import { LitElement, css, html } from 'lit';
import { property, query } from 'lit/decorators.js';
import { define } from './define.js';
import { themeStyles } from './theme.styles.js';

/**
 * A confirmation before a step that cannot be undone (Cancel, Decline), as the WAI-ARIA APG modal dialog: the
 * native `<dialog>` opened with `showModal()` makes the rest of the page inert (focus stays inside), Escape
 * closes it, and focus starts on the safe choice. The opener restores focus when it hears `dialog-close`. Children
 * (a message, a checkbox) are shown under the body.
 * @event dialog-confirm - the destructive choice was pressed
 * @event dialog-close - the dialog closed, by either button or Escape
 */
export class ConsoleConfirmDialog extends LitElement {
  static override styles = [
    themeStyles,
    css`
      dialog {
        background: var(--bc-surface);
        color: var(--bc-text);
        border: 1px solid var(--bc-border);
        border-radius: var(--bc-radius);
        max-width: min(28rem, calc(100vw - 2rem));
        padding: 1.25rem;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      h2 {
        margin: 0 0 0.5rem;
        font-size: 1.2rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: end;
        margin-top: 1rem;
      }
      button.danger {
        background: var(--bc-danger);
        border-color: var(--bc-danger);
        color: var(--bc-surface);
      }
    `,
  ];

  @property() heading = '';
  @property() body = '';
  @property({ attribute: 'confirm-label' }) confirmLabel = '';
  @property({ attribute: 'keep-label' }) keepLabel = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.keep') private keep!: HTMLButtonElement;

  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.keep.focus();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  override render() {
    return html`<dialog aria-labelledby="dialog-title" aria-describedby="dialog-body" @close=${this.closed}>
      <h2 id="dialog-title">${this.heading}</h2>
      <p id="dialog-body">${this.body}</p>
      <slot></slot>
      <div class="buttons">
        <button class="keep" @click=${() => this.close()}>${this.keepLabel}</button>
        <button class="danger" @click=${this.confirm}>${this.confirmLabel}</button>
      </div>
    </dialog>`;
  }

  private confirm(): void {
    this.dispatchEvent(new CustomEvent('dialog-confirm', { bubbles: true, composed: true }));
    this.close();
  }

  private closed(): void {
    this.dispatchEvent(new CustomEvent('dialog-close', { bubbles: true, composed: true }));
  }
}

define('console-confirm-dialog', ConsoleConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'console-confirm-dialog': ConsoleConfirmDialog;
  }
}
