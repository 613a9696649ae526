import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssVars } from './css-vars.js';
import { define } from '../shared/define.js';
import { themeStyles } from '../shared/theme.styles.js';
import { DAY_NAMES, sessionWhen, shortDate, weekdayOf } from '../schedule/rule-words.js';
import { SCHEDULE_TEXT as T } from '../schedule/schedule-texts.js';
import { dropStart, hourRange, layoutDay, minuteOf, sessionsByDay, type PlacedSession, type WeekSession } from '../schedule/week-layout.js';
import { weekCalendarStyles } from './week-calendar.styles.js';

/** A session dropped on another day or time. */
export interface SessionDrop {
  session: WeekSession;
  /** The new local start, `YYYY-MM-DDTHH:MM:00`. */
  to: string;
}

// Where a session sits, as custom properties (set through the CSSOM: the CSP refuses style attributes).
const placement = (p: PlacedSession, firstHour: number) => ({
  '--top': String(p.start - firstHour * 60),
  '--height': String(p.end - p.start),
  '--lane': String(p.lane),
  '--lanes': String(p.lanes),
});

/** The calendar's width from which the week is drawn as day columns (below it, a day list). */
const GRID_MIN_WIDTH = 700;
/** A pointer moved less than this is a press, not a drag. */
const DRAG_THRESHOLD_PX = 5;

interface Drag {
  session: WeekSession;
  block: HTMLElement;
  pointerId: number;
  x: number;
  y: number;
  moved: boolean;
  to?: string;
}

/**
 * A week of sessions: each a button (`data-event-id`) with its time, title, booked/capacity and state, in a
 * column a day, or a day list when narrow. Pressing a session opens its panel below (Move…, Cancel session or
 * Restore): the keyboard's way to everything. With a pointer, a session is dragged to another day or time,
 * snapping to 15 minutes.
 * @event session-drop - detail: SessionDrop
 * @event session-move-request - detail: the session (its Move… button)
 * @event session-cancel-request - detail: the session
 * @event session-restore-request - detail: the session
 */
export class ConsoleWeekCalendar extends LitElement {
  static override styles = [themeStyles, weekCalendarStyles];

  @property({ attribute: false }) days: readonly string[] = [];
  @property({ attribute: false }) sessions: readonly WeekSession[] = [];
  @state() private selected: string | undefined;
  @state() private wide = false;
  @state() private dropLabel = '';
  private drag: Drag | undefined;
  private suppressClick = false;
  private readonly resize = new ResizeObserver(([entry]) => {
    this.wide = (entry?.contentRect.width ?? 0) >= GRID_MIN_WIDTH;
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    this.resize.disconnect();
    super.disconnectedCallback();
  }

  /** Opens a session's panel, as pressing it does (after a move, the moved session stays chosen). */
  select(id: string | undefined): void {
    this.selected = id;
  }

  override render() {
    const { first, last } = hourRange(this.sessions);
    const span = (last - first) * 60;
    const byDay = sessionsByDay(this.sessions, this.days);
    const hours = Array.from({ length: last - first }, (_, i) => first + i);
    return html`<p class="muted">${this.wide ? T.dragHint : nothing}</p>
      <div class="week ${this.wide ? 'grid' : ''}" ${cssVars({ '--span': span })}>
        <div class="gutter" aria-hidden="true">
          ${hours.map((h) => html`<span ${cssVars({ '--at': (h - first) * 60 })}>${String(h).padStart(2, '0')}:00</span>`)}
        </div>
        ${this.days.map((day) => this.day(day, byDay.get(day) ?? [], first))}
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.dropLabel}</p>
      ${this.panel()}`;
  }

  private day(day: string, sessions: WeekSession[], firstHour: number) {
    const name = `${DAY_NAMES[weekdayOf(day)]} ${shortDate(day)}`;
    return html`<section class="day" data-day=${day} aria-label=${name}>
      <h3>${name}</h3>
      ${sessions.length === 0 ? html`<p class="none muted">${T.noSessionsDay}</p>` : nothing}
      <ol>
        ${repeat(
          layoutDay(sessions),
          (p) => p.session.id,
          (p) => html`<li ${cssVars(placement(p, firstHour))}>${this.block(p.session)}</li>`,
        )}
      </ol>
    </section>`;
  }

  private block(s: WeekSession) {
    const cancelled = s.status === 'CANCELLED';
    return html`<button
      class="session ${s.status}"
      data-event-id=${s.id}
      data-status=${s.status}
      aria-expanded=${this.selected === s.id ? 'true' : 'false'}
      aria-controls="session-panel"
      @click=${() => this.toggle(s)}
      @pointerdown=${(e: PointerEvent) => this.dragStart(e, s)}
      @pointermove=${(e: PointerEvent) => this.dragMove(e)}
      @pointerup=${(e: PointerEvent) => this.dragEnd(e)}
      @pointercancel=${() => this.dragCancel()}
    >
      <span class="time">${s.localStartDate.slice(11, 16)}–${s.localEndDate.slice(11, 16)}</span>
      <span class="title">${s.title ?? ''}</span>
      <span class="booked"
        >${T.booked(s.bookedCount, s.capacity)}${cancelled ? html` · <span class="state">${T.cancelled}</span>` : nothing}${s.movedFrom && !cancelled ? ` · ${T.movedShort}` : ''}</span
      >
    </button>`;
  }

  private panel() {
    const s = this.sessions.find((x) => x.id === this.selected);
    if (!s) return nothing;
    const title = s.title ?? '';
    const when = sessionWhen(s.localStartDate);
    const cancelled = s.status === 'CANCELLED';
    const fire = (name: string) => () => this.dispatchEvent(new CustomEvent<WeekSession>(name, { detail: s }));
    return html`<section class="panel" id="session-panel" aria-labelledby="panel-title" data-panel-event-id=${s.id}>
      <h3 id="panel-title" tabindex="-1">${title}, ${when}–${s.localEndDate.slice(11, 16)}</h3>
      <p>${T.booked(s.bookedCount, s.capacity)}${cancelled ? ` · ${T.cancelled}` : ''}</p>
      ${s.movedFrom ? html`<p class="muted">${T.moved(sessionWhen(s.movedFrom))}</p>` : nothing}
      ${cancelled ? html`<p class="muted">${T.restoreNote}</p>` : nothing}
      <div class="actions">
        ${
          cancelled
            ? html`<button class="restore" @click=${fire('session-restore-request')}>${T.restore}</button>`
            : html`<button class="move" @click=${fire('session-move-request')}>${T.move}</button>
                <button class="cancel" @click=${fire('session-cancel-request')}>${T.cancelSession}</button>`
        }
      </div>
    </section>`;
  }

  private async toggle(s: WeekSession): Promise<void> {
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    this.selected = this.selected === s.id ? undefined : s.id;
    if (!this.selected) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#panel-title')?.focus();
  }

  private dragStart(e: PointerEvent, s: WeekSession): void {
    if (!this.wide || s.status === 'CANCELLED' || e.button !== 0) return;
    const block = e.currentTarget as HTMLElement;
    block.setPointerCapture(e.pointerId);
    this.drag = { session: s, block, pointerId: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
  }

  private dragMove(e: PointerEvent): void {
    const d = this.drag;
    if (!d || e.pointerId !== d.pointerId) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    d.moved = true;
    d.block.classList.add('dragging');
    d.block.style.transform = `translate(${dx}px, ${dy}px)`;
    d.to = this.dropTarget(e.clientX, dy, d.session);
    this.dropLabel = d.to ? sessionWhen(d.to) : '';
  }

  /** The day column under the pointer and the start moved by the drag's height, snapped; none off the week. */
  private dropTarget(clientX: number, dy: number, s: WeekSession): string | undefined {
    const columns = [...this.renderRoot.querySelectorAll<HTMLElement>('.day')];
    const column = columns.find((c) => {
      const r = c.getBoundingClientRect();
      return clientX >= r.left && clientX <= r.right;
    });
    const day = column?.dataset['day'];
    if (!day) return undefined;
    const perMinute = parseFloat(getComputedStyle(this).getPropertyValue('--minute')) || 1;
    return dropStart(day, minuteOf(s.localStartDate), dy / perMinute);
  }

  private dragEnd(e: PointerEvent): void {
    const d = this.drag;
    if (!d || e.pointerId !== d.pointerId) return;
    this.dragCancel();
    if (!d.moved) return;
    // The click that follows a drag's pointerup is not a press.
    this.suppressClick = true;
    setTimeout(() => (this.suppressClick = false));
    const to = d.to;
    if (to && to !== d.session.localStartDate.slice(0, 16) + ':00')
      this.dispatchEvent(new CustomEvent<SessionDrop>('session-drop', { detail: { session: d.session, to } }));
  }

  private dragCancel(): void {
    const d = this.drag;
    if (!d) return;
    d.block.classList.remove('dragging');
    d.block.style.transform = '';
    this.dropLabel = '';
    this.drag = undefined;
  }
}

define('console-week-calendar', ConsoleWeekCalendar);

declare global {
  interface HTMLElementTagNameMap {
    'console-week-calendar': ConsoleWeekCalendar;
  }
}
