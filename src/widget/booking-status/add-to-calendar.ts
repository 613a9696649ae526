import { LitElement, html, css, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { googleCalendarUrl, outlookCalendarUrl, type CalendarEvent } from '../../calendar/calendar-links.js';
import { calendarMsg } from '../../i18n/calendar.js';
import { useLocale } from '../../i18n/index.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';

let lists = 0;

/**
 * "Add to calendar": a disclosure (WAI-ARIA APG: a button with `aria-expanded` showing a list of links) offering
 * the booking's `.ics` file, Google Calendar and Outlook.com. It only renders what it is given: the flow fetches
 * the `.ics` link, src/calendar builds the others. Escape closes it and returns focus to the button. Its texts
 * follow `locale` (the step that shows it passes its own, so it re-renders when the language changes).
 */
export class AddToCalendar extends LitElement {
  static override styles = [
    shared,
    css`
      :host {
        margin-top: 0.5rem;
      }
      ul {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      a {
        color: var(--bw-fg);
        text-underline-offset: 2px;
      }
      a:focus-visible {
        outline: 2px solid var(--bw-accent);
        outline-offset: 2px;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    event: { attribute: false },
    fileUrl: { attribute: false },
    open: { type: Boolean, reflect: true },
    locale: { attribute: false },
  };

  /** The event to add; nothing renders without it. */
  event: CalendarEvent | undefined;
  /** The booking's `.ics` link, when the flow has it. */
  fileUrl: string | undefined;
  open = false;
  /** The widget's locale: the language of the texts. */
  locale = 'en';

  private readonly listId = `add-to-calendar-${++lists}`;

  protected override update(changed: PropertyValues<this>): void {
    useLocale(this.locale);
    super.update(changed);
  }

  override render() {
    const event = this.event;
    if (!event) return nothing;
    const newTab = calendarMsg('newTab');
    return html`<button
        part="button"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.listId}
        @click=${() => (this.open = !this.open)}
      >
        ${calendarMsg('addToCalendar')}
      </button>
      <ul id=${this.listId} ?hidden=${!this.open} @keydown=${this.closeOnEscape}>
        ${this.fileUrl ? html`<li><a href=${this.fileUrl} download="booking.ics" data-calendar="ics">${calendarMsg('icsFile')}</a></li>` : nothing}
        <li>
          <a href=${googleCalendarUrl(event)} target="_blank" rel="noopener noreferrer" data-calendar="google"
            >${calendarMsg('googleCalendar')} <span class="muted">${newTab}</span></a
          >
        </li>
        <li>
          <a href=${outlookCalendarUrl(event)} target="_blank" rel="noopener noreferrer" data-calendar="outlook"
            >${calendarMsg('outlookCom')} <span class="muted">${newTab}</span></a
          >
        </li>
      </ul>`;
  }

  private closeOnEscape(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    this.open = false;
    this.renderRoot.querySelector('button')?.focus();
  }
}

define('booking-widget-add-to-calendar', AddToCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-add-to-calendar': AddToCalendar;
  }
}
