import { html, nothing, css } from 'lit';
import { msg, formatLocalDate, formatLocalTime, zoneName } from '../../i18n/index.js';
import { offeredBy, openDays, slotDay, staffOf } from '../../flow/calendar.js';
import type { TimeSlot } from '../../model/availability.js';
import type { FlowContext } from '../../flow/types.js';
import { StepElement } from '../shared/step-element.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';
import '../month-calendar/month-calendar.js';
import '../time-list/time-list.js';

/**
 * The slot step: a month calendar of days with open times, the times of the chosen day, the staff choice for
 * appointments, spots and waiting list for classes, the course's schedule for courses, and the time-zone switch.
 * @csspart day - a calendar day
 * @csspart slot - a time
 * @csspart input - the staff and time-zone selects
 */
export class SlotPicker extends StepElement {
  static override styles = [
    shared,
    css`
      .sessions {
        margin: 0 0 0.75rem;
        padding-inline-start: 1.5rem;
      }
      .controls {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        margin-block-end: 1rem;
      }
      .layout {
        display: grid;
        gap: 1.25rem;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        align-items: start;
      }
      h4 {
        margin: 0 0 0.5rem;
        font-size: 1rem;
      }
    `,
  ];

  /** The reschedule step's words: its element (./reschedule-picker.ts, in the manage chunk) has them. */
  protected rescheduleText(key: 'rescheduleTitle' | 'rescheduling' | 'rescheduleTo'): string {
    return key;
  }

  override render() {
    const ctx = this.ctx;
    const snap = this.snapshot;
    if (!ctx || !snap) return this.heading('stepSlot');
    // The same view walks the reschedule step (contract section 15): the booking's service, then its new time.
    const moving = snap.matches('reschedule');
    const loading = snap.matches({ slot: 'loading' }) || snap.matches({ reschedule: 'loading' });
    const failed = snap.matches({ slot: 'error' }) || snap.matches({ reschedule: 'error' });
    const saving = snap.matches({ reschedule: 'saving' });
    const refusal = moving && !ctx.raceLost && ctx.error && !failed ? msg('errorGeneric', { message: ctx.error.message }) : '';
    return html`${moving ? html`<h3 tabindex="-1">${this.rescheduleText('rescheduleTitle')}</h3>` : this.heading('stepSlot')}
      <p class="muted">${ctx.service?.name}</p>
      <p class="error" role="alert">${ctx.raceLost ? msg('raceLost') : refusal}</p>
      ${failed ? this.errorBox({ back: true }) : ctx.service?.type === 'COURSE' ? (loading ? this.skeleton(2) : this.renderCourse(ctx)) : this.renderSlots(ctx, loading)}
      <div class="actions">
        ${moving || ctx.variantShown || !ctx.presetServiceId ? html`<button part="button" type="button" @click=${() => this.send({ type: 'BACK' })}>${msg('back')}</button>` : nothing}
        <button
          part="button primary-button"
          type="button"
          ?disabled=${!snap.can({ type: 'NEXT' })}
          @click=${() => this.send({ type: 'NEXT' })}
        >
          ${moving ? this.rescheduleText(saving ? 'rescheduling' : 'rescheduleTo') : msg('next')}
        </button>
      </div>`;
  }

  private renderControls(ctx: FlowContext) {
    const staff = ctx.service?.type === 'APPOINTMENT' ? staffOf(ctx.slots) : [];
    const zones = [...new Set([ctx.customerTimeZone, ctx.business?.timeZone].filter((z): z is string => !!z))];
    return html`<div class="controls">
      ${
        staff.length > 1 || (ctx.staffId && staff.length)
          ? html`<div class="field">
              <label for="staff">${msg('staff')}</label>
              <select
                id="staff"
                part="input"
                @change=${(e: Event) => this.send({ type: 'SELECT_STAFF', staffId: (e.target as HTMLSelectElement).value || undefined })}
              >
                <option value="" ?selected=${!ctx.staffId}>${msg('anyStaff')}</option>
                ${staff.map((s) => html`<option value=${s.id} ?selected=${ctx.staffId === s.id}>${s.name}</option>`)}
              </select>
            </div>`
          : nothing
      }
      ${
        zones.length > 1
          ? html`<div class="field">
              <label for="zone">${msg('timeZone')}</label>
              <select
                id="zone"
                part="input"
                @change=${(e: Event) => this.send({ type: 'SET_TIME_ZONE', timeZone: (e.target as HTMLSelectElement).value })}
              >
                <option value=${ctx.customerTimeZone} ?selected=${ctx.timeZone === ctx.customerTimeZone}>
                  ${msg('yourTimeZone', { zone: zoneName(ctx.customerTimeZone, this.locale) })}
                </option>
                <option value=${ctx.business!.timeZone} ?selected=${ctx.timeZone === ctx.business!.timeZone}>
                  ${msg('businessTimeZone', { zone: zoneName(ctx.business!.timeZone, this.locale) })}
                </option>
              </select>
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderSlots(ctx: FlowContext, loading: boolean) {
    const days = loading ? new Set<string>() : openDays(ctx.slots, ctx.staffId);
    const ofDay: TimeSlot[] = ctx.day ? ctx.slots.filter((s) => slotDay(s) === ctx.day && offeredBy(s, ctx.staffId)) : [];
    return html`${this.renderControls(ctx)}
      <div class="layout">
        <booking-widget-month-calendar
          exportparts="day, button"
          .month=${ctx.month}
          .openDays=${days}
          .selected=${ctx.day}
          .min=${ctx.today}
          .locale=${this.locale}
          .textDir=${this.ui.dir}
          .busy=${loading}
          @day-select=${(e: CustomEvent<{ day: string }>) => this.send({ type: 'SELECT_DAY', day: e.detail.day })}
          @month-change=${(e: CustomEvent<{ month: string }>) => this.send({ type: 'MONTH', month: e.detail.month })}
        ></booking-widget-month-calendar>
        <div aria-live="polite">
          ${
            loading
              ? this.skeleton(2)
              : days.size === 0
                ? html`<p>${msg('noTimesMonth')}</p>`
                : ctx.day
                  ? html`<h4>${msg('timesFor', { date: formatLocalDate(ctx.day, this.locale) })}</h4>
                      <booking-widget-time-list
                        exportparts="slot"
                        .slots=${ofDay}
                        .selected=${ctx.slot}
                        .locale=${this.locale}
                        .spots=${ctx.service?.type === 'CLASS'}
                        @slot-select=${(e: CustomEvent<{ slot: TimeSlot }>) => this.send({ type: 'SELECT_SLOT', slot: e.detail.slot })}
                      ></booking-widget-time-list>`
                  : html`<p>${msg('pickDay')}</p>`
          }
        </div>
      </div>`;
  }

  private renderCourse(ctx: FlowContext) {
    const c = ctx.course;
    if (!c) return nothing;
    return html`<p>
        ${msg('courseSessions', { n: c.sessions.length, first: formatLocalDate(c.firstSessionStart, this.locale), last: formatLocalDate(c.lastSessionEnd, this.locale) })}
      </p>
      <ol class="sessions" data-course-sessions>
        ${c.sessions.map(
          (s) =>
            html`<li>
              ${formatLocalDate(s.localStartDate, this.locale)}, ${formatLocalTime(s.localStartDate, this.locale)} –
              ${formatLocalTime(s.localEndDate, this.locale)}
            </li>`,
        )}
      </ol>
      <p>${c.openSpots > 0 && c.bookable ? msg('courseSpots', { open: c.openSpots, total: c.totalSpots }) : msg('courseFull')}</p>`;
  }
}

define('booking-widget-slot-picker', SlotPicker);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-slot-picker': SlotPicker;
  }
}
