import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { STAFF_TEXT as T } from '../staff/staff-texts.js';
import { newTimeOff, type TimeOffErrors, type TimeOffField, type TimeOffRow } from '../staff/time-off-rules.js';
import { rangeStyles } from './range.styles.js';

/**
 * A staff member's time off: ranges of two native `datetime-local` inputs ("Time off 1 from", "… until"), typed
 * with the keyboard, with Add and Remove; a problem shows under its field. Stateless like the hours editor:
 * every edit is a `time-off-change` with the rows.
 * @event time-off-change - detail: the edited rows
 */
export class ConsoleTimeOffEditor extends LitElement {
  static override styles = [themeStyles, rangeStyles];

  @property({ attribute: false }) rows: TimeOffRow[] = [];
  @property({ attribute: false }) errors: TimeOffErrors = new Map();

  override render() {
    return html`<fieldset data-time-off>
      <legend>${T.timeOff}</legend>
      <p class="muted">${this.rows.length === 0 ? T.noTimeOff : T.timeOffHint}</p>
      ${repeat(
        this.rows,
        (r) => r.key,
        (r, i) =>
          html`<div class="range" data-time-off-key=${r.key}>
            ${this.input(r, 'start', T.timeOffFrom(i + 1))} ${this.input(r, 'end', T.timeOffUntil(i + 1))}
            <button class="remove" aria-label=${T.removeTimeOff(i + 1)} @click=${() => void this.removeRow(r)}>${T.remove}</button>
          </div>`,
      )}
      <button class="add" @click=${() => void this.addRow()}>${T.addTimeOff}</button>
    </fieldset>`;
  }

  private input(row: TimeOffRow, field: TimeOffField, label: string) {
    const error = this.errors.get(row.key)?.[field];
    const id = `t${row.key}-${field}`;
    return html`<div class="time">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="datetime-local"
        .value=${row[field]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => this.emit(this.rows.map((r) => (r.key === row.key ? { ...r, [field]: (e.target as HTMLInputElement).value } : r)))}
      />
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private emit(rows: TimeOffRow[]): void {
    this.rows = rows;
    this.dispatchEvent(new CustomEvent<TimeOffRow[]>('time-off-change', { detail: rows }));
  }

  private async addRow(): Promise<void> {
    const row = newTimeOff();
    this.emit([...this.rows, row]);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`[data-time-off-key="${row.key}"] input`)?.focus();
  }

  private async removeRow(row: TimeOffRow): Promise<void> {
    this.emit(this.rows.filter((r) => r.key !== row.key));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.add')?.focus();
  }
}

define('console-time-off-editor', ConsoleTimeOffEditor);

declare global {
  interface HTMLElementTagNameMap {
    'console-time-off-editor': ConsoleTimeOffEditor;
  }
}
