import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { BookingClient } from '../../api/client.js';
import { formatLocalDate, formatLocalTime } from '../../i18n/format.js';
import type { BusinessUser } from '../../model/business-user.js';
import { AgendaFeed } from '../agenda/agenda-feed.js';
import type { AgendaDay, AgendaItem } from '../agenda/agenda-items.js';
import { AGENDA_TEXT as T } from '../agenda/agenda-texts.js';
import { agendaHash, parseAgendaParam, periodRange, stepPeriod } from '../agenda/agenda-time.js';
import { shortZoneName, startOfDay } from '../shared/studio-time.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { agendaViewStyles } from './agenda-view.styles.js';
import { bookingCard, sessionEntry } from './agenda-entries.js';

const LOCALE = 'en-US';

/**
 * The agenda: a day or a week of class sessions (booked/capacity, waiting list) and bookings in the studio's zone,
 * grouped by day and by the hour they start, kept live by the business stream. The period lives in the address
 * (`#agenda/day/2026-12-02`, `#agenda/week/2026-11-30`), so Previous, Today and Next are links the Back button undoes.
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleAgendaView extends LitElement {
  static override styles = [themeStyles, agendaViewStyles];

  @property({ attribute: false }) client!: BookingClient;
  @property({ attribute: false }) user!: BusinessUser;
  /** The route's parameter: `day/<date>`, `week/<date>`, `week`, or nothing (today). */
  @property({ attribute: false }) param: string | undefined;

  /** Sessions whose bookings are shown (their disclosure is open). */
  @state() private open = new Set<string>();
  private feed: AgendaFeed | undefined;

  override connectedCallback(): void {
    this.feed ??= new AgendaFeed(this, this.client, this.user.role === 'STAFF' ? this.user.staffMemberId : undefined, () =>
      this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true })),
    );
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('param') || !this.hasUpdated) {
      const { mode, day } = parseAgendaParam(this.param);
      this.feed?.show(mode, day);
    }
  }

  override render() {
    const feed = this.feed;
    if (!feed) return nothing;
    const busy = feed.state === 'loading';
    return html`<section data-view="agenda" aria-labelledby="agenda-title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="bar">
        <div aria-live="polite">
          <h1 id="agenda-title" tabindex="-1"><span class="visually-hidden">${T.title}: </span>${this.heading(feed)}</h1>
        </div>
        ${this.controls(feed)}
      </div>
      <p class="live" role="status">
        ${feed.live ? T.liveOn : T.liveOff} ${feed.anchor ? html`<span>${T.timesIn} ${this.zoneLine(feed)}.</span>` : nothing}
      </p>
      ${this.body(feed)}
    </section>`;
  }

  private heading(feed: AgendaFeed): string {
    const days = feed.days;
    const first = days[0];
    const last = days[days.length - 1];
    if (!first || !last) return T.title;
    if (feed.mode === 'day') return formatLocalDate(first, LOCALE, 'long');
    // "Nov 30 – Dec 6, 2026": the week's first and last days, and the year it ends in.
    return `${formatLocalDate(first, LOCALE, 'short')} – ${formatLocalDate(last, LOCALE, 'short')}, ${last.slice(0, 4)}`;
  }

  /** The zone and its short name; a week across a DST change names both ("EST, then EDT"). */
  private zoneLine(feed: AgendaFeed): string {
    const { fromMs, toMs } = periodRange(feed.days, feed.zone);
    const a = shortZoneName(feed.zone, fromMs);
    const b = shortZoneName(feed.zone, toMs - 1);
    return `${feed.zone.replace(/_/g, ' ')} (${a === b ? a : `${a}, then ${b}`})`;
  }

  private controls(feed: AgendaFeed) {
    const anchor = feed.anchor;
    const mode = feed.mode;
    const go = (hash: string) => (): void => {
      location.hash = hash;
    };
    const modeButton = (m: 'day' | 'week', label: string) =>
      html`<button aria-pressed=${mode === m ? 'true' : 'false'} ?disabled=${!anchor} @click=${go(agendaHash(m, anchor ?? ''))}>
        ${label}
      </button>`;
    return html`<div class="controls">
      <div role="group" aria-label=${T.period} class="toggle">${modeButton('day', T.day)} ${modeButton('week', T.week)}</div>
      <div role="group" aria-label=${T.move} class="move">
        <button
          aria-label=${mode === 'day' ? T.previousDay : T.previousWeek}
          ?disabled=${!anchor}
          @click=${go(agendaHash(mode, anchor ? stepPeriod(anchor, mode, -1) : ''))}
        >
          ${T.previous}
        </button>
        <button ?disabled=${!anchor} @click=${() => go(agendaHash(mode, feed.today()))()}>${T.today}</button>
        <button
          aria-label=${mode === 'day' ? T.nextDay : T.nextWeek}
          ?disabled=${!anchor}
          @click=${go(agendaHash(mode, anchor ? stepPeriod(anchor, mode, 1) : ''))}
        >
          ${T.next}
        </button>
      </div>
    </div>`;
  }

  private body(feed: AgendaFeed) {
    if (feed.state === 'failed') {
      return html`<div class="failed">
        <p class="error" role="alert">${feed.error}</p>
        <button @click=${() => void this.retry(feed)}>${T.retry}</button>
      </div>`;
    }
    if (feed.state === 'loading') {
      return html`<div class="skeleton">
        <p role="status"><progress aria-label=${T.loading}></progress> <span>${T.loading}</span></p>
        ${[1, 2, 3].map(() => html`<div class="ghost" aria-hidden="true"></div>`)}
      </div>`;
    }
    const days = feed.agenda;
    if (feed.mode === 'day') return days.map((d) => this.hours(feed, d, 2));
    return html`<div class="week">
      ${days.map(
        (d) =>
          html`<section class="day" aria-labelledby=${`day-${d.day}`}>
            <h2 id=${`day-${d.day}`}>${formatLocalDate(d.day, LOCALE, 'long').replace(/, \d{4}$/, '')}</h2>
            ${this.hours(feed, d, 3)}
          </section>`,
      )}
    </div>`;
  }

  /** A day's entries under a heading per starting hour (h2 in the day view, h3 inside a week's day). */
  private hours(feed: AgendaFeed, d: AgendaDay, level: 2 | 3) {
    if (d.hours.length === 0) return html`<p class="empty">${T.emptyDay}</p>`;
    const zone = shortZoneName(feed.zone, startOfDay(d.day, feed.zone) + 12 * 3_600_000);
    return d.hours.map(({ hour, items }) => {
      const label = formatLocalTime(`${d.day}T${String(hour).padStart(2, '0')}:00:00`, LOCALE);
      const heading = level === 2 ? html`<h2 class="hour">${label}</h2>` : html`<h3 class="hour">${label}</h3>`;
      return html`<div class="hour-group">
        ${heading}
        <ul class="items">
          ${items.map((item) => this.entry(item, zone))}
        </ul>
      </div>`;
    });
  }

  private entry(item: AgendaItem, zone: string) {
    if (item.kind === 'booking')
      return bookingCard(item, shortZoneName(this.feed?.zone ?? 'UTC', Date.parse(item.booking.startDate ?? '')));
    return sessionEntry({ item, zone, open: this.open.has(item.eventId), toggle: () => this.toggle(item.eventId) });
  }

  /** Reads again; the pressed button is gone afterwards, so focus moves to the title, not the page's top. */
  private async retry(feed: AgendaFeed): Promise<void> {
    await feed.read();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#agenda-title')?.focus();
  }

  private toggle(eventId: string): void {
    const open = new Set(this.open);
    if (!open.delete(eventId)) open.add(eventId);
    this.open = open;
  }
}

define('console-agenda-view', ConsoleAgendaView);

declare global {
  interface HTMLElementTagNameMap {
    'console-agenda-view': ConsoleAgendaView;
  }
}
