import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import type { Booking } from '../../model/booking.js';
import type { CustomerResponse } from '../../model/customer.js';
import type { MemberPlanOrder } from '../../model/members.js';
import { routeHref } from '../booking-console/route.js';
import { formatStart } from '../bookings/booking-rows.js';
import { CustomerFeed } from '../customers/customer-feed.js';
import { customerFullName, splitByTime } from '../customers/customer-rows.js';
import { CUSTOMER_TEXT as T } from '../customers/customer-texts.js';
import { panelStyles } from '../customers/panel.styles.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { TEXT } from '../texts.js';

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

  private feed: CustomerFeed | undefined;

  override connectedCallback(): void {
    this.feed ??= new CustomerFeed(
      this,
      this.client,
      () => this.customerId,
      () => this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true })),
    );
    super.connectedCallback();
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('customerId')) void this.feed?.read();
  }

  override render() {
    const feed = this.feed;
    if (!feed) return nothing;
    const data = feed.data?.customer.id === this.customerId ? feed.data : undefined;
    return html`<section
      data-view="customer"
      aria-labelledby="customer-title"
      aria-busy=${!data && !feed.error && !feed.missing ? 'true' : 'false'}
    >
      <p><a href=${routeHref('customers')}>← ${T.back}</a></p>
      ${this.body(feed, data)}
    </section>`;
  }

  private body(feed: CustomerFeed, data: CustomerResponse | undefined) {
    if (feed.missing) {
      return html`<h1 id="customer-title">${T.customerTitle}</h1>
        <p role="alert">${T.notFound}</p>`;
    }
    if (feed.error !== undefined) {
      return html`<h1 id="customer-title">${T.customerTitle}</h1>
        <p class="error" role="alert">${feed.error}</p>
        <button @click=${() => void feed.read()}>${TEXT.retry}</button>`;
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
                    <div class="muted">${formatStart(b, this.feed?.timeZone)}</div>
                  </li>`,
              )}
            </ul>`
      }`;
  }

  private plan(o: MemberPlanOrder) {
    const until = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: this.feed?.timeZone ?? 'UTC' }).format(
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
