import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { Booking } from '../../model/booking.js';
import type { CustomerResponse } from '../../model/customer.js';
import type { MemberPlanOrder } from '../../model/members.js';
import { routeHref } from '../booking-console/route.js';
import { formatStart } from '../bookings/booking-rows.js';
import { BookingStream } from '../customers/booking-stream.js';
import { customerFullName, splitByTime } from '../customers/customer-rows.js';
import { CUSTOMER_TEXT as T } from '../customers/customer-texts.js';
import { panelStyles } from '../customers/panel.styles.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { TEXT, errorText } from '../texts.js';

/**
 * One customer (`#customer/<id>`): contact details, upcoming and past bookings (each linking to `#booking/<id>`),
 * a member's pricing plans with credits, and New booking for this customer. Their bookings stay live.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleCustomerView extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;
  /** The customer's id (the route's parameter). */
  @property() customerId: string | undefined;
  /** Whether this account may book (OWNER): STAFF gets no New booking button. */
  @property({ type: Boolean }) canBook = false;

  @state() private data: CustomerResponse | undefined;
  @state() private error: string | undefined;
  @state() private missing = false;
  @state() private timeZone: string | undefined;
  private stream: BookingStream | undefined;

  override connectedCallback(): void {
    this.stream ??= new BookingStream(
      this,
      this.client,
      (b) => this.merge(b),
      () => void this.read(),
    );
    super.connectedCallback();
    void this.client.services.getSiteProperties().then(
      (r) => (this.timeZone = r.properties.timeZone),
      () => undefined, // the browser's zone then; each time still names its zone
    );
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('customerId')) void this.read();
  }

  async read(): Promise<void> {
    const id = this.customerId;
    this.error = undefined;
    this.missing = false;
    if (!id) {
      this.missing = true;
      return;
    }
    try {
      const data = await this.client.customers.getCustomer(id);
      if (id === this.customerId) this.data = data;
    } catch (error) {
      if (error instanceof BookingApiError && error.status === 401) {
        this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true }));
      } else if (error instanceof BookingApiError && error.status === 404) {
        this.missing = true;
      } else {
        this.error = errorText(error);
      }
    }
  }

  /** A changed booking of this customer replaces the one shown (by revision); a new one joins the list. */
  private merge(b: Booking): void {
    const data = this.data;
    if (!data || b.contactDetails?.contactId !== data.customer.id) return;
    const known = data.bookings.find((x) => x.id === b.id);
    if (known && Number(known.revision) >= Number(b.revision)) return;
    this.data = { ...data, bookings: [b, ...data.bookings.filter((x) => x.id !== b.id)] };
  }

  override render() {
    const data = this.data?.customer.id === this.customerId ? this.data : undefined;
    return html`<section
      data-view="customer"
      aria-labelledby="customer-title"
      aria-busy=${!data && !this.error && !this.missing ? 'true' : 'false'}
    >
      <p><a href=${routeHref('customers')}>← ${T.back}</a></p>
      ${this.body(data)}
    </section>`;
  }

  private body(data: CustomerResponse | undefined) {
    if (this.missing) {
      return html`<h1 id="customer-title">${T.customerTitle}</h1>
        <p role="alert">${T.notFound}</p>`;
    }
    if (this.error !== undefined) {
      return html`<h1 id="customer-title">${T.customerTitle}</h1>
        <p class="error" role="alert">${this.error}</p>
        <button @click=${() => void this.read()}>${TEXT.retry}</button>`;
    }
    if (!data) {
      return html`<h1 id="customer-title">${T.customerTitle}</h1>
        <progress aria-label=${T.customerLoading}></progress>`;
    }
    const c = data.customer;
    const { upcoming, past } = splitByTime(data.bookings, new Date());
    return html`<div class="bar">
        <h1 id="customer-title">${customerFullName(c)}${c.memberId ? html`<span class="pill">${T.member}</span>` : nothing}</h1>
        ${this.canBook ? html`<a class="button" href=${routeHref('new-booking', c.id)}>${T.newBooking}</a>` : nothing}
      </div>
      <h2>${T.contact}</h2>
      <dl class="card">
        <dt class="muted">${T.email}</dt>
        <dd>${c.email ? html`<a href=${`mailto:${c.email}`}>${c.email}</a>` : T.none_}</dd>
        <dt class="muted">${T.phone}</dt>
        <dd>${c.phone ? html`<a href=${`tel:${c.phone.replace(/[^\d+]/g, '')}`}>${c.phone}</a>` : T.none_}</dd>
      </dl>
      ${this.bookingList(T.upcoming, upcoming, T.noUpcoming)} ${this.bookingList(T.past, past, T.noPast)}
      <h2>${T.plans}</h2>
      ${
        data.planOrders.length === 0
          ? html`<p class="muted">${T.noPlans}</p>`
          : html`<ul class="cards">
              ${data.planOrders.map((o) => this.plan(o))}
            </ul>`
      }`;
  }

  private bookingList(title: string, list: Booking[], empty: string) {
    return html`<h2>${title}</h2>
      ${
        list.length === 0
          ? html`<p class="muted">${empty}</p>`
          : html`<ul class="cards">
              ${repeat(
                list,
                (b) => b.id,
                (b) =>
                  html`<li class="card" data-booking-id=${b.id} data-status=${b.status}>
                    <a class="title" href=${routeHref('booking', b.id)}>${b.bookedEntity.title ?? ''}</a>
                    <span class="pill ${b.status}">${b.status}</span>
                    ${b.doubleBooked ? html`<span class="pill full">double booked</span>` : nothing}
                    <div class="muted">${formatStart(b, this.timeZone)}</div>
                  </li>`,
              )}
            </ul>`
      }`;
  }

  private plan(o: MemberPlanOrder) {
    const until = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: this.timeZone ?? 'UTC' }).format(
      new Date(o.expirationDate),
    );
    return html`<li class="card" data-plan-order-id=${o.id} data-status=${o.status}>
      <strong>${o.planName}</strong> <span class="pill">${o.status}</span>
      <div>${o.credits ? T.credits(o.credits.remaining, o.credits.total) : T.unlimited}</div>
      <div class="muted">${T.expires(until)}</div>
    </li>`;
  }
}

define('console-customer-view', ConsoleCustomerView);

declare global {
  interface HTMLElementTagNameMap {
    'console-customer-view': ConsoleCustomerView;
  }
}
