import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { Booking, BookedSlot } from '../../model/booking.js';
import { routeHref } from '../booking-console/route.js';
import { customerName } from '../bookings/booking-rows.js';
import { detailActions, type DetailAction } from '../booking/booking-actions.js';
import { formatRange } from '../booking/booking-facts.js';
import { BOOKING_TEXT as B } from '../booking/booking-texts.js';
import type { NotificationRow } from '../notifications/notification-rows.js';
import { NotificationsFeed } from '../notifications/notifications-feed.js';
import { NOTIFICATIONS_TEXT as T } from '../notifications/notifications-texts.js';
import '../reschedule/reschedule-picker.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { cardListStyles } from '../shared/list.styles.js';
import { statusStyles } from '../shared/status.styles.js';
import { themeStyles } from '../shared/theme.styles.js';
import { notificationsViewStyles } from './notifications-view.styles.js';

type RowAction = Extract<DetailAction, 'reschedule' | 'cancel' | 'decline'>;
const LABEL: Record<RowAction, string> = { reschedule: B.reschedule, cancel: B.cancel, decline: B.decline };
const ASK = { cancel: { heading: B.cancelTitle, body: B.cancelBody }, decline: { heading: B.declineTitle, body: B.declineBody } };

/**
 * The owner's notifications (`#notifications`): double bookings to resolve, newest first, each naming its
 * booking, the slot, the customer and the other bookings in that slot, with the actions that resolve it
 * (Reschedule through the picker, Cancel, Decline, or open the booking). A resolved one moves to "Resolved".
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleNotificationsView extends LitElement {
  static override styles = [themeStyles, statusStyles, cardListStyles, notificationsViewStyles];

  @property({ attribute: false }) client!: BookingClient;

  @state() private picking: string | undefined;
  @state() private asking: { booking: Booking; action: 'cancel' | 'decline' } | undefined;
  @query('console-confirm-dialog') private dialog!: ConsoleConfirmDialog;
  private feed: NotificationsFeed | undefined;

  override connectedCallback(): void {
    this.feed ??= new NotificationsFeed(this, this.client, () =>
      this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true })),
    );
    super.connectedCallback();
  }

  override render() {
    const feed = this.feed;
    if (!feed) return nothing;
    const busy = feed.state === 'loading';
    return html`<section data-view="notifications" aria-labelledby="notifications-title" aria-busy=${busy ? 'true' : 'false'}>
      <h1 id="notifications-title" tabindex="-1">${T.title}</h1>
      <p class="intro">${T.intro}</p>
      <p class="live" role="status">${feed.live ? T.liveOn : T.liveOff}</p>
      ${this.body(feed)}
      <console-confirm-dialog
        .heading=${this.asking ? ASK[this.asking.action].heading : ''}
        .body=${this.asking ? ASK[this.asking.action].body : ''}
        .confirmLabel=${this.asking ? LABEL[this.asking.action] : ''}
        .keepLabel=${B.keep}
        @dialog-confirm=${() => this.asking && void this.run(this.asking.booking, this.asking.action)}
        @dialog-close=${() => (this.asking = undefined)}
      ></console-confirm-dialog>
    </section>`;
  }

  private body(feed: NotificationsFeed) {
    if (feed.state === 'failed')
      return html`<p class="error" role="alert">${feed.error}</p>
        <button @click=${() => void feed.read()}>${B.retry}</button>`;
    if (feed.state === 'loading') return html`<p class="skeleton" aria-busy="true">${T.loading}</p>`;
    const rows = feed.rows;
    const open = rows.filter((r) => !r.resolved);
    const resolved = rows.filter((r) => r.resolved);
    return html`<h2>${T.openTitle} (${open.length})</h2>
      ${
        open.length === 0
          ? html`<p>${T.empty}</p>`
          : html`<ul class="open">
              ${open.map((r) => this.row(feed, r))}
            </ul>`
      }
      ${
        resolved.length
          ? html`<h2>${T.resolvedTitle}</h2>
              <ul class="resolved">
                ${resolved.map((r) => this.row(feed, r))}
              </ul>`
          : nothing
      }`;
  }

  private row(feed: NotificationsFeed, row: NotificationRow) {
    const b = row.booking;
    const n = row.notification;
    if (!b)
      return html`<li data-notification-id=${n.id}>
        <p>${n.message}</p>
        <p class="error">${T.gone}</p>
      </li>`;
    const actions = row.resolved
      ? []
      : detailActions(b, undefined, 'OWNER').filter((a): a is RowAction => a === 'reschedule' || a === 'cancel' || a === 'decline');
    const busy = feed.busy.get(b.id);
    const error = feed.rowErrors.get(b.id);
    return html`<li data-notification-id=${n.id} data-booking-id=${b.id} data-status=${b.status} data-resolved=${String(row.resolved)}>
      <div class="head">
        <a class="who" href=${routeHref('booking', b.id)}>${customerName(b)}</a>
        <span class="status ${b.status}">${b.status}</span>
      </div>
      <p>${b.bookedEntity.title ?? ''} · ${formatRange(b, feed.timeZone)}</p>
      ${row.resolved ? html`<p class="ok">${T.resolved}</p>` : html`<p class="flag">${T.flag}</p>`}
      ${
        row.others.length
          ? html`<p class="others">
              ${T.alsoHere}
              ${row.others.map((o, i) => html`${i ? ', ' : ''}<a href=${routeHref('booking', o.id)}>${customerName(o)}</a> (${o.status})`)}
            </p>`
          : nothing
      }
      <div class="actions">
        ${actions.map(
          (a) =>
            html`<button
              data-action=${a}
              ?disabled=${busy !== undefined}
              aria-expanded=${a === 'reschedule' ? String(this.picking === b.id) : nothing}
              @click=${() => this.press(b, a)}
            >
              ${busy === a ? B.working : LABEL[a]}
            </button>`,
        )}
        <a class="open-link" href=${routeHref('booking', b.id)}>${T.openBooking}</a>
      </div>
      ${error && this.picking !== b.id ? html`<p class="error" role="alert">${error}</p>` : nothing}
      ${
        this.picking === b.id && !row.resolved
          ? html`<console-reschedule-picker
              .client=${this.client}
              .booking=${b}
              .timeZone=${feed.timeZone}
              owner
              ?busy=${busy === 'reschedule'}
              .error=${error}
              ?slot-full=${feed.slotFull.has(b.id)}
              @reschedule-submit=${(e: CustomEvent<{ slot: BookedSlot; overbook: boolean }>) => void this.run(b, 'reschedule', e.detail)}
              @reschedule-close=${() => this.closePicker(b.id)}
            ></console-reschedule-picker>`
          : nothing
      }
    </li>`;
  }

  private press(b: Booking, action: RowAction): void {
    if (action === 'reschedule') {
      this.picking = this.picking === b.id ? undefined : b.id;
      return;
    }
    this.asking = { booking: b, action };
    void this.dialog.show();
  }

  private async run(b: Booking, action: RowAction, reschedule?: { slot: BookedSlot; overbook: boolean }): Promise<void> {
    const ok = await this.feed?.act(b, action, reschedule);
    if (ok && action === 'reschedule') this.picking = undefined;
    await this.updateComplete;
    // The row may have moved to "Resolved": keep the keyboard user's place on the row, else on the heading.
    const li = this.renderRoot.querySelector<HTMLElement>(`li[data-booking-id="${CSS.escape(b.id)}"] .who`);
    (li ?? this.renderRoot.querySelector<HTMLElement>('#notifications-title'))?.focus();
  }

  private closePicker(id: string): void {
    this.picking = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`li[data-booking-id="${CSS.escape(id)}"] button[data-action="reschedule"]`)?.focus(),
    );
  }
}

define('console-notifications-view', ConsoleNotificationsView);

declare global {
  interface HTMLElementTagNameMap {
    'console-notifications-view': ConsoleNotificationsView;
  }
}
