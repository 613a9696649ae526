import { LitElement, html, css, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { FlowContext } from '../../flow/types.js';
import { msg, useLocale } from '../../i18n/index.js';
import type { Booking } from '../../model/booking.js';
import { calendarOffered } from './calendar-offer.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';
import { calendarChunk } from '../booking-widget/late-chunks.js';
import { stepPlaceholder } from '../booking-widget/placeholder.js';

let lists = 0;

/**
 * "Add to calendar": a disclosure (WAI-ARIA APG: a button with `aria-expanded` showing a list of links) offering
 * the booking's `.ics` file, Google Calendar and Outlook.com. It only renders what it is given: the flow fetches
 * the `.ics` link, src/calendar builds the others, in a chunk of their own fetched when the list first opens (a
 * skeleton meanwhile; Try again if it fails). Escape closes it and returns focus to the button. Its texts follow
 * `locale` (the step that shows it passes its own, so it re-renders when the language changes).
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
    booking: { attribute: false },
    context: { attribute: false },
    fileUrl: { attribute: false },
    open: { type: Boolean, reflect: true },
    locale: { attribute: false },
  };

  /** The booking to add; nothing renders without it, or when it is not offered (`calendarOffered`). */
  booking: Booking | undefined;
  /** What the event's title, place and details come from: the booking's service, the business, a course's sessions. */
  context: Pick<FlowContext, 'service' | 'business' | 'course'> = { service: undefined, business: undefined, course: undefined };
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
    const booking = this.booking;
    if (!booking || !calendarOffered(booking, this.context)) return nothing;
    return html`<button
        part="button"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.listId}
        @click=${this.toggle}
      >
        ${msg('addToCalendar')}
      </button>
      <ul id=${this.listId} ?hidden=${!this.open} @keydown=${this.closeOnEscape}>
        ${calendarChunk.loaded?.calendarLinks(booking, this.context, this.locale, this.fileUrl) ?? nothing}
      </ul>
      ${this.open && !calendarChunk.loaded ? stepPlaceholder(calendarChunk.state, () => this.loadLinks()) : nothing}`;
  }

  private toggle(): void {
    this.open = !this.open;
    if (this.open) this.loadLinks();
  }

  /** Fetches the links' chunk (again, after a failure); the list fills once it is here. */
  private loadLinks(): void {
    const settled = () => this.requestUpdate();
    calendarChunk.load().then(settled, settled);
    this.requestUpdate();
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
