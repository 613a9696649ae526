import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import type { CalendarFeed } from '../../api/settings-calls.js';
import type { StaffMember } from '../../model/business.js';
import { panelStyles } from '../customers/panel.styles.js';
import { SETTINGS_TEXT as T } from '../settings/settings-texts.js';
import type { ConsoleConfirmDialog } from '../shared/confirm-dialog.js';
import '../shared/confirm-dialog.js';
import '../shared/copy-box.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { errorText } from '../texts.js';
import { PartRead } from './form-parts.js';

/**
 * The calendar feeds (`/calendar/v1/feeds`): the list (whose bookings each carries), Revoke after a confirmation,
 * and Create for a staff member or the whole business, whose subscription address is shown once with Copy.
 */
export class ConsoleCalendarFeeds extends LitElement {
  static override styles = [themeStyles, panelStyles];

  @property({ attribute: false }) client!: BookingClient;

  @state() private feeds: CalendarFeed[] | undefined;
  @state() private staff: StaffMember[] = [];
  @state() private whose = '';
  @state() private busy = false;
  @state() private made: { url: string; webcalUrl: string } | undefined;
  @state() private message: { ok: boolean; text: string } | undefined;
  @state() private revoking: CalendarFeed | undefined;
  @query('console-confirm-dialog') private dialog!: ConsoleConfirmDialog;
  private readonly reading = new PartRead(
    this,
    () => Promise.all([this.client.calendarFeeds.listFeeds(), this.client.staffMembers.listStaffMembers()]),
    ([feeds, staff]) => {
      this.feeds = feeds;
      this.staff = staff;
    },
  );

  private who(feed: { staffMemberId?: string }): string {
    if (!feed.staffMemberId) return T.wholeBusiness;
    return this.staff.find((s) => s.id === feed.staffMemberId)?.name ?? feed.staffMemberId;
  }

  override render() {
    const waiting = this.reading.waiting(T.feedsLoading);
    if (waiting || !this.feeds) return waiting;
    return html`${
        this.feeds.length === 0
          ? html`<p>${T.noFeeds}</p>`
          : html`<ul class="cards">
              ${this.feeds.map(
                (f) =>
                  html`<li class="card" data-feed-id=${f.id}>
                    <strong>${this.who(f)}</strong>
                    <span class="muted">${T.created(new Date(f.createdDate).toLocaleDateString('en-US', { dateStyle: 'medium' }))}</span>
                    <div class="actions">
                      <button @click=${() => this.askRevoke(f)}>${T.revoke}</button>
                    </div>
                  </li>`,
              )}
            </ul>`
      }
      <form novalidate aria-busy=${this.busy ? 'true' : 'false'} @submit=${(e: Event) => void this.create(e)}>
        <div class="field">
          <label for="feed-whose">${T.feedFor}</label>
          <select id="feed-whose" @change=${(e: Event) => (this.whose = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this.whose === ''}>${T.wholeBusiness}</option>
            ${this.staff.map((s) => html`<option value=${s.id} ?selected=${this.whose === s.id}>${s.name}</option>`)}
          </select>
        </div>
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? T.creating : T.createFeed}</button>
      </form>
      <p role="status" class=${this.message && !this.message.ok ? 'error' : ''}>${this.message?.text ?? ''}</p>
      ${
        this.made
          ? html`<console-copy-box
                .label=${T.feedAddress}
                .value=${this.made.url}
                .copyLabel=${T.copy}
                .copiedLabel=${T.copied}
              ></console-copy-box>
              <console-copy-box
                .label=${T.feedWebcal}
                .value=${this.made.webcalUrl}
                .copyLabel=${T.copy}
                .copiedLabel=${T.copied}
              ></console-copy-box>`
          : nothing
      }
      <console-confirm-dialog
        .heading=${T.revokeTitle}
        .body=${this.revoking ? T.revokeBody(this.who(this.revoking)) : ''}
        .confirmLabel=${T.revoke}
        .keepLabel=${T.keep}
        @dialog-confirm=${() => this.revoking && void this.revoke(this.revoking)}
        @dialog-close=${() => (this.revoking = undefined)}
      ></console-confirm-dialog>`;
  }

  private async create(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.message = undefined;
    try {
      const { feed, url, webcalUrl } = await this.client.calendarFeeds.createFeed(this.whose || undefined);
      this.feeds = [...(this.feeds ?? []), feed];
      this.made = { url, webcalUrl };
      this.message = { ok: true, text: T.feedCreated(this.who(feed)) };
    } catch (error) {
      this.message = { ok: false, text: errorText(error) };
    } finally {
      this.busy = false;
    }
  }

  private askRevoke(f: CalendarFeed): void {
    this.revoking = f;
    void this.dialog.show();
  }

  private async revoke(f: CalendarFeed): Promise<void> {
    try {
      await this.client.calendarFeeds.revokeFeed(f.id);
      this.feeds = this.feeds?.filter((x) => x.id !== f.id);
      this.message = { ok: true, text: T.revoked(this.who(f)) };
    } catch (error) {
      this.message = { ok: false, text: errorText(error) };
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#feed-whose')?.focus();
  }
}

define('console-calendar-feeds', ConsoleCalendarFeeds);

declare global {
  interface HTMLElementTagNameMap {
    'console-calendar-feeds': ConsoleCalendarFeeds;
  }
}
