import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import { BOOKING_STATUSES, type Booking, type BookingStatus } from '../../model/booking.js';
import { actionsFor, customerName, formatStart, type RowAction } from '../bookings/booking-rows.js';
import { BookingsFeed } from '../bookings/bookings-feed.js';
import { routeHref } from '../booking-console/route.js';
import { define } from '../shared/define.js';
import { cardListStyles } from '../shared/list.styles.js';
import { statusStyles } from '../shared/status.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { NEW_BOOKING_TEXT } from '../new-booking/new-booking-texts.js';
import { TEXT } from '../texts.js';
import { bookingsViewStyles } from './bookings-view.styles.js';

/**
 * The bookings view: PENDING requests by default (the ones waiting for the business), any status by choice,
 * earliest first, each with the actions its status allows, kept live by the business stream.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleBookingsView extends LitElement {
  static override styles = [themeStyles, statusStyles, cardListStyles, bookingsViewStyles];

  /** The signed-in client; set once before the element is connected (the root renders it only then). */
  @property({ attribute: false }) client!: BookingClient;
  /** Whether this account may book a customer by phone (OWNER): the bar then links to New booking. */
  @property({ type: Boolean }) canBook = false;

  private feed: BookingsFeed | undefined;

  override connectedCallback(): void {
    // The feed adds itself as a controller, so it must exist before Lit connects controllers.
    this.feed ??= new BookingsFeed(this, this.client, () =>
      this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true })),
    );
    super.connectedCallback();
  }

  override render() {
    const feed = this.feed;
    if (!feed) return nothing;
    return html`<section data-view="bookings" aria-labelledby="bookings-title">
      <div class="bar">
        <h1 id="bookings-title">${TEXT.bookingsTitle}</h1>
        ${this.canBook ? html`<a class="button" href="#new-booking">${NEW_BOOKING_TEXT.title}</a>` : nothing}
        <label
          >${TEXT.statusFilter}
          <select @change=${this.filterChanged}>
            ${BOOKING_STATUSES.map((s) => html`<option value=${s} ?selected=${feed.filter === s}>${s}</option>`)}
            <option value="" ?selected=${feed.filter === undefined}>${TEXT.allStatuses}</option>
          </select></label
        >
      </div>
      <p class="live" role="status">${feed.live ? TEXT.liveOn : TEXT.liveOff}</p>
      ${this.body(feed)}
    </section>`;
  }

  private body(feed: BookingsFeed) {
    if (feed.state === 'failed') {
      return html`<p class="error" role="alert">${feed.error}</p>
        <button @click=${() => void feed.read()}>${TEXT.retry}</button>`;
    }
    if (feed.state === 'loading') return html`<p aria-busy="true">${TEXT.loading}</p>`;
    const rows = feed.rows;
    if (rows.length === 0) return html`<p>${TEXT.empty}</p>`;
    return html`<ul>
      ${repeat(
        rows,
        (b) => b.id,
        (b) => this.row(feed, b),
      )}
    </ul>`;
  }

  private row(feed: BookingsFeed, b: Booking) {
    const busy = feed.busy.get(b.id);
    const error = feed.rowErrors.get(b.id);
    const label = (action: RowAction) => (action === 'confirm' ? TEXT.confirm : TEXT.decline);
    return html`<li data-booking-id=${b.id} data-status=${b.status} aria-busy=${busy ? 'true' : 'false'} tabindex="-1">
      <a class="who" href=${routeHref('booking', b.id)}>${customerName(b)}</a>
      <span class="status ${b.status}">${b.status}</span>
      <span class="what">${b.bookedEntity.title ?? ''}</span>
      <span class="when">${formatStart(b, feed.timeZone)}</span>
      <div class="actions">
        ${actionsFor(b).map(
          (action) =>
            html`<button
              class=${action === 'confirm' ? 'primary' : ''}
              ?disabled=${busy !== undefined}
              @click=${() => void this.act(feed, b, action)}
            >
              ${busy === action ? TEXT.working : label(action)}
            </button>`,
        )}
      </div>
      ${error ? html`<p class="row-error error" role="alert">${error}</p>` : nothing}
    </li>`;
  }

  /**
   * Acts, then keeps a keyboard user's place: the pressed button is gone once the status changes (a CONFIRMED
   * booking offers neither), and focus would fall back to the page's top, so it moves to the row itself.
   */
  private async act(feed: BookingsFeed, b: Booking, action: RowAction): Promise<void> {
    await feed.act(b, action);
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(`li[data-booking-id="${CSS.escape(b.id)}"]`);
    if (row && !row.contains(this.shadowRoot?.activeElement ?? null)) row.focus();
  }

  private filterChanged(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    this.feed?.setFilter(value === '' ? undefined : (value as BookingStatus));
  }
}

define('console-bookings-view', ConsoleBookingsView);

declare global {
  interface HTMLElementTagNameMap {
    'console-bookings-view': ConsoleBookingsView;
  }
}
