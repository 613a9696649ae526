/**
 * How one agenda entry reads: a class session (title, time, teacher, booked/capacity, waiting list, a disclosure
 * of its bookings) or a booking card (customer, service, time, staff member, its flags). Plain template functions
 * the view calls; every booking links to its page, `#booking/<id>`.
 */
import { html, nothing } from 'lit';
import type { Booking } from '../../model/booking.js';
import { formatLocalTime } from '../../i18n/format.js';
import { routeHref } from '../booking-console/route.js';
import { customerName } from '../bookings/booking-rows.js';
import type { BookingItem, SessionItem } from '../agenda/agenda-items.js';
import { AGENDA_TEXT as T, statusText } from '../agenda/agenda-texts.js';

const LOCALE = 'en-US';

/** `7:00 AM – 8:00 AM EST`: the studio's wall clock with its zone's short name. */
export function timeRange(start: string, end: string, zone: string): string {
  const from = formatLocalTime(start, LOCALE);
  return end === start ? `${from} ${zone}` : `${from} – ${formatLocalTime(end, LOCALE)} ${zone}`;
}

/** The flags a booking carries in words (colour only repeats them). */
function flags(b: Booking) {
  return html`${
    b.status === 'PENDING'
      ? html`<span class="flag request">${T.request}</span>`
      : html`<span class="status ${b.status}">${statusText(b.status)}</span>`
  }
  ${b.doubleBooked ? html`<span class="flag double">${T.doubleBooked}</span>` : nothing}`;
}

export function bookingCard(item: BookingItem, zone: string) {
  const b = item.booking;
  const staff = b.bookedEntity.slot?.resource?.name;
  return html`<li
    class="item booking ${b.status}${b.doubleBooked ? ' double-booked' : ''}"
    data-booking-id=${b.id}
    data-status=${b.status}
    data-slot-start=${b.startDate ?? ''}
  >
    <p class="when">${timeRange(item.start, item.end, zone)}</p>
    <p class="what"><a href=${routeHref('booking', b.id)}>${customerName(b)}</a></p>
    <p class="muted">${b.bookedEntity.title ?? ''}${staff ? html` · ${T.with} ${staff}` : nothing}</p>
    <p class="facts">${flags(b)}</p>
  </li>`;
}

export interface SessionView {
  item: SessionItem;
  zone: string;
  open: boolean;
  toggle: () => void;
}

/** A session as a disclosure (WAI-ARIA APG): its button shows or hides the list of its bookings. */
export function sessionEntry({ item, zone, open, toggle }: SessionView) {
  const listId = `session-${encodeURIComponent(item.eventId)}`;
  const when = timeRange(item.start, item.end, zone);
  return html`<li class="item session${item.canceled ? ' canceled' : ''}" data-event-id=${item.eventId}>
    <p class="when">${when}</p>
    <p class="what">
      <strong>${item.title}</strong>${item.teacher ? html` <span class="muted">${T.with} ${item.teacher}</span>` : nothing}
    </p>
    <p class="facts">
      <span class="count">${T.booked(item.booked, item.capacity)}</span>
      ${item.waiting ? html`<span class="waiting">${T.waiting(item.waiting)}</span>` : nothing}
      ${item.canceled ? html`<span class="flag canceled">${T.canceled}</span>` : nothing}
      ${item.bookings.some((b) => b.doubleBooked) ? html`<span class="flag double">${T.doubleBooked}</span>` : nothing}
    </p>
    <button class="disclosure" aria-expanded=${open ? 'true' : 'false'} aria-controls=${listId} @click=${toggle}>
      ${T.bookings} (${item.bookings.length})<span class="visually-hidden">: ${item.title}, ${when}</span>
    </button>
    <ul id=${listId} class="session-bookings" ?hidden=${!open}>
      ${item.bookings.length === 0 ? html`<li class="muted">${T.noBookings}</li>` : nothing}
      ${item.bookings.map(
        (b) =>
          html`<li data-booking-id=${b.id} data-status=${b.status}>
            <a href=${routeHref('booking', b.id)}>${customerName(b)}</a> ${flags(b)}
          </li>`,
      )}
    </ul>
  </li>`;
}
