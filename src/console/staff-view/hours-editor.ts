import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { WEEKDAYS, type Weekday } from '../../model/business.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { rangeStyles } from './range.styles.js';
import { minutesOf, newRow, sortRows, type HoursErrors, type HoursField, type HoursRow } from '../staff/working-hours-rules.js';
import { STAFF_TEXT as T } from '../staff/staff-texts.js';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * A week of working hours: a group a weekday, each with its ranges as two native time inputs (typed with the
 * keyboard, labelled "Monday start 1"), Add and Remove buttons; a problem shows under the field it is about
 * (`aria-describedby`, `aria-invalid`). The element keeps no state: every edit is a `hours-change` with the rows.
 * @event hours-change - detail: the edited rows
 */
export class ConsoleHoursEditor extends LitElement {
  static override styles = [themeStyles, rangeStyles];

  @property({ attribute: false }) rows: HoursRow[] = [];
  @property({ attribute: false }) errors: HoursErrors = new Map();

  override render() {
    return html`${WEEKDAYS.map((day) => this.day(day))}`;
  }

  private day(day: Weekday) {
    const rows = this.rows.filter((r) => r.day === day);
    const name = T.day[day];
    return html`<fieldset data-day=${day}>
      <legend>${name}</legend>
      ${rows.length === 0 ? html`<p class="muted">${T.dayOff}</p>` : nothing}
      ${repeat(
        rows,
        (r) => r.key,
        (r, i) =>
          html`<div class="range" data-hours-key=${r.key}>
            ${this.time(r, 'startTime', T.start(name, i + 1))} ${this.time(r, 'endTime', T.end(name, i + 1))}
            <button class="remove" aria-label=${T.removeHours(name, i + 1)} @click=${() => void this.removeRow(r)}>${T.remove}</button>
          </div>`,
      )}
      <button class="add" @click=${() => void this.addRow(day)}>${T.addHours(name)}</button>
    </fieldset>`;
  }

  private time(row: HoursRow, field: HoursField, label: string) {
    const error = this.errors.get(row.key)?.[field];
    const id = `h${row.key}-${field}`;
    // The message sits outside the label, so the field's name stays its label while the message describes it.
    return html`<div class="time">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="time"
        step="300"
        .value=${row[field]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(e: Event) => this.change(row, field, (e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private emit(rows: HoursRow[]): void {
    // Shown at once (the owner's copy follows through the event), so focus can move to a row just added.
    this.rows = rows;
    this.dispatchEvent(new CustomEvent<HoursRow[]>('hours-change', { detail: rows }));
  }

  private change(row: HoursRow, field: HoursField, value: string): void {
    this.emit(this.rows.map((r) => (r.key === row.key ? { ...r, [field]: value } : r)));
  }

  private async addRow(day: Weekday): Promise<void> {
    const last = this.rows.filter((r) => r.day === day).at(-1);
    // After the day's last range, for an hour: a second range that does not overlap the first.
    const from = last ? (minutesOf(last.endTime) ?? 0) : null;
    const row = from === null ? newRow(day) : newRow(day, hhmm(from), hhmm(Math.min(from + 60, 24 * 60)));
    this.emit(sortRows([...this.rows, row]));
    await this.updateComplete;
    // Focus the new range's start, so the keyboard goes on typing where the new row is.
    this.renderRoot.querySelector<HTMLInputElement>(`[data-hours-key="${row.key}"] input`)?.focus();
  }

  private async removeRow(row: HoursRow): Promise<void> {
    this.emit(this.rows.filter((r) => r.key !== row.key));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`fieldset[data-day="${row.day}"] button.add`)?.focus();
  }
}

define('console-hours-editor', ConsoleHoursEditor);

declare global {
  interface HTMLElementTagNameMap {
    'console-hours-editor': ConsoleHoursEditor;
  }
}
