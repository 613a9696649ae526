/** One managed booking: its service, time and status, and Cancel where allowed, or the policy's reason why not. */
import { html, nothing } from 'lit';
import { formatInstant, msg } from '../../i18n/index.js';
import { manageMsg } from '../../i18n/manage.js';
import type { ManagedBooking } from '../../flow/types.js';

export interface RowOptions {
  locale: string;
  timeZone: string;
  /** The service's name when the booking carries no title. */
  serviceName: string | undefined;
  /** The booking being canceled (every Cancel waits meanwhile). */
  cancelingId: string | undefined;
  cancel: (bookingId: string) => void;
  reschedule: (bookingId: string) => void;
}

export function bookingRow(row: ManagedBooking, o: RowOptions) {
  const { booking } = row;
  const nameId = `name-${booking.id}`;
  const canceling = o.cancelingId === booking.id;
  return html`<li class="row" part="status" data-booking-id=${booking.id} data-status=${booking.status}>
    <p class="name" id=${nameId}>${booking.bookedEntity.title ?? o.serviceName ?? ''}</p>
    ${booking.startDate ? html`<p>${formatInstant(booking.startDate, o.locale, o.timeZone)}</p>` : nothing}
    <p><span class="badge">${msg(`statusLabel_${booking.status}`)}</span></p>
    <p class="muted">${manageMsg('reference', { id: booking.id.slice(0, 8) })}</p>
    ${
      row.allowedActions.reschedule
        ? html`<button
            part="button"
            type="button"
            aria-describedby=${nameId}
            ?disabled=${!!o.cancelingId}
            @click=${() => o.reschedule(booking.id)}
          >
            ${manageMsg('reschedule')}
          </button>`
        : nothing
    }
    ${
      row.allowedActions.cancel
        ? html`<button
            part="button"
            type="button"
            aria-describedby=${nameId}
            ?disabled=${!!o.cancelingId}
            @click=${() => o.cancel(booking.id)}
          >
            ${canceling ? msg('canceling') : msg('cancelBooking')}
          </button>`
        : row.cancelRefusal
          ? html`<p class="muted refusal">${row.cancelRefusal}</p>`
          : nothing
    }
  </li>`;
}
