import { html, nothing, css, type PropertyDeclarations } from 'lit';
import { msg, formatInstant, formatMoney } from '../../i18n/index.js';
import { isFinalStatus } from '../../lifecycle/index.js';
import type { BookingPolicy } from '../../model/policy.js';
import { checkoutDue, isZero } from '../../flow/price.js';
import { canCancel, cancelOfferEndsAt } from './cancel-offer.js';
import { offersCalendarFile } from './calendar-offer.js';
import './add-to-calendar.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';

/**
 * The status step: mirrors the booking lifecycle (src/lifecycle) as the live stream reports changes, with a
 * message and a next step for each status, and a cancel button exactly where the server would let the customer
 * cancel now (src/policy). The button disappears by itself when the policy's window closes.
 * @csspart status - the status panel (`data-status`)
 */
export class BookingStatus extends StepElement {
  static override styles = [
    shared,
    css`
      .panel {
        padding: 1rem;
        border-radius: var(--bw-radius);
        border: 1px solid var(--bw-border);
        border-inline-start: 4px solid var(--bw-accent);
      }
      .label {
        font-weight: 700;
        font-size: 1.1rem;
      }
    `,
  ];

  /** The service's booking policy, for when the flow has no service loaded (defaults to the flow's service's). */
  static override properties: PropertyDeclarations = {
    bookingPolicy: { attribute: false },
    clock: { attribute: false },
  };

  bookingPolicy: BookingPolicy | undefined;

  /** The clock the cancel window is judged by (ms since the epoch); tests and demos may pin it. */
  clock: () => number = Date.now;

  private windowTimer: ReturnType<typeof setTimeout> | undefined;

  private get policy(): BookingPolicy | undefined {
    return this.bookingPolicy ?? this.ctx?.service?.bookingPolicy;
  }

  override render() {
    const ctx = this.ctx;
    const snap = this.snapshot;
    const booking = ctx?.booking;
    if (!ctx || !snap || !booking) return html`${this.heading('stepStatus')}${this.skeleton(2)}`;
    const status = booking.status;
    const canceling = snap.matches({ status: 'canceling' });
    return html`${this.heading('stepStatus')}
      <div class="panel" part="status" data-status=${status}>
        <p class="label">${msg(`statusLabel_${status}`)}</p>
        <p role="status">${msg(`status_${status}`)}</p>
        <p>
          ${booking.bookedEntity.title ?? ctx.service?.name}${booking.startDate ? html` · ${formatInstant(booking.startDate, this.locale, ctx.timeZone)}` : nothing}
        </p>
        ${
          ctx.checkout && !isFinalStatus(status) && !isZero(checkoutDue(ctx.checkout).now) && ctx.payment === 'ONLINE'
            ? html`<p>${msg('paid', { price: formatMoney(checkoutDue(ctx.checkout).now, this.locale) })}</p>`
            : nothing
        }
        <p class="muted">${msg('bookingReference')}: ${booking.id.slice(0, 8)}</p>
      </div>
      ${ctx.error && snap.matches({ status: 'live' }) ? html`<p class="error" role="alert">${ctx.error.message}</p>` : nothing}
      <div class="actions">
        ${status === 'DECLINED' ? html`<button part="button primary-button" type="button" @click=${() => this.send({ type: 'OTHER_TIMES' })}>${msg('otherTimes')}</button>` : nothing}
        ${
          canCancel(booking, ctx, this.clock(), this.policy)
            ? html`<button part="button" type="button" ?disabled=${canceling} @click=${() => this.send({ type: 'CANCEL_BOOKING' })}>
                ${canceling ? msg('canceling') : msg('cancelBooking')}
              </button>`
            : nothing
        }
        <button part="button" type="button" @click=${() => this.send({ type: 'BOOK_ANOTHER' })}>${msg('bookAnother')}</button>
      </div>
      <booking-widget-add-to-calendar
        .locale=${this.locale}
        .booking=${booking}
        .context=${ctx}
        .fileUrl=${ctx.calendarFile?.bookingId === booking.id && offersCalendarFile(booking) ? ctx.calendarFile.url : undefined}
      ></booking-widget-add-to-calendar>`;
  }

  /** Re-render when the cancel window closes, so the button never outlives the policy. */
  protected override updated(): void {
    clearTimeout(this.windowTimer);
    const booking = this.ctx?.booking;
    const ends = booking ? cancelOfferEndsAt(booking, this.policy) : undefined;
    const wait = ends === undefined ? -1 : ends - this.clock();
    // setTimeout overflows past 2^31-1 ms (about 24 days); a page open that long re-renders for other reasons.
    if (wait > 0 && wait < 2 ** 31 - 1) this.windowTimer = setTimeout(() => this.requestUpdate(), wait);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.windowTimer);
  }
}

export { canCancel };

define('booking-widget-booking-status', BookingStatus);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-booking-status': BookingStatus;
  }
}
