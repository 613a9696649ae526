/** The booking view's read-only parts, as templates: the facts, the payment and order, the history. */
import { html, nothing } from 'lit';
import type { Booking } from '../../model/booking.js';
import type { BookingHistoryEntry } from '../../model/booking-history.js';
import type { EcomOrder } from '../../model/checkout.js';
import { customerName } from '../bookings/booking-rows.js';
import { formatRange, historyLine, historyTime, lineOf, participantsText } from '../booking/booking-facts.js';
import { BOOKING_TEXT as T, paymentOptionText } from '../booking/booking-texts.js';

const row = (term: string, value: unknown) =>
  html`<dt>${term}</dt>
    <dd>${value}</dd>`;

export function factsPart(b: Booking, timeZone: string | undefined) {
  const c = b.contactDetails;
  const staff = b.bookedEntity.slot?.resource?.name;
  return html`<dl class="facts">
    ${row(T.customer, customerName(b))} ${c.email ? row(T.email, html`<a href=${`mailto:${c.email}`}>${c.email}</a>`) : nothing}
    ${c.phone ? row(T.phone, html`<a href=${`tel:${c.phone}`}>${c.phone}</a>`) : nothing} ${row(T.service, b.bookedEntity.title ?? '')}
    ${row(T.participants, participantsText(b))} ${row(T.when, formatRange(b, timeZone))} ${staff ? row(T.staff, staff) : nothing}
    ${row(T.status, html`<span class="status ${b.status}">${b.status}</span>`)}
    ${row(T.payment, b.paymentStatus === 'UNDEFINED' ? T.notCheckedOut : b.paymentStatus)}
  </dl>`;
}

export function orderPart(b: Booking, order: EcomOrder | undefined) {
  if (!order) return html`<p>${T.noOrder}</p>`;
  const line = lineOf(order, b.id);
  return html`<dl class="facts">
    ${row(T.total, order.priceSummary.total.formattedAmount)} ${row(T.paid, order.balanceSummary.paid.formattedAmount)}
    ${row(T.balance, order.balanceSummary.balance.formattedAmount)}
    ${line ? row(T.paymentOption, paymentOptionText(line.paymentOption)) : nothing}
    ${line?.depositAmount ? row(T.deposit, line.depositAmount.formattedAmount) : nothing} ${row(T.orderStatus, order.paymentStatus)}
  </dl>`;
}

export function historyPart(history: readonly BookingHistoryEntry[], timeZone: string | undefined) {
  if (history.length === 0) return html`<p>${T.historyEmpty}</p>`;
  return html`<ol class="history">
    ${history.map((h) => html`<li><span class="at">${historyTime(h, timeZone)}</span> ${historyLine(h)}</li>`)}
  </ol>`;
}
