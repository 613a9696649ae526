import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import type { Booking } from '../../model/booking.js';
import { routeHref } from '../booking-console/route.js';
import { filterFromQuery, filterToQuery, sameFilter, type BookingFilter } from '../bookings/booking-filter.js';
import { actionsFor, customerName, formatStart, type RowAction } from '../bookings/booking-rows.js';
import { BookingsFeed } from '../bookings/bookings-feed.js';
import '../bookings-filters/bookings-filters.js';
import { FILTER_TEXT } from './bookings-view-texts.js';
import { define } from '../shared/define.js';
import { cardListStyles } from '../shared/list.styles.js';
import { statusStyles } from '../shared/status.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import '../export/export-csv.js';
import { exportRange } from '../export/export-range.js';
import { NEW_BOOKING_TEXT } from '../new-booking/new-booking-texts.js';
import { TEXT } from '../texts.js';
import { bookingsViewStyles } from './bookings-view.styles.js';
import { readError } from '../shared/read-error.js';

/**
 * The bookings view: PENDING requests by default (the ones waiting for the business); by choice any status,
 * service, staff member, date range and customer (name or email), kept in the address (`#bookings?…`); earliest
 * first, a page at a time, each with the actions its status allows, kept live by the business stream.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleBookingsView extends LitElement {
  static override styles = [themeStyles, statusStyles, cardListStyles, bookingsViewStyles];

  /** The signed-in client; set once before the element is connected (the root renders it only then). */
  @property({ attribute: false }) client!: BookingClient;
  /** The signed-in account is an OWNER: a STAFF account has no staff filter and no New booking (contract section 12). */
  @property({ type: Boolean }) owner = false;
  /** The address's settings (`#bookings?status=…`): the filter to show. */
  @property({ attribute: false }) query: Readonly<Record<string, string>> = {};

  private feed: BookingsFeed | undefined;

  override connectedCallback(): void {
    // The feed adds itself as a controller, so it must exist before Lit connects controllers.
    this.feed ??= new BookingsFeed(
      this,
      this.client,
      () => this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true })),
      filterFromQuery(this.query),
    );
    super.connectedCallback();
  }

  /** A new address (a link, the back button, a hand edit) brings its filter; the one on screen needs no re-read. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    const feed = this.feed;
    if (!feed || !changed.has('query') || changed.get('query') === undefined) return;
    const wanted = filterFromQuery(this.query);
    if (!sameFilter(wanted, feed.filter)) feed.setFilter(wanted);
  }

  override render() {
    const feed = this.feed;
    if (!feed) return nothing;
    return html`<section data-view="bookings" aria-labelledby="bookings-title">
      <div class="bar">
        <h1 id="bookings-title">${TEXT.bookingsTitle}</h1>
        ${this.owner ? html`<a class="button" href="#new-booking">${NEW_BOOKING_TEXT.title}</a>` : nothing}
        ${
          this.owner
            ? html`<console-export-csv
                .client=${this.client}
                .range=${exportRange(feed.filter, feed.timeZone, Date.now())}
              ></console-export-csv>`
            : nothing
        }
      </div>
      <console-bookings-filters
        .client=${this.client}
        .filter=${feed.filter}
        .owner=${this.owner}
        @console-filter=${(e: CustomEvent<BookingFilter>) => this.filterChanged(e.detail)}
      ></console-bookings-filters>
      <p class="live" role="status">${feed.live ? TEXT.liveOn : TEXT.liveOff}</p>
      <p class="count" aria-live="polite" data-count=${feed.state === 'ready' ? feed.rows.length : ''}>
        ${feed.state === 'ready' ? FILTER_TEXT.count(feed.rows.length, Math.max(feed.total, feed.rows.length)) : ''}
      </p>
      ${this.body(feed)}
    </section>`;
  }

  private body(feed: BookingsFeed) {
    if (feed.state === 'failed') {
      return readError(feed.error ?? '', () => void feed.read());
    }
    if (feed.state === 'loading') return html`<p aria-busy="true">${TEXT.loading}</p>`;
    const rows = feed.rows;
    if (rows.length === 0) return html`<p>${sameFilter(feed.filter, filterFromQuery({})) ? TEXT.empty : FILTER_TEXT.noMatch}</p>`;
    return html`<ul aria-busy=${feed.loadingMore ? 'true' : 'false'}>
        ${repeat(
          rows,
          (b) => b.id,
          (b) => this.row(feed, b),
        )}
      </ul>
      ${feed.error ? html`<p class="error" role="alert">${feed.error}</p>` : nothing}
      ${
        feed.hasMore
          ? html`<button class="more" ?disabled=${feed.loadingMore} @click=${() => void this.loadMore(feed)}>
              ${feed.loadingMore ? FILTER_TEXT.loadingMore : feed.error ? TEXT.retry : FILTER_TEXT.loadMore}
            </button>`
          : nothing
      }`;
  }

  /** The next page; focus goes to the first new row, where a keyboard user reads on. */
  private async loadMore(feed: BookingsFeed): Promise<void> {
    const before = feed.rows.length;
    await feed.loadMore();
    await this.updateComplete;
    this.renderRoot.querySelectorAll<HTMLElement>('li[data-booking-id]')[before]?.focus();
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

  /** A new filter: read it, and keep it in the address without a history entry per keystroke. */
  private filterChanged(filter: BookingFilter): void {
    this.feed?.setFilter(filter);
    history.replaceState(history.state, '', routeHref('bookings', undefined, filterToQuery(filter)));
  }
}

define('console-bookings-view', ConsoleBookingsView);

declare global {
  interface HTMLElementTagNameMap {
    'console-bookings-view': ConsoleBookingsView;
  }
}
