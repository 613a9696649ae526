/**
 * One managed booking: its service, time and status; Reschedule and Cancel where allowed, or the policy's reason
 * why not; Add to calendar while it is upcoming and live.
 */
import { html, nothing } from 'lit';
import { formatInstant, msg } from '../../i18n/index.js';
import { manageMsg, refusalText } from '../../i18n/manage.js';
import type { FlowContext, ManagedBooking } from '../../flow/types.js';

export interface RowOptions {
  locale: string;
  timeZone: string;
  /** The service's name when the booking carries no title. */
  serviceName: string | undefined;
  /** What Add to calendar's event is made from; none for a booking that is over (the flow chunk defines that element). */
  calendar: Pick<FlowContext, 'service' | 'business' | 'course'> | undefined;
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
        : row.rescheduleRefusal
          ? html`<p class="muted refusal" data-refusal="reschedule">${refusalText('reschedule', row.rescheduleRefusal, o.locale)}</p>`
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
          ? html`<p class="muted refusal" data-refusal="cancel">${refusalText('cancel', row.cancelRefusal, o.locale)}</p>`
          : nothing
    }
    ${
      o.calendar
        ? html`<booking-widget-add-to-calendar
            .locale=${o.locale}
            .booking=${booking}
            .context=${o.calendar}
            .fileUrl=${row.calendarUrl}
          ></booking-widget-add-to-calendar>`
        : nothing
    }
  </li>`;
}
