import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { TimeSlot } from '../../model/availability.js';
import type { Booking, BookedSlot } from '../../model/booking.js';
import { BOOKING_TEXT as T } from '../booking/booking-texts.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { reschedulePickerStyles } from './reschedule-picker.styles.js';
import { addDays, browserZone } from '../shared/studio-time.js';
import { choicesFor, dayOf, durationMinutes, staffOf, type SlotChoice } from './reschedule-slots.js';

/**
 * Picks a new time for a booking, for the same service (and, for an appointment, a staff member): one day of
 * availability at a time, as a radio group. A full slot can be chosen only after the owner ticks the warned
 * "Book even though it is full" (flowControlSettings.skipAvailabilityValidation); the same choice is offered
 * when the server answers that the picked time filled meanwhile.
 * @event reschedule-submit - detail: { slot: BookedSlot, overbook: boolean }
 * @event reschedule-close - the owner closed the picker
 */
export class ConsoleReschedulePicker extends LitElement {
  static override styles = [themeStyles, reschedulePickerStyles];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) booking!: Booking;
  @property({ attribute: false }) timeZone: string | undefined;
  /** The owner may double-book; STAFF may not (the server refuses it 403). */
  @property({ type: Boolean }) owner = false;
  @property({ type: Boolean }) busy = false;
  /** The last reschedule's error, from the booking view. */
  @property() error: string | undefined;
  @property({ type: Boolean, attribute: 'slot-full' }) slotFull = false;

  @state() private day = '';
  @state() private staffId: string | undefined;
  @state() private loading = true;
  @state() private loadError: string | undefined;
  @state() private slots: TimeSlot[] = [];
  @state() private chosen: string | undefined;
  @state() private overbook = false;
  @state() private missing = false;
  private readSeq = 0;

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.day && this.booking) {
      this.day = dayOf(this.booking.startDate, this.timeZone);
      this.staffId = this.booking.bookedEntity.slot?.resource?.id;
      void this.load();
    }
    if (changed.has('slotFull') && this.slotFull) void this.load(); // the picked time filled: show the day as it is
  }

  private get zone(): string {
    return this.timeZone ?? browserZone();
  }

  private async load(): Promise<void> {
    const seq = ++this.readSeq;
    this.loading = true;
    this.loadError = undefined;
    const serviceId = this.booking.bookedEntity.slot?.serviceId ?? '';
    const range = { fromLocalDate: `${this.day}T00:00:00`, toLocalDate: `${addDays(this.day, 1)}T00:00:00`, timeZone: this.zone };
    try {
      const minutes = durationMinutes(this.booking);
      const answer = this.booking.bookedEntity.slot?.eventId
        ? await this.client.timeSlots.listEventTimeSlots({ serviceIds: [serviceId], ...range, includeNonBookable: true })
        : await this.client.timeSlots.listAvailabilityTimeSlots({
            serviceId,
            ...range,
            ...(minutes ? { customerChoices: { durationInMinutes: minutes } } : {}),
          });
      if (seq !== this.readSeq) return;
      this.slots = answer.timeSlots;
    } catch (error) {
      if (seq !== this.readSeq) return;
      this.loadError = errorText(error);
    }
    this.loading = false;
  }

  override render() {
    const choices = choicesFor(this.booking, this.slots, this.staffId, this.zone);
    const appointment = !this.booking.bookedEntity.slot?.eventId;
    return html`<section class="picker" aria-labelledby="picker-title" data-reschedule>
      <h2 id="picker-title" tabindex="-1">${T.pickerTitle}</h2>
      <div class="controls">
        <button @click=${() => this.moveDay(-1)} aria-label=${T.previousDay}>‹</button>
        <label>${T.pickerDay} <input type="date" .value=${this.day} @change=${this.dayChanged} /></label>
        <button @click=${() => this.moveDay(1)} aria-label=${T.nextDay}>›</button>
        ${
          appointment
            ? html`<label
                >${T.pickerStaff}
                <select @change=${this.staffChanged}>
                  ${staffOf(this.booking, this.slots).map(
                    (s) => html`<option value=${s.id} ?selected=${s.id === this.staffId}>${s.name}</option>`,
                  )}
                </select></label
              >`
            : nothing
        }
      </div>
      ${this.slotList(choices)}
      ${
        this.owner
          ? html`<label class="overbook"
                ><input type="checkbox" .checked=${this.overbook} @change=${this.overbookChanged} /> ${T.overbook}</label
              >
              ${this.overbook ? html`<p class="warning" role="note">${T.overbookWarning}</p>` : nothing}`
          : nothing
      }
      ${this.missing ? html`<p class="error" role="alert">${T.pickFirst}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="buttons">
        <button class="primary" ?disabled=${this.busy} @click=${() => this.submit(choices)}>${this.busy ? T.working : T.reschedule}</button>
        <button @click=${() => this.dispatchEvent(new CustomEvent('reschedule-close', { bubbles: true, composed: true }))}>
          ${T.closePicker}
        </button>
      </div>
    </section>`;
  }

  private slotList(choices: SlotChoice[]) {
    if (this.loadError)
      return html`<p class="error" role="alert">${this.loadError}</p>
        <button @click=${() => void this.load()}>${T.retry}</button>`;
    if (this.loading) return html`<p class="skeleton" aria-busy="true">${T.slotsLoading}</p>`;
    if (choices.length === 0) return html`<p>${T.noSlots}</p>`;
    return html`<fieldset>
      <legend class="visually-hidden">${T.pickerTitle}</legend>
      <div class="slots">
        ${choices.map((c) => {
          const disabled = c.current || (c.full && !this.overbook);
          const note = c.current ? ` (${T.current})` : c.full ? ` (${T.full})` : '';
          return html`<label class=${disabled ? 'slot off' : 'slot'}
            ><input
              type="radio"
              name="slot"
              .value=${c.key}
              .checked=${this.chosen === c.key}
              ?disabled=${disabled}
              @change=${() => ((this.chosen = c.key), (this.missing = false))}
            />${c.label}${note}</label
          >`;
        })}
      </div>
    </fieldset>`;
  }

  private submit(choices: SlotChoice[]): void {
    const choice = choices.find((c) => c.key === this.chosen);
    if (!choice) {
      this.missing = true;
      return;
    }
    const detail: { slot: BookedSlot; overbook: boolean } = { slot: choice.slot, overbook: this.owner && this.overbook };
    this.dispatchEvent(new CustomEvent('reschedule-submit', { detail, bubbles: true, composed: true }));
  }

  private moveDay(days: number): void {
    this.day = addDays(this.day, days);
    this.chosen = undefined;
    void this.load();
  }

  private dayChanged(e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    this.day = value;
    this.chosen = undefined;
    void this.load();
  }

  private staffChanged(e: Event): void {
    this.staffId = (e.target as HTMLSelectElement).value;
    this.chosen = undefined;
  }

  private overbookChanged(e: Event): void {
    this.overbook = (e.target as HTMLInputElement).checked;
  }
}

define('console-reschedule-picker', ConsoleReschedulePicker);

declare global {
  interface HTMLElementTagNameMap {
    'console-reschedule-picker': ConsoleReschedulePicker;
  }
}
