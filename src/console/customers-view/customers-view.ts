import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import type { Customer } from '../../model/customer.js';
import { routeHref } from '../booking-console/route.js';
import { formatStart } from '../bookings/booking-rows.js';
import { customerFullName } from '../customers/customer-rows.js';
import { CustomersFeed } from '../customers/customers-feed.js';
import { CUSTOMER_TEXT as T } from '../customers/customer-texts.js';
import { panelStyles } from '../customers/panel.styles.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { readError } from '../shared/read-error.js';

/**
 * The customers view: everyone in the business's bookings and its members (a STAFF account: those in its own
 * bookings), searched by name or email as the owner types, each linking to `#customer/<id>`. A booking change on
 * the business stream reads the list again (counts and next bookings move; a new customer appears).
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleCustomersView extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;

  private feed: CustomersFeed | undefined;

  override connectedCallback(): void {
    this.feed ??= new CustomersFeed(this, this.client, () =>
      this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true })),
    );
    super.connectedCallback();
  }

  override render() {
    const feed = this.feed;
    if (!feed) return nothing;
    return html`<section data-view="customers" aria-labelledby="customers-title" aria-busy=${feed.busy ? 'true' : 'false'}>
      <div class="bar"><h1 id="customers-title">${T.listTitle}</h1></div>
      <label class="field"
        >${T.searchLabel}
        <input
          type="search"
          autocomplete="off"
          .value=${feed.search}
          @input=${(e: Event) => feed.setSearch((e.target as HTMLInputElement).value)}
        />
      </label>
      <p role="status" aria-live="polite" class="muted">${this.countText(feed)}</p>
      ${this.body(feed)}
    </section>`;
  }

  private countText(feed: CustomersFeed): string {
    if (feed.busy) return feed.customers ? T.searching : T.loading;
    if (!feed.customers) return '';
    return T.count(feed.customers.length, feed.next !== null);
  }

  private body(feed: CustomersFeed) {
    if (feed.error !== undefined) {
      return readError(feed.error ?? '', () => void feed.read());
    }
    const list = feed.customers;
    if (!list) return html`<progress aria-label=${T.loading}></progress>`;
    if (list.length === 0) return html`<p>${feed.search.trim() ? T.noMatch : T.none}</p>`;
    return html`<ul class="cards">
        ${repeat(
          list,
          (c) => c.id,
          (c) => this.row(c, feed.timeZone),
        )}
      </ul>
      ${
        feed.next
          ? html`<div class="actions"><button ?disabled=${feed.busy} @click=${() => void feed.read(true)}>${T.more}</button></div>`
          : nothing
      }`;
  }

  private row(c: Customer, timeZone: string | undefined) {
    const when = c.nextBookingStart ? T.next(formatStart({ startDate: c.nextBookingStart }, timeZone)) : undefined;
    const last = !when && c.lastBookingStart ? T.last(formatStart({ startDate: c.lastBookingStart }, timeZone)) : undefined;
    return html`<li class="card" data-customer-id=${c.id}>
      <a class="title" href=${routeHref('customer', c.id)}>${customerFullName(c)}</a>
      ${c.memberId ? html`<span class="pill">${T.member}</span>` : nothing}
      <div class="muted">${[c.email, c.phone].filter(Boolean).join(' · ')}</div>
      <div class="muted">${[T.bookingsCount(c.bookingsCount), when ?? last].filter(Boolean).join(' · ')}</div>
    </li>`;
  }
}

define('console-customers-view', ConsoleCustomersView);

declare global {
  interface HTMLElementTagNameMap {
    'console-customers-view': ConsoleCustomersView;
  }
}
