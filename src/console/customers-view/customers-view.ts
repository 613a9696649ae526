import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { Customer } from '../../model/customer.js';
import { routeHref } from '../booking-console/route.js';
import { formatStart } from '../bookings/booking-rows.js';
import { BookingStream } from '../customers/booking-stream.js';
import { customerFullName } from '../customers/customer-rows.js';
import { CUSTOMER_TEXT as T } from '../customers/customer-texts.js';
import { panelStyles } from '../customers/panel.styles.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { TEXT, errorText } from '../texts.js';

/** How long typing must pause before the list is searched again. */
const DEBOUNCE_MS = 250;

/**
 * The customers view: everyone in the business's bookings and its members (a STAFF account: those in its own
 * bookings), searched by name or email as the owner types, each linking to `#customer/<id>`. A booking change on
 * the business stream reads the list again (counts and next bookings move; a new customer appears).
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleCustomersView extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;

  @state() private search = '';
  @state() private customers: Customer[] | undefined;
  @state() private next: string | null = null;
  @state() private busy = false;
  @state() private error: string | undefined;
  @state() private timeZone: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Answers to an older search are dropped: a newer one was typed meanwhile. */
  private seq = 0;

  private stream: BookingStream | undefined;

  override connectedCallback(): void {
    this.stream ??= new BookingStream(
      this,
      this.client,
      () => this.soon(),
      () => this.soon(),
    );
    super.connectedCallback();
    void this.client.services.getSiteProperties().then(
      (r) => (this.timeZone = r.properties.timeZone),
      () => undefined, // the browser's zone then; each time still names its zone
    );
    void this.read();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** Reads the first page for the current search (or the next page, `more`). */
  async read(more = false): Promise<void> {
    const seq = ++this.seq;
    this.busy = true;
    this.error = undefined;
    try {
      const answer = await this.client.customers.listCustomers(
        more && this.next ? { cursor: this.next } : { search: this.search.trim(), limit: 50 },
      );
      if (seq !== this.seq) return;
      this.customers = more ? [...(this.customers ?? []), ...answer.customers] : answer.customers;
      this.next = answer.pagingMetadata.hasNext ? answer.pagingMetadata.cursors.next : null;
    } catch (error) {
      if (seq !== this.seq) return;
      if (error instanceof BookingApiError && error.status === 401) {
        this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true }));
        return;
      }
      this.error = errorText(error);
    }
    this.busy = false;
  }

  override render() {
    return html`<section data-view="customers" aria-labelledby="customers-title" aria-busy=${this.busy ? 'true' : 'false'}>
      <div class="bar"><h1 id="customers-title">${T.listTitle}</h1></div>
      <label class="field"
        >${T.searchLabel}
        <input type="search" autocomplete="off" .value=${this.search} @input=${this.typed} />
      </label>
      <p role="status" aria-live="polite" class="muted">${this.countText()}</p>
      ${this.body()}
    </section>`;
  }

  private countText(): string {
    if (this.busy) return this.customers ? T.searching : T.loading;
    if (!this.customers) return '';
    return T.count(this.customers.length, this.next !== null);
  }

  private body() {
    if (this.error !== undefined) {
      return html`<p class="error" role="alert">${this.error}</p>
        <button @click=${() => void this.read()}>${TEXT.retry}</button>`;
    }
    const list = this.customers;
    if (!list) return html`<progress aria-label=${T.loading}></progress>`;
    if (list.length === 0) return html`<p>${this.search.trim() ? T.noMatch : T.none}</p>`;
    return html`<ul class="cards">
        ${repeat(
          list,
          (c) => c.id,
          (c) => this.row(c),
        )}
      </ul>
      ${
        this.next
          ? html`<div class="actions"><button ?disabled=${this.busy} @click=${() => void this.read(true)}>${T.more}</button></div>`
          : nothing
      }`;
  }

  private row(c: Customer) {
    const when = c.nextBookingStart ? T.next(formatStart({ startDate: c.nextBookingStart }, this.timeZone)) : undefined;
    const last = !when && c.lastBookingStart ? T.last(formatStart({ startDate: c.lastBookingStart }, this.timeZone)) : undefined;
    return html`<li class="card" data-customer-id=${c.id}>
      <a class="title" href=${routeHref('customer', c.id)}>${customerFullName(c)}</a>
      ${c.memberId ? html`<span class="pill">${T.member}</span>` : nothing}
      <div class="muted">${[c.email, c.phone].filter(Boolean).join(' · ')}</div>
      <div class="muted">${[T.bookingsCount(c.bookingsCount), when ?? last].filter(Boolean).join(' · ')}</div>
    </li>`;
  }

  private typed(e: Event): void {
    this.search = (e.target as HTMLInputElement).value;
    this.soon();
  }

  /** Reads again once typing (or a burst of live changes) pauses. */
  private soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.read(), DEBOUNCE_MS);
  }
}

define('console-customers-view', ConsoleCustomersView);

declare global {
  interface HTMLElementTagNameMap {
    'console-customers-view': ConsoleCustomersView;
  }
}
