import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { BookingClient } from '../../api/client.js';
import type { SessionRule, StaffMember } from '../../model/business.js';
import type { Service } from '../../model/service.js';
import { routeHref } from '../booking-console/route.js';
import { isUnauthorized, studioZone } from '../bookings/console-reads.js';
import { panelStyles } from '../customers/panel.styles.js';
import { define } from '../shared/define.js';
import { readError } from '../shared/read-error.js';
import { addDays, browserZone, localParts, shortZoneName } from '../shared/studio-time.js';
import { themeStyles } from '../shared/theme.styles.js';
import { shortDate } from '../schedule/rule-words.js';
import { SCHEDULE_TEXT as T } from '../schedule/schedule-texts.js';
import { dayFromAddress, mondayOf } from '../schedule/week-layout.js';
import { errorText } from '../texts.js';
import './service-rules.js';
import './session-week.js';

const scheduled = (s: Service): boolean => s.type === 'CLASS' || s.type === 'COURSE';

/**
 * The Schedules view (OWNER): each class and course service's session rules in words, with Add, Edit and Delete
 * (a course's rules are its schedule, first and last session said), and the week's sessions on a calendar where
 * one is moved (dragged, or with its Move… dialog), cancelled with its bookings, or restored. The week and the
 * service are kept in the address (`#schedule?week=2026-12-07&service=<id>`).
 * @event console-unauthorized - the server no longer takes the token
 */
export class ConsoleScheduleView extends LitElement {
  static override styles = [
    themeStyles,
    panelStyles,
    css`
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
        align-items: end;
      }
      .rules {
        display: grid;
        gap: 0.75rem;
      }
      .skeleton {
        display: grid;
        gap: 0.5rem;
      }
      .skeleton span {
        display: block;
        height: 3.5rem;
        border-radius: var(--bc-radius);
        background: var(--bc-border);
        opacity: 0.5;
      }
    `,
  ];

  @property({ attribute: false }) client!: BookingClient;
  /** The address's `week` (a Monday, or any day of the week) and `service`. */
  @property({ attribute: false }) query: Readonly<Record<string, string>> = {};

  @state() private services: Service[] | undefined;
  @state() private staff: StaffMember[] = [];
  @state() private rules: SessionRule[] = [];
  /** The studio's zone, and as the form's hint says it ("America/New_York, EST"). */
  @state() private studio = '';
  @state() private zone = '';
  @state() private error: string | undefined;
  @state() private week = '';
  @state() private serviceId = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('query')) {
      const day = dayFromAddress(this.query['week']);
      if (day) this.week = mondayOf(day);
      this.serviceId = this.query['service'] ?? '';
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.read();
  }

  private async read(): Promise<void> {
    this.error = undefined;
    this.services = undefined;
    try {
      const [services, staff, rules, zone] = await Promise.all([
        this.client.services.queryServices({ paging: { limit: 100 } }).then((r) => r.services.filter(scheduled)),
        this.client.staffMembers.listStaffMembers(),
        this.client.schedule.listRules(),
        studioZone(this.client),
      ]);
      const studio = zone ?? browserZone();
      this.studio = studio;
      this.zone = `${studio}, ${shortZoneName(studio, Date.now())}`;
      if (!this.week) this.week = mondayOf(localParts(Date.now(), studio).day);
      if (this.serviceId && !services.some((s) => s.id === this.serviceId)) this.serviceId = '';
      this.staff = staff;
      this.rules = rules;
      this.services = services;
    } catch (error) {
      if (isUnauthorized(error)) this.dispatchEvent(new CustomEvent('console-unauthorized', { bubbles: true, composed: true }));
      this.error = errorText(error);
    }
  }

  override render() {
    return html`<section data-view="schedule" aria-labelledby="schedule-title" aria-busy=${this.services ? 'false' : 'true'}>
      <div class="bar"><h1 id="schedule-title">${T.title}</h1></div>
      ${this.body()}
    </section>`;
  }

  private body() {
    if (this.error !== undefined) return readError(this.error, () => void this.read());
    if (!this.services) {
      return html`<progress aria-label=${T.loading}></progress>
        <div class="skeleton" aria-hidden="true"><span></span><span></span><span></span></div>`;
    }
    if (this.services.length === 0) return html`<p>${T.noServices}</p>`;
    const shown = this.serviceId ? this.services.filter((s) => s.id === this.serviceId) : this.services;
    return html`<div class="filters">
        <div class="field">
          <label for="schedule-service">${T.serviceLabel}</label>
          <select id="schedule-service" @change=${(e: Event) => this.pick({ service: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${!this.serviceId}>${T.allServices}</option>
            ${this.services.map((s) => html`<option value=${s.id} ?selected=${s.id === this.serviceId}>${s.name}</option>`)}
          </select>
        </div>
      </div>
      <div class="rules">
        ${repeat(
          shown,
          (s) => s.id,
          (s) =>
            html`<console-service-rules
              .client=${this.client}
              .service=${s}
              .rules=${this.rules.filter((r) => r.serviceId === s.id)}
              .staff=${this.staff}
              day=${this.week}
              zone=${this.zone}
              @rules-change=${(e: CustomEvent<SessionRule[]>) => this.rulesChanged(s.id, e.detail)}
            ></console-service-rules>`,
        )}
      </div>
      <console-session-week
        .client=${this.client}
        .week=${this.week}
        .serviceIds=${shown.map((s) => s.id)}
        .rules=${this.rules}
        weekLabel=${this.weekLabel()}
        @week-change=${(e: CustomEvent<string>) => this.pick({ week: e.detail })}
        @week-this=${() => this.pick({ week: mondayOf(localParts(Date.now(), this.studio).day) })}
      ></console-session-week>`;
  }

  private weekLabel(): string {
    const end = addDays(this.week, 6);
    return T.weekOf(`${shortDate(this.week)} – ${shortDate(end)} ${end.slice(0, 4)}`);
  }

  private rulesChanged(serviceId: string, rules: SessionRule[]): void {
    this.rules = [...this.rules.filter((r) => r.serviceId !== serviceId), ...rules];
  }

  /** A new week or service: shown, and kept in the address without a history entry each. */
  private pick(change: { week?: string; service?: string }): void {
    if (change.week !== undefined) this.week = change.week;
    if (change.service !== undefined) this.serviceId = change.service;
    const query: Record<string, string> = { week: this.week, ...(this.serviceId ? { service: this.serviceId } : {}) };
    history.replaceState(history.state, '', routeHref('schedule', undefined, query));
  }
}

define('console-schedule-view', ConsoleScheduleView);

declare global {
  interface HTMLElementTagNameMap {
    'console-schedule-view': ConsoleScheduleView;
  }
}
