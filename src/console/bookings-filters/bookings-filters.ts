import { LitElement, html, css } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { BookingClient } from '../../api/client.js';
import { BOOKING_STATUSES, type BookingStatus } from '../../model/booking.js';
import { DEFAULT_STATUS, type BookingFilter } from '../bookings/booking-filter.js';
import { FILTER_TEXT } from '../bookings-view/bookings-view-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { TEXT } from '../texts.js';

/** Typing in the search box waits this long for a pause before asking the server (Enter asks at once). */
const SEARCH_PAUSE_MS = 300;

/**
 * The bookings list's filter bar (a `search` landmark of plain form controls, so it works by keyboard alone):
 * status, service, staff member (owner only), a date range and a search box. It says every change with
 * `console-filter`; the list, not this bar, owns the filter (and keeps it in the address).
 * @event console-filter - detail: BookingFilter
 */
export class ConsoleBookingsFilters extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: 0.75rem;
        align-items: end;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
        min-width: 0;
      }
      select,
      input {
        padding: 0.45rem 0.6rem;
        border: 1px solid var(--bc-muted);
        border-radius: var(--bc-radius);
        background: var(--bc-surface);
        font-weight: 400;
        min-width: 0;
        width: 100%;
        box-sizing: border-box;
      }
      .search {
        grid-column: span 2;
      }
      @media (max-width: 480px) {
        .search {
          grid-column: auto;
        }
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) filter!: BookingFilter;
  /** Staff lists are the owner's (a STAFF account sees its own bookings only): no staff filter otherwise. */
  @property({ type: Boolean }) owner = false;

  @state() private services: { id: string; name: string }[] = [];
  @state() private staff: { id: string; name: string }[] = [];
  private pause: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadLists();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.pause);
  }

  /** The choices; without them (a failed read) the filter still works from the address, so no error here. */
  private async loadLists(): Promise<void> {
    const [services, staff] = await Promise.allSettled([
      this.client.services.queryServices({ paging: { limit: 100 } }),
      this.owner ? this.client.staffMembers.listStaffMembers() : Promise.resolve([]),
    ]);
    if (services.status === 'fulfilled') this.services = services.value.services.map((s) => ({ id: s.id ?? '', name: s.name ?? '' }));
    if (staff.status === 'fulfilled') this.staff = staff.value.map((s) => ({ id: s.id, name: s.name }));
  }

  override render() {
    const f = this.filter;
    return html`<form role="search" aria-label=${FILTER_TEXT.filtersLabel} @submit=${this.submit}>
      <label
        >${TEXT.statusFilter}
        <select name="status" @change=${(e: Event) => this.change({ status: statusOf(value(e)) })}>
          ${BOOKING_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${s}</option>`)}
          <option value="" ?selected=${f.status === undefined}>${TEXT.allStatuses}</option>
        </select></label
      >
      <label
        >${FILTER_TEXT.service}
        <select name="service" @change=${(e: Event) => this.change({ serviceId: value(e) || undefined })}>
          <option value="" ?selected=${!f.serviceId}>${FILTER_TEXT.allServices}</option>
          ${this.services.map((s) => html`<option value=${s.id} ?selected=${f.serviceId === s.id}>${s.name}</option>`)}
        </select></label
      >
      ${
        this.owner
          ? html`<label
              >${FILTER_TEXT.staff}
              <select name="staff" @change=${(e: Event) => this.change({ staffId: value(e) || undefined })}>
                <option value="" ?selected=${!f.staffId}>${FILTER_TEXT.allStaff}</option>
                ${this.staff.map((s) => html`<option value=${s.id} ?selected=${f.staffId === s.id}>${s.name}</option>`)}
              </select></label
            >`
          : ''
      }
      <label
        >${FILTER_TEXT.from}
        <input
          name="from"
          type="date"
          .value=${live(f.from ?? '')}
          max=${f.to ?? ''}
          @change=${(e: Event) => this.change({ from: value(e) || undefined })}
      /></label>
      <label
        >${FILTER_TEXT.to}
        <input
          name="to"
          type="date"
          .value=${live(f.to ?? '')}
          min=${f.from ?? ''}
          @change=${(e: Event) => this.change({ to: value(e) || undefined })}
      /></label>
      <label class="search"
        >${FILTER_TEXT.search}
        <input name="q" type="search" maxlength="100" autocomplete="off" .value=${live(f.search)} @input=${this.typed}
      /></label>
      <button type="button" @click=${this.clear}>${FILTER_TEXT.clear}</button>
    </form>`;
  }

  private change(part: Partial<BookingFilter>): void {
    clearTimeout(this.pause);
    this.dispatchEvent(new CustomEvent('console-filter', { detail: { ...this.filter, ...part }, bubbles: true, composed: true }));
  }

  private readonly typed = (e: Event): void => {
    const search = value(e);
    clearTimeout(this.pause);
    this.pause = setTimeout(() => this.change({ search }), SEARCH_PAUSE_MS);
  };

  private submit(e: SubmitEvent): void {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="q"]');
    this.change({ search: input?.value ?? '' });
  }

  private clear(): void {
    this.change({ status: DEFAULT_STATUS, serviceId: undefined, staffId: undefined, from: undefined, to: undefined, search: '' });
  }
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
const statusOf = (v: string) => (v === '' ? undefined : (v as BookingStatus));

define('console-bookings-filters', ConsoleBookingsFilters);

declare global {
  interface HTMLElementTagNameMap {
    'console-bookings-filters': ConsoleBookingsFilters;
  }
}
