import { LitElement, html, css, nothing, type PropertyDeclarations } from 'lit';
import type { TimeSlot } from '../../model/availability.js';
import { hasWaitlistRoom } from '../../flow/calendar.js';
import { formatLocalTime, msg, useLocale } from '../../i18n/index.js';
import { shared } from '../shared/shared.styles.js';
import { define } from '../shared/define.js';

/**
 * The times of one day: a button per slot, with open spots for classes and the waiting list when full.
 * @event slot-select - detail: { slot }
 * @csspart slot - a time button (`data-slot-start`, and `data-event-id` for class sessions)
 */
export class TimeList extends LitElement {
  static override styles = [
    shared,
    css`
      ul {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(8.5rem, 1fr));
        gap: 0.5rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      button {
        width: 100%;
        text-align: start;
      }
      button[aria-pressed='true'] {
        background: var(--bw-accent);
        color: var(--bw-accent-contrast);
      }
      .spots {
        display: block;
        font-size: 0.8rem;
      }
    `,
  ];

  static override properties: PropertyDeclarations = {
    slots: { attribute: false },
    selected: { attribute: false },
    locale: {},
    spots: { type: Boolean },
  };

  slots: TimeSlot[] = [];
  selected: TimeSlot | undefined;
  locale = 'en';
  /** Show open spots (classes). */
  spots = false;

  override render() {
    useLocale(this.locale); // in the widget's language, as the step around it
    return html`<ul>
      ${this.slots.map((slot) => {
        const waitlist = hasWaitlistRoom(slot);
        const disabled = !slot.bookable && !waitlist;
        const pressed =
          this.selected?.localStartDate === slot.localStartDate && this.selected?.eventInfo?.eventId === slot.eventInfo?.eventId;
        return html`<li>
          <button
            type="button"
            part="slot"
            data-slot-start=${slot.localStartDate}
            data-event-id=${slot.eventInfo?.eventId ?? nothing}
            aria-pressed=${pressed ? 'true' : 'false'}
            ?disabled=${disabled}
            @click=${() => this.dispatchEvent(new CustomEvent('slot-select', { detail: { slot } }))}
          >
            ${formatLocalTime(slot.localStartDate, this.locale)}
            ${this.spots ? html`<span class="spots">${waitlist ? msg('waitingList') : disabled ? msg('full') : slot.remainingCapacity === 1 ? msg('oneSpotLeft') : msg('spotsLeft', { n: slot.remainingCapacity })}</span>` : nothing}
          </button>
        </li>`;
      })}
    </ul>`;
  }
}

define('booking-widget-time-list', TimeList);

declare global {
  interface HTMLElementTagNameMap {
    'booking-widget-time-list': TimeList;
  }
}
