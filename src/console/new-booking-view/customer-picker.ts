import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { ContactDetails } from '../../model/booking.js';
import type { Customer } from '../../model/customer.js';
import { customerFullName } from '../customers/customer-rows.js';
import { panelStyles } from '../customers/panel.styles.js';
import { CONTACT_FIELDS, type ContactErrors, type ContactField } from '../new-booking/new-booking-rules.js';
import { NEW_BOOKING_TEXT as T } from '../new-booking/new-booking-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';

const LABELS: Record<ContactField, string> = { firstName: T.firstName, lastName: T.lastName, email: T.email, phone: T.phone };
const INPUT: Record<ContactField, { type: string; autocomplete: string }> = {
  firstName: { type: 'text', autocomplete: 'off' },
  lastName: { type: 'text', autocomplete: 'off' },
  email: { type: 'email', autocomplete: 'off' },
  phone: { type: 'tel', autocomplete: 'off' },
};

/**
 * The customer step's two ways: find an existing customer (debounced search of the customers API), or type a new
 * one's details, each field's problem shown beside it.
 * @event customer-picked - detail: { customer: Customer | undefined }
 * @event details-changed - detail: { details: ContactDetails }
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleCustomerPicker extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) customer: Customer | undefined;
  @property({ attribute: false }) details: ContactDetails = {};
  @property({ attribute: false }) errors: ContactErrors = {};

  @state() private query = '';
  @state() private results: Customer[] | undefined;
  @state() private searching = false;
  @state() private error: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override render() {
    if (this.customer) {
      const c = this.customer;
      return html`<p class="card" data-customer-id=${c.id}>
          ${T.chosen}: <strong>${customerFullName(c)}</strong>
          <span class="muted">${[c.email, c.phone].filter(Boolean).join(' · ')}</span>
        </p>
        <button @click=${() => this.pick(undefined)}>${T.change}</button>`;
    }
    return html`<h3>${T.findCustomer}</h3>
      <label class="field"
        >${T.searchLabel}
        <input type="search" autocomplete="off" .value=${this.query} @input=${this.typed} />
      </label>
      <div aria-busy=${this.searching ? 'true' : 'false'}>
        <p role="status" aria-live="polite" class="muted">
          ${this.searching ? T.loading : this.results ? T.found(this.results.length) : ''}
        </p>
        ${this.error ? html`<p class="error" role="alert">${this.error} <button @click=${() => void this.search()}>${T.retry}</button></p>` : nothing}
        ${
          this.results?.length
            ? html`<ul class="cards">
                ${this.results.map(
                  (c) =>
                    html`<li class="card" data-customer-id=${c.id}>
                      <strong>${customerFullName(c)}</strong>
                      <span class="muted">${[c.email, c.phone].filter(Boolean).join(' · ')}</span>
                      <button aria-label=${`${T.choose} ${customerFullName(c)}`} @click=${() => this.pick(c)}>${T.choose}</button>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
      </div>
      <h3>${T.orNew}</h3>
      ${CONTACT_FIELDS.map((f) => this.field(f))}`;
  }

  private field(f: ContactField) {
    const error = this.errors[f];
    return html`<label class="field"
      >${LABELS[f]}
      <input
        name=${f}
        type=${INPUT[f].type}
        autocomplete=${INPUT[f].autocomplete}
        .value=${this.details[f] ?? ''}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${f}-error` : nothing}
        @input=${(e: Event) => this.changed(f, (e.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="error" id=${`${f}-error`}>${error}</p>` : nothing}
    </label>`;
  }

  /** Focus the first field with a problem (after Continue found some). */
  focusFirstError(): void {
    const f = CONTACT_FIELDS.find((x) => this.errors[x]);
    if (f) this.renderRoot.querySelector<HTMLInputElement>(`input[name="${f}"]`)?.focus();
  }

  private changed(f: ContactField, value: string): void {
    this.dispatchEvent(new CustomEvent('details-changed', { detail: { details: { ...this.details, [f]: value } } }));
  }

  private pick(customer: Customer | undefined): void {
    this.dispatchEvent(new CustomEvent('customer-picked', { detail: { customer } }));
  }

  private typed(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), 250);
  }

  private async search(): Promise<void> {
    const seq = ++this.seq;
    const query = this.query.trim();
    if (!query) {
      this.results = undefined;
      return;
    }
    this.searching = true;
    this.error = undefined;
    try {
      const answer = await this.client.customers.listCustomers({ search: query, limit: 10 });
      if (seq === this.seq) this.results = answer.customers;
    } catch (error) {
      if (error instanceof BookingApiError && error.status === 401) {
        this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true }));
      } else if (seq === this.seq) {
        this.error = errorText(error);
      }
    }
    if (seq === this.seq) this.searching = false;
  }
}

define('console-customer-picker', ConsoleCustomerPicker);

declare global {
  interface HTMLElementTagNameMap {
    'console-customer-picker': ConsoleCustomerPicker;
  }
}
