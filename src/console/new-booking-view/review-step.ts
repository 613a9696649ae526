/** The new-booking view's review step and the booked panel, as templates: they render and send, nothing else. */
import { html, nothing } from 'lit';
import type { SnapshotFrom } from 'xstate';
import { formatLocalDate, formatLocalTime, zoneName } from '../../i18n/format.js';
import type { Money } from '../../model/common.js';
import { routeHref } from '../booking-console/route.js';
import { customerFullName } from '../customers/customer-rows.js';
import { chosenVariant, contactOf, slotIsFull, variantLabel } from '../new-booking/new-booking-rules.js';
import type { NewBookingEvent, newBookingMachine } from '../new-booking/new-booking-machine.js';
import { NEW_BOOKING_TEXT as T } from '../new-booking/new-booking-texts.js';

type Snap = SnapshotFrom<typeof newBookingMachine>;
type Send = (event: NewBookingEvent) => void;

const money = (m: Money | undefined) =>
  m ? new Intl.NumberFormat('en-US', { style: 'currency', currency: m.currency }).format(Number(m.value)) : '';

function when(s: Snap): string {
  const { slot, course } = s.context;
  if (course) return `${formatLocalDate(course.firstSessionStart, 'en-US')} – ${formatLocalDate(course.lastSessionEnd, 'en-US')}`;
  if (!slot) return '';
  const zone = zoneName(s.context.timeZone, 'en-US');
  return `${formatLocalDate(slot.localStartDate, 'en-US')}, ${formatLocalTime(slot.localStartDate, 'en-US')}–${formatLocalTime(slot.localEndDate, 'en-US')} (${zone})`;
}

function option(id: 'doubleBook' | 'confirmNow', label: string, warning: string, s: Snap, send: Send) {
  return html`<div class="field warning">
    <label
      ><input
        type="checkbox"
        name=${id}
        aria-describedby=${`${id}-warning`}
        .checked=${s.context.options[id]}
        @change=${(e: Event) => send({ type: 'OPTIONS', options: { [id]: (e.target as HTMLInputElement).checked } })}
      />
      ${label}</label
    >
    <span class="hint" id=${`${id}-warning`}>${warning}</span>
  </div>`;
}

export function reviewStep(s: Snap, send: Send) {
  const c = s.context;
  const variant = chosenVariant(c);
  const pricing = s.matches({ review: 'pricing' });
  const booking = s.matches({ review: 'booking' });
  const free = c.service?.payment.rateType === 'NO_FEE';
  const full = c.slot ? slotIsFull(c.slot, c.staffId) : false;
  const who = c.customer ? customerFullName(c.customer) : customerFullName(contactOf(c));
  return html`<dl class="card" aria-busy=${pricing ? 'true' : 'false'}>
      <dt class="muted">${T.summaryService}</dt>
      <dd>
        ${c.service?.name}${variant ? ` · ${variantLabel(variant)}` : ''}${c.participants > 1 ? ` · ${c.participants} ${T.participants.toLowerCase()}` : ''}
      </dd>
      <dt class="muted">${T.summaryWhen}</dt>
      <dd>${when(s)}${full ? html` <span class="pill full">${T.full}</span>` : nothing}</dd>
      <dt class="muted">${T.summaryWho}</dt>
      <dd>${who} <span class="muted">${contactOf(c).email ?? ''}</span></dd>
      <dt class="muted">${T.summaryPrice}</dt>
      <dd>${free ? T.free : pricing ? html`<progress aria-label=${T.pricing}></progress>` : money(c.price?.calculatedPrice) || '—'}</dd>
      ${
        c.price?.deposit
          ? html`<dt class="muted">${T.summaryDeposit}</dt>
              <dd>${money(c.price.deposit)}</dd>`
          : nothing
      }
      ${
        free
          ? nothing
          : html`<dt class="muted">${T.summaryPayment}</dt>
              <dd>${T.inPerson}</dd>`
      }
    </dl>
    <fieldset class="card">
      <legend>${T.ownerOptions}</legend>
      ${option('doubleBook', T.doubleBook, T.doubleBookWarning, s, send)}
      ${option('confirmNow', T.confirmNow, T.confirmNowWarning, s, send)}
    </fieldset>
    ${c.error ? html`<p class="error" role="alert">${c.error}</p>` : nothing}
    <div class="actions" aria-busy=${booking ? 'true' : 'false'}>
      <button ?disabled=${booking} @click=${() => send({ type: 'BACK' })}>${T.back}</button>
      <button class="primary" ?disabled=${booking || pricing} @click=${() => send({ type: 'BOOK' })}>
        ${booking ? T.booking : T.book}
      </button>
    </div>`;
}

export function donePanel(s: Snap, send: Send) {
  const b = s.context.booking;
  if (!b) return nothing;
  const who = [b.contactDetails.firstName, b.contactDetails.lastName].filter(Boolean).join(' ');
  return html`<div class="card" role="status" data-booking-id=${b.id} data-status=${b.status}>
      <p>${T.doneText(who, b.status)}</p>
      <p><a href=${routeHref('booking', b.id)}>${T.openBooking}</a></p>
    </div>
    <div class="actions"><button @click=${() => send({ type: 'RESTART' })}>${T.another}</button></div>`;
}
