import { html, nothing, css } from 'lit';
import { msg, formatInstant, formatMoney } from '../../i18n/index.js';
import { snapshotFor } from '../../lifecycle/decide.js';
import type { Booking } from '../../model/booking.js';
import type { FlowContext } from '../../flow/types.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';

/**
 * The status step: mirrors the booking lifecycle (src/lifecycle) as the live stream reports changes, with a
 * message and a next step for each status, and a cancel button where the lifecycle and the policy allow it.
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
          ctx.checkout &&
          !['DECLINED', 'CANCELED'].includes(status) &&
          Number(ctx.checkout.payNow.total.value) > 0 &&
          ctx.payment === 'ONLINE'
            ? html`<p>${msg('paid', { price: formatMoney(ctx.checkout.payNow.total, this.locale) })}</p>`
            : nothing
        }
        <p class="muted">${msg('bookingReference')}: ${booking.id.slice(0, 8)}</p>
      </div>
      ${ctx.error && snap.matches({ status: 'live' }) ? html`<p class="error" role="alert">${ctx.error.message}</p>` : nothing}
      <div class="actions">
        ${status === 'DECLINED' ? html`<button part="button primary-button" type="button" @click=${() => this.send({ type: 'OTHER_TIMES' })}>${msg('otherTimes')}</button>` : nothing}
        ${
          canCancel(booking, ctx)
            ? html`<button part="button" type="button" ?disabled=${canceling} @click=${() => this.send({ type: 'CANCEL_BOOKING' })}>
                ${canceling ? msg('canceling') : msg('cancelBooking')}
              </button>`
            : nothing
        }
        <button part="button" type="button" @click=${() => this.send({ type: 'BOOK_ANOTHER' })}>${msg('bookAnother')}</button>
      </div>`;
  }
}

/** The lifecycle allows CANCEL from this status, and the service's cancellation policy still does. */
export function canCancel(booking: Booking, ctx: Pick<FlowContext, 'service'>, now = Date.now()): boolean {
  if (!snapshotFor(booking.status, booking.doubleBooked ?? false).can({ type: 'CANCEL' })) return false;
  const policy = ctx.service?.bookingPolicy?.cancellationPolicy;
  if (!policy?.enabled) return false;
  if (policy.limitLatestCancellation && booking.startDate) {
    return new Date(booking.startDate).getTime() - policy.latestCancellationInMinutes * 60_000 > now;
  }
  return true;
}

define('booking-widget-booking-status', BookingStatus);
