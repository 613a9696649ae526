import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { panelStyles } from '../customers/panel.styles.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { sessionWhen } from '../schedule/rule-words.js';
import { SCHEDULE_TEXT as T } from '../schedule/schedule-texts.js';
import type { WeekSession } from '../schedule/week-layout.js';

const isDate = (v: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(v);
const isTime = (v: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

/**
 * Moving one session without a pointer (the calendar's drag has no keyboard): a modal dialog (WAI-ARIA APG) with
 * the new date and start time, saying how many customers are moved and emailed. It stays open on a refusal, the
 * message beside its field and what was typed kept; the opener closes it once the move is saved.
 * @event move-submit - detail: the new local start, `YYYY-MM-DDTHH:MM:00`
 * @event dialog-close - the dialog closed
 */
export class ConsoleMoveDialog extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
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
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        justify-content: end;
        margin-top: 1rem;
      }
    `,
  ];

  @property({ attribute: false }) session: WeekSession | undefined;
  /** A refusal of the move, said beside the field the server named (`date` or `time`), or above the buttons. */
  @property({ attribute: false }) error: { field?: 'date' | 'time'; text: string } | undefined;
  @property({ type: Boolean }) busy = false;
  @state() private date = '';
  @state() private time = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  async show(): Promise<void> {
    const s = this.session;
    this.date = s?.localStartDate.slice(0, 10) ?? '';
    this.time = s?.localStartDate.slice(11, 16) ?? '';
    this.error = undefined;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#move-date')?.focus();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  override render() {
    const s = this.session;
    const heading = s ? T.moveTitle(s.title ?? '', sessionWhen(s.localStartDate)) : '';
    const booked = s?.bookedCount ?? 0;
    return html`<dialog aria-labelledby="move-title" aria-describedby="move-note" @close=${this.closed}>
      <form novalidate @submit=${this.submit} aria-busy=${this.busy ? 'true' : 'false'}>
        <h2 id="move-title">${heading}</h2>
        <p id="move-note">${booked > 0 ? T.moveWarn(booked) : T.moveNoBookings}</p>
        ${this.field('date', T.newDate, 'date', this.date, (v) => (this.date = v))}
        ${this.field('time', T.newTime, 'time', this.time, (v) => (this.time = v))}
        ${this.error && !this.error.field ? html`<p class="error" role="alert">${this.error.text}</p>` : nothing}
        ${this.busy ? html`<progress aria-label=${T.moving}></progress>` : nothing}
        <div class="buttons">
          <button type="button" class="keep" @click=${() => this.close()}>${T.moveKeep}</button>
          <button type="submit" class="primary" ?disabled=${this.busy}>${T.moveButton}</button>
        </div>
      </form>
    </dialog>`;
  }

  private field(name: 'date' | 'time', label: string, type: string, value: string, set: (v: string) => void) {
    const error = this.error?.field === name ? this.error.text : undefined;
    return html`<div class="field">
      <label for="move-${name}">${label}</label>
      <input
        id="move-${name}"
        type=${type}
        step=${type === 'time' ? '900' : nothing}
        .value=${value}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `move-${name}-error` : nothing}
        @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="error" id="move-${name}-error" role="alert">${error}</p>` : nothing}
    </div>`;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const s = this.session;
    if (!s || this.busy) return;
    if (!isDate(this.date)) this.error = { field: 'date', text: T.dateMissing };
    else if (!isTime(this.time)) this.error = { field: 'time', text: T.timeMissing };
    else if (`${this.date}T${this.time}` === s.localStartDate.slice(0, 16)) this.error = { field: 'time', text: T.sameTime };
    else {
      this.error = undefined;
      this.dispatchEvent(new CustomEvent<string>('move-submit', { detail: `${this.date}T${this.time}:00` }));
      return;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private closed(): void {
    this.dispatchEvent(new CustomEvent('dialog-close'));
  }
}

define('console-move-dialog', ConsoleMoveDialog);

declare global {
  interface HTMLElementTagNameMap {
    'console-move-dialog': ConsoleMoveDialog;
  }
}
