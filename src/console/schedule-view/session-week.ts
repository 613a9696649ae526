import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { SessionRule } from '../../model/business.js';
import { panelStyles } from '../customers/panel.styles.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import '../shared/confirm-dialog.js';
import { define } from '../shared/define.js';
import { readError } from '../shared/read-error.js';
import { addDays } from '../shared/studio-time.js';
import { themeStyles } from '../shared/theme.styles.js';
import { sessionWhen } from '../schedule/rule-words.js';
import { SCHEDULE_TEXT as T } from '../schedule/schedule-texts.js';
import { mondayOf, weekDays, weekRange, type WeekSession } from '../schedule/week-layout.js';
import { errorText } from '../texts.js';
import type { ConsoleMoveDialog } from './move-dialog.js';
import './move-dialog.js';
import type { ConsoleWeekCalendar, SessionDrop } from './week-calendar.js';
import './week-calendar.js';
import { sessionWeekStyles } from './session-week.styles.js';

/**
 * The week's sessions of the chosen services (read again when the week, the services or their rules change), the
 * week's Previous / This week / Next, and what is done to one session: moved (the Move… dialog, or a drop asked
 * first when customers are booked), cancelled with its bookings (asked first, customers notified unless unticked,
 * an optional message), or restored.
 * @event week-change - detail: the Monday to show
 * @event week-this - the owner asked for the current week
 */
export class ConsoleSessionWeek extends LitElement {
  static override styles = [themeStyles, panelStyles, sessionWeekStyles];

  @property({ attribute: false }) client!: BookingClient;
  /** The week's Monday, `YYYY-MM-DD`. */
  @property() week = '';
  @property() weekLabel = '';
  @property({ attribute: false }) serviceIds: readonly string[] = [];
  /** The rules the sessions come from: a change reads the week again. */
  @property({ attribute: false }) rules: readonly SessionRule[] = [];

  @state() private sessions: WeekSession[] | undefined;
  @state() private error: string | undefined;
  @state() private said = '';
  @state() private alert = '';
  @state() private acting: WeekSession | undefined;
  @state() private drop: SessionDrop | undefined;
  @state() private moveError: ConsoleMoveDialog['error'];
  @state() private moving = false;
  @state() private notify = true;
  @state() private message = '';
  @query('console-move-dialog') private moveDialog!: ConsoleMoveDialog;
  @query('console-confirm-dialog.cancel-dialog') private cancelDialog!: ConsoleConfirmDialog;
  @query('console-confirm-dialog.drop-dialog') private dropDialog!: ConsoleConfirmDialog;
  @query('console-week-calendar') private calendar: ConsoleWeekCalendar | undefined;
  private readSerial = 0;
  private readKey = '';
  private sessionsWeek = '';

  override updated(changed: Map<string, unknown>): void {
    // The services come as a new array on every render of the view: read again only when they are other ones.
    const key = `${this.week}|${this.serviceIds.join(',')}`;
    if (this.week && (key !== this.readKey || changed.has('rules'))) {
      this.readKey = key;
      void this.read();
    }
  }

  private async read(): Promise<void> {
    const serial = ++this.readSerial;
    const week = this.week;
    this.error = undefined;
    // Another week shows its skeleton; the same week keeps its sessions on screen while they are read again.
    if (this.sessionsWeek !== week) this.sessions = undefined;
    try {
      const ids = this.serviceIds;
      const events = ids.length ? await this.client.schedule.listEvents({ ...weekRange(week), serviceIds: [...ids] }) : [];
      if (serial !== this.readSerial) return;
      this.sessions = events;
      this.sessionsWeek = week;
    } catch (error) {
      if (serial === this.readSerial) this.error = errorText(error);
    }
  }

  override render() {
    const s = this.acting;
    const when = s ? sessionWhen(s.localStartDate) : '';
    return html`<section aria-labelledby="week-title">
      <div class="week-bar">
        <h2 id="week-title">${this.weekLabel}</h2>
        <div class="nav">
          <button @click=${() => this.go(addDays(this.week, -7))}>${T.previousWeek}</button>
          <button @click=${() => this.dispatchEvent(new CustomEvent('week-this'))}>${T.thisWeek}</button>
          <button @click=${() => this.go(addDays(this.week, 7))}>${T.nextWeek}</button>
        </div>
      </div>
      <p role="status" aria-live="polite" class="muted">${this.said}</p>
      ${this.alert ? html`<p class="error" role="alert">${this.alert}</p>` : nothing} ${this.body()}
      <console-move-dialog
        .session=${s}
        .error=${this.moveError}
        ?busy=${this.moving}
        @move-submit=${(e: CustomEvent<string>) => void this.move(e.detail, true)}
        @dialog-close=${() => void this.refocus()}
      ></console-move-dialog>
      <console-confirm-dialog
        class="drop-dialog"
        heading=${this.drop ? T.moveAsk(this.drop.session.title ?? '', sessionWhen(this.drop.to)) : ''}
        body=${this.drop ? T.moveWarn(this.drop.session.bookedCount) : ''}
        confirm-label=${T.moveButton}
        keep-label=${T.moveKeep}
        @dialog-confirm=${() => this.drop && void this.move(this.drop.to, false)}
        @dialog-close=${() => void this.refocus()}
      ></console-confirm-dialog>
      <console-confirm-dialog
        class="cancel-dialog"
        heading=${s ? T.cancelTitle(s.title ?? '', when) : ''}
        body=${s ? T.cancelBody(s.bookedCount) : ''}
        confirm-label=${T.cancelConfirm}
        keep-label=${T.cancelKeep}
        @dialog-confirm=${() => void this.cancelSession()}
        @dialog-close=${() => void this.refocus()}
      >
        <label class="check"
          ><input
            type="checkbox"
            .checked=${this.notify}
            @change=${(e: Event) => (this.notify = (e.target as HTMLInputElement).checked)}
          />${T.notify}</label
        >
        <div class="field">
          <label for="cancel-message">${T.message}</label>
          <textarea
            id="cancel-message"
            rows="3"
            maxlength="1000"
            .value=${this.message}
            ?disabled=${!this.notify}
            @input=${(e: Event) => (this.message = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
      </console-confirm-dialog>
    </section>`;
  }

  private body() {
    if (this.error !== undefined) return readError(this.error, () => void this.read());
    if (!this.sessions) {
      return html`<progress aria-label=${T.loadingWeek}></progress>
        <div class="skeleton" aria-hidden="true">${weekDays(this.week).map(() => html`<span></span>`)}</div>`;
    }
    return html`${this.sessions.length === 0 ? html`<p>${T.noSessions}</p>` : nothing}
      <console-week-calendar
        .days=${weekDays(this.week)}
        .sessions=${this.sessions}
        @session-drop=${(e: CustomEvent<SessionDrop>) => void this.dropped(e.detail)}
        @session-move-request=${(e: CustomEvent<WeekSession>) => void this.askMove(e.detail)}
        @session-cancel-request=${(e: CustomEvent<WeekSession>) => void this.askCancel(e.detail)}
        @session-restore-request=${(e: CustomEvent<WeekSession>) => void this.restore(e.detail)}
      ></console-week-calendar>`;
  }

  private go(monday: string): void {
    this.dispatchEvent(new CustomEvent<string>('week-change', { detail: monday }));
  }

  private async askMove(s: WeekSession): Promise<void> {
    this.acting = s;
    this.moveError = undefined;
    await this.updateComplete;
    await this.moveDialog.show();
  }

  /** A drop moves at once when no one is booked, and asks first when customers would be moved and emailed. */
  private async dropped(drop: SessionDrop): Promise<void> {
    this.acting = drop.session;
    if (drop.session.bookedCount === 0) return this.move(drop.to, false);
    this.drop = drop;
    await this.updateComplete;
    await this.dropDialog.show();
  }

  private async move(to: string, fromDialog: boolean): Promise<void> {
    const s = this.acting;
    this.drop = undefined;
    if (!s) return;
    this.moving = true;
    this.alert = '';
    try {
      const moved = await this.client.schedule.moveEvent(s.id, { localStartDate: to });
      this.moveDialog.close();
      this.said = T.movedTo(s.title ?? '', sessionWhen(to));
      this.calendar?.select(moved.id);
      const monday = mondayOf(to.slice(0, 10));
      if (monday !== this.week) this.go(monday);
      else await this.read();
    } catch (error) {
      const text = errorText(error);
      const field = error instanceof BookingApiError && error.validationError ? 'time' : undefined;
      if (fromDialog) this.moveError = field ? { field, text } : { text };
      else this.alert = text;
    } finally {
      this.moving = false;
    }
  }

  private async askCancel(s: WeekSession): Promise<void> {
    this.acting = s;
    this.notify = true;
    this.message = '';
    await this.updateComplete;
    await this.cancelDialog.show();
  }

  private async cancelSession(): Promise<void> {
    const s = this.acting;
    if (!s) return;
    this.alert = '';
    const message = this.message.trim();
    try {
      const answer = await this.client.schedule.cancelEvent(s.id, {
        notifyParticipants: this.notify,
        ...(this.notify && message ? { message } : {}),
      });
      this.said = T.cancelledSaid(s.title ?? '', answer.canceledBookingIds.length);
      await this.read();
    } catch (error) {
      this.alert = errorText(error);
    }
  }

  private async restore(s: WeekSession): Promise<void> {
    this.alert = '';
    try {
      await this.client.schedule.restoreEvent(s.id);
      this.said = T.restoredSaid(s.title ?? '');
      await this.read();
    } catch (error) {
      this.alert = errorText(error);
    }
  }

  /** After a dialog, focus goes back to the session's panel (or the session itself). */
  private async refocus(): Promise<void> {
    await this.updateComplete;
    const calendar = this.calendar;
    await calendar?.updateComplete;
    const root = calendar?.renderRoot;
    const id = this.acting?.id;
    const target =
      root?.querySelector<HTMLElement>('#session-panel button') ??
      (id ? root?.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(id)}"]`) : null);
    target?.focus();
  }
}

define('console-session-week', ConsoleSessionWeek);

declare global {
  interface HTMLElementTagNameMap {
    'console-session-week': ConsoleSessionWeek;
  }
}
