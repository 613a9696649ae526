import { css, html, nothing } from 'lit';
import { msg } from '../../i18n/index.js';
import { manageMsg } from '../../i18n/manage.js';
import { isPast, serviceIdOf } from '../../flow/managed.js';
import type { ManagedBooking } from '../../flow/types.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';
import { bookingRow } from './booking-row.js';

/**
 * The customer's bookings (`data-step="my-bookings"`) or the one a manage link opens (`data-step="manage"`),
 * contract section 15: upcoming and past, each row with `data-booking-id` and `data-status`, Cancel where the
 * server's `allowedActions` allow and the policy's reason where they do not, Add to calendar on upcoming rows.
 * Renders state, sends events.
 * @csspart status - a booking's row
 */
export class MyBookings extends StepElement {
  static override styles = [
    shared,
    css`
      ul {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .row {
        padding: 0.75rem 1rem;
        border: 1px solid var(--bw-border);
        border-inline-start: 4px solid var(--bw-accent);
        border-radius: var(--bw-radius);
      }
      .row[data-status='CANCELED'],
      .row[data-status='DECLINED'] {
        border-inline-start-color: var(--bw-border);
      }
      .name {
        font-weight: 700;
      }
      .badge {
        font-size: 0.875rem;
        font-weight: 600;
      }
      h4 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
    `,
  ];

  private get single(): boolean {
    return this.snapshot?.matches('manage') ?? false;
  }

  override render() {
    const ctx = this.ctx;
    const snap = this.snapshot;
    const title = html`<h3 tabindex="-1">${msg(this.single ? 'stepStatus' : 'myBookings')}</h3>`;
    if (!ctx || !snap || snap.matches({ manage: 'loading' }) || snap.matches({ myBookings: 'loading' }))
      return html`${title}${this.skeleton(3)}`;
    if (snap.matches({ manage: 'failed' }) && ctx.error?.code === 'INVALID_TOKEN')
      return html`${title}
        <p class="error" role="alert">${manageMsg('linkNotValid')}</p>
        ${this.bookButton()}`;
    if (snap.matches({ manage: 'failed' }) || snap.matches({ myBookings: 'failed' }))
      return html`${title}${this.errorBox()}${this.bookButton()}`;
    const rows = ctx.managed ?? [];
    const now = new Date();
    const upcoming = rows.filter((r) => !isPast(r.booking, now));
    const past = rows.filter((r) => isPast(r.booking, now));
    return html`${title}
    ${ctx.error ? html`<p class="error" role="alert">${msg('errorGeneric', { message: ctx.error.message })}</p>` : nothing}
    ${rows.length ? html`<p class="muted">${manageMsg('timesIn', { zone: ctx.timeZone })}</p>` : nothing}
    ${rows.length === 0 ? html`<p>${manageMsg(ctx.member ? 'noBookings' : 'noBookingsVisitor')}</p>` : nothing}
    ${this.section('upcoming', upcoming)} ${this.section('past', past)} ${this.bookButton()}`;
  }

  private section(key: 'upcoming' | 'past', rows: ManagedBooking[]) {
    if (rows.length === 0) return nothing;
    const ctx = this.ctx;
    const headingId = `heading-${key}`;
    const serviceOf = (row: ManagedBooking) => ctx?.services.find((s) => s.id === serviceIdOf(row.booking));
    // A course row has no course sessions here, so Add to calendar offers nothing for it (the status view does).
    const calendarOf = (row: ManagedBooking) =>
      key === 'upcoming' ? { service: serviceOf(row), business: ctx?.business, course: undefined } : undefined;
    // One booking behind a link needs no "Upcoming" heading of its own.
    return html`${this.single ? nothing : html`<h4 id=${headingId}>${manageMsg(key)}</h4>`}
      <ul aria-labelledby=${this.single ? nothing : headingId}>
        ${rows.map((row) =>
          bookingRow(row, {
            locale: this.locale,
            timeZone: ctx?.timeZone ?? 'UTC',
            serviceName: serviceOf(row)?.name,
            calendar: calendarOf(row),
            cancelingId:
              this.snapshot?.matches({ manage: 'canceling' }) || this.snapshot?.matches({ myBookings: 'canceling' })
                ? ctx?.cancelingId
                : undefined,
            cancel: (bookingId) => this.send({ type: 'CANCEL_MANAGED', bookingId }),
            reschedule: (bookingId) => this.send({ type: 'RESCHEDULE_MANAGED', bookingId }),
          }),
        )}
      </ul>`;
  }

  private bookButton() {
    return html`<div class="actions">
      <button part="button" type="button" @click=${() => this.send({ type: 'BOOK_ANOTHER' })}>${manageMsg('bookService')}</button>
    </div>`;
  }
}

define('booking-widget-my-bookings', MyBookings);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-my-bookings': MyBookings;
  }
}
