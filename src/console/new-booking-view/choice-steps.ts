/** The new-booking view's first three steps as templates: service, option, time. They render and send, nothing else. */
import { html, nothing } from 'lit';
import type { SnapshotFrom } from 'xstate';
import type { TimeSlot } from '../../model/availability.js';
import type { Service } from '../../model/service.js';
import { formatLocalTime, zoneName } from '../../i18n/format.js';
import { slotIsFull, staffOf, variantLabel, type Choices } from '../new-booking/new-booking-rules.js';
import type { NewBookingEvent, newBookingMachine } from '../new-booking/new-booking-machine.js';
import { NEW_BOOKING_TEXT as T } from '../new-booking/new-booking-texts.js';

type Snap = SnapshotFrom<typeof newBookingMachine>;
type Send = (event: NewBookingEvent) => void;

const TYPE_LABEL: Record<Service['type'], string> = { APPOINTMENT: T.appointment, CLASS: T.class, COURSE: T.course };

export function serviceStep(s: Snap, send: Send) {
  const c = s.context;
  return html`${c.error ? html`<p class="error" role="alert">${c.error}</p>` : nothing}
    <ul class="cards">
      ${c.services.map(
        (svc) =>
          html`<li class="card" data-service-id=${svc.id}>
            <button class=${svc.id === c.service?.id ? 'primary' : ''} @click=${() => send({ type: 'SERVICE', serviceId: svc.id })}>
              ${svc.name}
            </button>
            <span class="muted">${TYPE_LABEL[svc.type]}</span>
          </li>`,
      )}
    </ul>`;
}

export function variantStep(s: Snap, send: Send) {
  const c = s.context;
  const values = c.variants?.variants.values ?? [];
  const many = c.service?.type !== 'APPOINTMENT';
  const chosen = (e: Event) => {
    const form = (e.target as HTMLElement).closest('form') as HTMLFormElement;
    const data = new FormData(form);
    send({
      type: 'VARIANT',
      variantId: String(data.get('variant') ?? ''),
      participants: Math.max(1, Number(data.get('participants') ?? 1)),
    });
  };
  return html`<form
    @submit=${(e: Event) => {
      e.preventDefault();
      chosen(e);
    }}
  >
    <fieldset class="card">
      <legend>${T.option}</legend>
      ${values.map(
        (v, i) =>
          html`<label
              ><input type="radio" name="variant" value=${v.id ?? ''} ?checked=${c.variantId ? v.id === c.variantId : i === 0} />
              ${variantLabel(v)} <span class="muted">${v.price.value} ${v.price.currency}</span></label
            ><br />`,
      )}
    </fieldset>
    ${
      many
        ? html`<label class="field"
            >${T.participants} <input name="participants" type="number" min="1" max="20" .value=${String(c.participants)}
          /></label>`
        : nothing
    }
    <div class="actions">
      <button type="button" @click=${() => send({ type: 'BACK' })}>${T.back}</button>
      <button class="primary" type="submit">${T.next}</button>
    </div>
  </form>`;
}

function slotButton(slot: TimeSlot, c: Choices, send: Send) {
  const full = slotIsFull(slot, c.staffId);
  const time = `${formatLocalTime(slot.localStartDate, 'en-US')}–${formatLocalTime(slot.localEndDate, 'en-US')}`;
  const room = slot.totalCapacity > 1 && !full ? T.spots(slot.remainingCapacity) : '';
  const selected = c.slot?.localStartDate === slot.localStartDate && c.slot.eventInfo?.eventId === slot.eventInfo?.eventId;
  return html`<li>
    <button
      class=${selected ? 'primary' : ''}
      data-slot-start=${slot.localStartDate}
      data-event-id=${slot.eventInfo?.eventId ?? nothing}
      data-full=${full ? 'true' : 'false'}
      aria-pressed=${selected ? 'true' : 'false'}
      @click=${() => send({ type: 'SLOT', slot })}
    >
      ${time} ${full ? html`<span class="pill full">${T.full}</span>` : room ? html`<span class="muted">${room}</span>` : nothing}
    </button>
  </li>`;
}

export function timeStep(s: Snap, send: Send) {
  const c = s.context;
  const service = c.service;
  const staff = service?.type === 'APPOINTMENT' ? staffOf(c.slots) : [];
  const shown = c.slots;
  const body = () => {
    if (s.matches({ slot: 'loading' })) return html`<progress aria-label=${T.loadingSlots}></progress>`;
    if (s.matches({ slot: 'failed' })) {
      return html`<p class="error" role="alert">${c.error}</p>
        <button @click=${() => send({ type: 'RETRY' })}>${T.retry}</button>`;
    }
    if (c.course) {
      return html`<p class="card">
        ${T.course_(c.course.openSpots, c.course.totalSpots)} · ${T.courseSessions(c.course.sessions.length)}
        <button class="primary" @click=${() => send({ type: 'COURSE' })}>${T.next}</button>
      </p>`;
    }
    if (shown.length === 0) return html`<p>${T.noTimes}</p>`;
    return html`<p class="hint" id="times-zone">${T.times}: ${zoneName(c.timeZone, 'en-US')}</p>
      <ul class="slots" aria-labelledby="times-zone">
        ${shown.map((slot) => slotButton(slot, c, send))}
      </ul>`;
  };
  return html`${
      service?.type === 'COURSE'
        ? nothing
        : html`<label class="field"
            >${T.date}
            <input
              type="date"
              .value=${c.date}
              @change=${(e: Event) => {
                const date = (e.target as HTMLInputElement).value;
                if (/^\d{4}-\d{2}-\d{2}$/.test(date)) send({ type: 'DATE', date });
              }}
          /></label>`
    }
    ${
      staff.length > 0
        ? html`<label class="field"
            >${T.staff}
            <select @change=${(e: Event) => send({ type: 'STAFF', staffId: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${c.staffId === ''}>${T.anyStaff}</option>
              ${staff.map((m) => html`<option value=${m.id} ?selected=${c.staffId === m.id}>${m.name}</option>`)}
            </select></label
          >`
        : nothing
    }
    ${
      service?.type === 'CLASS' && !c.variants?.variants.values.length
        ? html`<label class="field"
            >${T.participants}
            <input
              type="number"
              min="1"
              max="20"
              .value=${String(c.participants)}
              @change=${(e: Event) =>
                send({ type: 'PARTICIPANTS', participants: Math.max(1, Number((e.target as HTMLInputElement).value) || 1) })}
          /></label>`
        : nothing
    }
    <div aria-busy=${s.matches({ slot: 'loading' }) ? 'true' : 'false'}>${body()}</div>
    <div class="actions"><button @click=${() => send({ type: 'BACK' })}>${T.back}</button></div>`;
}
