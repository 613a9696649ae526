import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { BookedSlot } from '../../model/booking.js';
import { routeHref } from '../booking-console/route.js';
import { customerName } from '../bookings/booking-rows.js';
import { detailActions, type DetailAction } from '../booking/booking-actions.js';
import { BookingRecord } from '../booking/booking-record.js';
import { BOOKING_TEXT as T } from '../booking/booking-texts.js';
import '../reschedule/reschedule-picker.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { statusStyles } from '../shared/status.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { factsPart, historyPart, orderPart } from './booking-parts.js';
import { bookingViewStyles } from './booking-view.styles.js';
import { readError } from '../shared/read-error.js';

const LABEL: Record<DetailAction, string> = {
  confirm: T.confirm,
  decline: T.decline,
  cancel: T.cancel,
  reschedule: T.reschedule,
  markPaid: T.markPaid,
  refund: T.refund,
};
/** Steps that cannot be undone ask first, in a modal dialog. */
const ASK: Partial<Record<DetailAction, { heading: string; body: string }>> = {
  cancel: { heading: T.cancelTitle, body: T.cancelBody },
  decline: { heading: T.declineTitle, body: T.declineBody },
};

/**
 * One booking's whole story at `#booking/<id>`: who, what, when (in the studio's zone), its status and payment,
 * its order, its history, and the actions its lifecycle and payment state allow, kept live by the business
 * stream. A booking the account may not see (another staff member's) reads "not found", with no actions.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleBookingView extends LitElement {
  static override styles = [themeStyles, statusStyles, bookingViewStyles];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) accountRole: 'OWNER' | 'STAFF' = 'STAFF';
  @property({ attribute: 'booking-id' }) bookingId = '';
  /** Just made in New booking (`#booking/<id>?booked=1`): say so, and start a keyboard user at the booking. */
  @property({ type: Boolean }) booked = false;

  @state() private asking: DetailAction | undefined;
  @state() private picking = false;
  @state() private notice = '';
  @query('console-confirm-dialog') private dialog!: ConsoleConfirmDialog;
  private record: BookingRecord | undefined;
  /** The button that opened the dialog or the picker: focus returns to it. */
  private opener: HTMLElement | undefined;
  /** The just-booked booking has been read and focused: once only. */
  private arrived = false;

  override connectedCallback(): void {
    this.record ??= new BookingRecord(
      this,
      this.client,
      () => this.bookingId,
      () => this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true })),
    );
    super.connectedCallback();
    // A reload or a shared link is not a new booking: the address drops its mark (no hashchange, no new view).
    if (this.booked) history.replaceState(history.state, '', routeHref('booking', this.bookingId));
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Another booking in the same element (a link from one booking to another): read it; the stream stays.
    if (changed.has('bookingId') && changed.get('bookingId') !== undefined) {
      this.picking = false;
      this.notice = '';
      void this.record?.read();
    }
  }

  override render() {
    const r = this.record;
    if (!r) return nothing;
    const b = r.booking;
    return html`<section data-view="booking" aria-labelledby="booking-title" aria-busy=${r.state === 'loading' ? 'true' : 'false'}>
      <p class="back"><a href=${routeHref('bookings')}>${T.back}</a></p>
      <h1 id="booking-title" tabindex="-1">${b && r.state === 'ready' ? customerName(b) : T.title}</h1>
      ${this.booked ? html`<p class="booked" role="status">${b && r.state === 'ready' ? T.booked(b.status) : ''}</p>` : nothing}
      <p class="live" role="status">${r.live ? T.liveOn : T.liveOff}</p>
      ${this.body(r)}
    </section>`;
  }

  private body(r: BookingRecord) {
    if (r.state === 'notFound') return html`<p class="error" role="alert">${T.notFound}</p>`;
    if (r.state === 'failed') return readError(r.error ?? '', () => void r.read());
    const b = r.booking;
    if (r.state === 'loading' || !b) return html`<div class="skeleton" aria-busy="true"><p>${T.loading}</p></div>`;
    const actions = detailActions(b, r.order, this.accountRole).filter((a) => a !== 'reschedule' || b.bookedEntity.slot);
    return html`<div class="card" data-booking-id=${b.id} data-status=${b.status}>
        ${b.doubleBooked ? html`<p class="flag" data-double-booked>${T.doubleBooked}</p>` : nothing} ${factsPart(b, r.timeZone)}
      </div>
      <section aria-labelledby="actions-title" class="actions-part">
        <h2 id="actions-title" tabindex="-1">${T.actionsTitle}</h2>
        <div class="actions">
          ${actions.length === 0 ? html`<p>${T.noActions}</p>` : nothing}
          ${actions.map(
            (a) =>
              html`<button
                class=${a === 'confirm' ? 'primary' : ''}
                data-action=${a}
                ?disabled=${r.busy !== undefined}
                aria-expanded=${a === 'reschedule' ? String(this.picking) : nothing}
                @click=${(e: Event) => this.press(a, e.currentTarget as HTMLElement)}
              >
                ${r.busy === a ? T.working : LABEL[a]}
              </button>`,
          )}
        </div>
        ${r.actionError && !this.picking ? html`<p class="error" role="alert">${r.actionError}</p>` : nothing}
        <p class="notice" role="status">${this.notice}</p>
      </section>
      ${
        this.picking
          ? html`<console-reschedule-picker
              .client=${this.client}
              .booking=${b}
              .timeZone=${r.timeZone}
              ?owner=${this.accountRole === 'OWNER'}
              ?busy=${r.busy === 'reschedule'}
              .error=${r.actionError}
              ?slot-full=${r.slotFull}
              @reschedule-submit=${(e: CustomEvent<{ slot: BookedSlot; overbook: boolean }>) => void this.reschedule(e.detail)}
              @reschedule-close=${() => this.closePicker()}
            ></console-reschedule-picker>`
          : nothing
      }
      <section aria-labelledby="order-title">
        <h2 id="order-title">${T.orderTitle}</h2>
        ${orderPart(b, r.order)}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">${T.historyTitle}</h2>
        ${historyPart(r.history, r.timeZone)}
      </section>
      <console-confirm-dialog
        .heading=${this.asking ? (ASK[this.asking]?.heading ?? '') : ''}
        .body=${this.asking ? (ASK[this.asking]?.body ?? '') : ''}
        .confirmLabel=${this.asking ? LABEL[this.asking] : ''}
        .keepLabel=${T.keep}
        @dialog-confirm=${() => this.asking && void this.run(this.asking)}
        @dialog-close=${() => this.dialogClosed()}
      ></console-confirm-dialog>`;
  }

  protected override updated(): void {
    if (!this.booked || this.arrived || this.record?.state !== 'ready') return;
    this.arrived = true;
    this.renderRoot.querySelector<HTMLElement>('#booking-title')?.focus();
  }

  private press(action: DetailAction, button: HTMLElement): void {
    this.opener = button;
    if (ASK[action]) {
      this.asking = action;
      void this.dialog.show();
    } else if (action === 'reschedule') {
      this.picking = !this.picking;
      if (this.picking) void this.focusIn('console-reschedule-picker', '#picker-title');
    } else void this.run(action);
  }

  private async run(action: DetailAction): Promise<void> {
    this.notice = '';
    const ok = await this.record?.act(action);
    if (ok) this.notice = T.done(LABEL[action]);
    await this.restoreFocus();
  }

  private async reschedule(detail: { slot: BookedSlot; overbook: boolean }): Promise<void> {
    this.notice = '';
    const ok = await this.record?.act('reschedule', detail);
    if (!ok) return; // the picker stays open with the error and the choice made
    this.picking = false;
    this.notice = T.done(T.reschedule);
    await this.restoreFocus();
  }

  private closePicker(): void {
    this.picking = false;
    void this.restoreFocus();
  }

  private dialogClosed(): void {
    // Confirmed: `run` restores focus once the answer is in; kept: back to the button at once.
    const asked = this.asking;
    this.asking = undefined;
    if (asked && this.record?.busy === undefined) void this.restoreFocus();
  }

  /** Back to the button that started it; when the action made it go away, to the actions' heading. */
  private async restoreFocus(): Promise<void> {
    await this.updateComplete;
    const action = this.opener?.dataset['action'];
    const again = action ? this.renderRoot.querySelector<HTMLElement>(`button[data-action="${action}"]`) : null;
    (again && !again.hasAttribute('disabled') ? again : this.renderRoot.querySelector<HTMLElement>('#actions-title'))?.focus();
  }

  private async focusIn(host: string, selector: string): Promise<void> {
    await this.updateComplete;
    const el = this.renderRoot.querySelector(host) as LitElement | null;
    await el?.updateComplete;
    el?.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }
}

define('console-booking-view', ConsoleBookingView);

declare global {
  interface HTMLElementTagNameMap {
    'console-booking-view': ConsoleBookingView;
  }
}
