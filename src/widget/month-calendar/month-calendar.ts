import { LitElement, html, css, type PropertyValues, type PropertyDeclarations } from 'lit';
import { addDays, addMonths, monthGrid, monthOf } from '../../flow/calendar.js';
import { formatLocalDate, formatMonth, msg, useLocale, weekdayNames } from '../../i18n/index.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';

/** The same day number in `month`, or its last day (Page Down from the 31st), as the APG example does. */
function sameDayIn(month: string, day: string): string {
  const last = Number(addDays(`${addMonths(month, 1)}-01`, -1).slice(8));
  return `${month}-${String(Math.min(Number(day.slice(8)), last)).padStart(2, '0')}`;
}

/**
 * A month as an ARIA grid (the APG date-picker grid pattern): one tab stop, arrow keys move by day and week,
 * Home/End to the week's ends, Page Up/Down by month, Enter or Space picks a day. Left and right follow `textDir`.
 * @event day-select - detail: { day } (`YYYY-MM-DD`), only for days in `openDays`
 * @event month-change - detail: { month } (`YYYY-MM`)
 * @csspart day - a day cell
 * @csspart button - the previous/next month buttons
 */
export class MonthCalendar extends LitElement {
  static override styles = [
    shared,
    css`
      .head {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin-block-end: 0.5rem;
      }
      .head button {
        padding: 0.25rem 0.75rem;
      }
      .label {
        font-weight: 600;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        max-width: 22rem;
      }
      th {
        font-size: 0.75rem;
        font-weight: 600;
        color: var(--bw-muted);
        padding: 0.25rem 0;
      }
      td {
        text-align: center;
        padding: 0.45rem 0;
        border-radius: var(--bw-radius);
        color: var(--bw-muted);
      }
      td.open {
        color: var(--bw-fg);
        font-weight: 600;
        cursor: pointer;
        text-decoration: underline;
        text-underline-offset: 3px;
      }
      td[aria-selected='true'] {
        background: var(--bw-accent);
        color: var(--bw-accent-contrast);
        text-decoration: none;
      }
    `,
  ];

  /** `YYYY-MM` shown. */
  static override properties: PropertyDeclarations = {
    month: {},
    openDays: { attribute: false },
    selected: {},
    min: {},
    locale: {},
    textDir: { attribute: false },
    busy: { type: Boolean },
    focusDay: { state: true },
  };

  month = '';
  openDays: Set<string> = new Set();
  selected: string | undefined;
  /** No month before this one can be shown (`YYYY-MM-DD`). */
  min: string | undefined;
  locale = 'en';
  textDir: 'ltr' | 'rtl' = 'ltr';
  busy = false;

  private focusDay = '';
  private wantFocus = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new month from outside (not from keyboard moves, which set focusDay first): start on a useful day.
    if (monthOf(this.focusDay) !== this.month && (changed.has('month') || !this.focusDay)) {
      const selected = this.selected && monthOf(this.selected) === this.month ? this.selected : undefined;
      this.focusDay = selected ?? [...this.openDays].filter((d) => monthOf(d) === this.month).sort()[0] ?? `${this.month}-01`;
    }
  }

  protected override updated(): void {
    const cell = this.wantFocus ? this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]') : null;
    if (cell) {
      this.wantFocus = false; // kept until the day is rendered (after a month change)
      cell.focus();
    }
  }

  override render() {
    useLocale(this.locale); // in the widget's language, as the step around it
    const names = weekdayNames(this.locale, 'short');
    const longNames = weekdayNames(this.locale, 'long');
    const atMin = !!this.min && monthOf(this.min) >= this.month;
    return html`<div class="head">
        <button part="button" type="button" aria-label=${msg('previousMonth')} ?disabled=${atMin} @click=${() => this.changeMonth(-1)}>
          ${this.textDir === 'rtl' ? '→' : '←'}
        </button>
        <span class="label" id="label" aria-live="polite">${formatMonth(this.month, this.locale)}</span>
        <button part="button" type="button" aria-label=${msg('nextMonth')} @click=${() => this.changeMonth(1)}>
          ${this.textDir === 'rtl' ? '←' : '→'}
        </button>
      </div>
      <p class="visually-hidden" id="hint">${msg('calendarHint')}</p>
      <table role="grid" aria-labelledby="label" aria-describedby="hint" aria-busy=${this.busy ? 'true' : 'false'} @keydown=${this.onKey}>
        <thead>
          <tr>
            ${names.map((n, i) => html`<th scope="col" abbr=${longNames[i] ?? n}>${n}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${monthGrid(this.month).map(
            (week) =>
              html`<tr>
                ${week.map((day) => (day ? this.cell(day) : html`<td></td>`))}
              </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private cell(day: string) {
    const open = this.openDays.has(day);
    const label = `${formatLocalDate(day, this.locale)}${open ? `, ${msg('available')}` : ''}`;
    return html`<td
      role="gridcell"
      part="day"
      class=${open ? 'open' : ''}
      data-day=${day}
      tabindex=${day === this.focusDay ? '0' : '-1'}
      aria-label=${label}
      aria-selected=${day === this.selected ? 'true' : 'false'}
      aria-disabled=${open ? 'false' : 'true'}
      @click=${() => this.pick(day)}
    >
      ${Number(day.slice(8))}
    </td>`;
  }

  private pick(day: string): void {
    this.focusDay = day;
    if (this.openDays.has(day)) this.dispatchEvent(new CustomEvent('day-select', { detail: { day } }));
  }

  private changeMonth(n: number): void {
    this.dispatchEvent(new CustomEvent('month-change', { detail: { month: addMonths(this.month, n) } }));
  }

  private onKey(e: KeyboardEvent): void {
    const rtl = this.textDir === 'rtl' ? -1 : 1;
    const weekday = (new Date(`${this.focusDay}T00:00:00Z`).getUTCDay() + 6) % 7;
    const moves: Record<string, () => string> = {
      ArrowRight: () => addDays(this.focusDay, rtl),
      ArrowLeft: () => addDays(this.focusDay, -rtl),
      ArrowDown: () => addDays(this.focusDay, 7),
      ArrowUp: () => addDays(this.focusDay, -7),
      Home: () => addDays(this.focusDay, -weekday),
      End: () => addDays(this.focusDay, 6 - weekday),
      PageDown: () => sameDayIn(addMonths(this.month, 1), this.focusDay),
      PageUp: () => sameDayIn(addMonths(this.month, -1), this.focusDay),
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.pick(this.focusDay);
      return;
    }
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const next = move();
    if (this.min && monthOf(next) < monthOf(this.min)) return;
    this.focusDay = next;
    this.wantFocus = true;
    if (monthOf(next) !== this.month) this.dispatchEvent(new CustomEvent('month-change', { detail: { month: monthOf(next) } }));
  }
}

define('booking-widget-month-calendar', MonthCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-month-calendar': MonthCalendar;
  }
}
