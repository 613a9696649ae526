/**
 * The agenda's data and its live stream, as a reactive controller: the period's class sessions (the public event
 * time slots, with their booked and waiting counts) and bookings (the extended-bookings query by start), kept up
 * to date by the business stream. As the bookings view's feed, it reads everything again on every `open` of the
 * stream and applies each `event: booking` on top by revision; a change to a class booking also re-reads the
 * sessions, whose counts the server keeps.
 */
import type { ReactiveControllerHost } from 'lit';
import type { BookingClient } from '../../api/client.js';
import type { TimeSlot } from '../../model/availability.js';
import type { Booking } from '../../model/booking.js';
import { mergeRead, upsertIfNewer } from '../bookings/booking-rows.js';
import { LiveController } from '../bookings/live-controller.js';
import { errorText } from '../texts.js';
import { AGENDA_STATUSES, buildAgenda, type AgendaDay } from './agenda-items.js';
import { addDays, browserZone, localParts } from '../shared/studio-time.js';
import { periodDays, periodRange, type AgendaMode } from './agenda-time.js';

export type AgendaState = 'loading' | 'ready' | 'failed';

/** Pages of 100 bookings; a week with more than this many is cut (and says so in docs/console.md). */
const MAX_BOOKING_PAGES = 10;
/** Several changes to one class in a burst cost one re-read of the sessions. */
const SESSIONS_REREAD_MS = 250;

export class AgendaFeed extends LiveController {
  state: AgendaState = 'loading';
  error: string | undefined;
  mode: AgendaMode = 'day';
  /** The day the period is about, `YYYY-MM-DD`; undefined until the studio's today is known. */
  anchor: string | undefined;

  private sessions: TimeSlot[] = [];
  private bookings = new Map<string, Booking>();
  private classIds: string[] | undefined;
  private zoneKnown = false;
  private shown = false;
  /** The day the address asks for; undefined: today. */
  private wanted: string | undefined;
  private sessionsTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    client: BookingClient,
    private readonly staffMemberId: string | undefined,
    onUnauthorized: () => void,
  ) {
    super(host, client, onUnauthorized);
  }

  /** The studio's zone; the browser's until it is known or when it cannot be read. */
  get zone(): string {
    return this.timeZone ?? browserZone();
  }

  get days(): string[] {
    return this.anchor ? periodDays(this.anchor, this.mode) : [];
  }

  get agenda(): AgendaDay[] {
    return buildAgenda({
      days: this.days,
      timeZone: this.zone,
      sessions: this.sessions,
      bookings: this.bookings.values(),
      staffMemberId: this.staffMemberId,
    });
  }

  /** Today in the studio's zone (the browser's clock). */
  today(): string {
    return localParts(Date.now(), this.zone).day;
  }

  /** Shows a period (from the address): `wanted` undefined means today in the studio's zone. */
  show(mode: AgendaMode, wanted: string | undefined): void {
    if (this.shown && mode === this.mode && wanted === this.wanted) return;
    this.shown = true;
    this.mode = mode;
    this.wanted = wanted;
    this.anchor = wanted ?? (this.zoneKnown ? this.today() : undefined);
    this.sessions = [];
    this.bookings = new Map();
    void this.read();
  }

  override hostDisconnected(): void {
    super.hostDisconnected();
    clearTimeout(this.sessionsTimer);
  }

  /** Reads the period again: the first read, a new period, a reconnect, or Try again. */
  async read(): Promise<void> {
    if (this.state !== 'ready' || (this.sessions.length === 0 && this.bookings.size === 0)) this.state = 'loading';
    await this.latest(
      async () => {
        await this.loadZone();
        this.anchor ??= this.today();
        return Promise.all([this.readSessions(), this.readBookings()]);
      },
      ([sessions, bookings]) => {
        this.sessions = sessions;
        this.bookings = mergeRead(bookings, this.bookings);
        this.state = 'ready';
        this.error = undefined;
      },
      (error) => {
        this.state = 'failed';
        this.error = errorText(error);
      },
    );
  }

  private async loadZone(): Promise<void> {
    if (this.zoneKnown) return;
    this.timeZone = (await this.client.services.getSiteProperties()).properties.timeZone;
    this.zoneKnown = true;
  }

  private async readSessions(): Promise<TimeSlot[]> {
    this.classIds ??= (await this.client.services.queryServices({ filter: { type: 'CLASS' }, paging: { limit: 100 } })).services.map(
      (s) => s.id,
    );
    const days = this.days;
    const first = days[0];
    const last = days[days.length - 1];
    if (this.classIds.length === 0 || !first || !last) return [];
    const slots: TimeSlot[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.client.timeSlots.listEventTimeSlots({
        serviceIds: this.classIds,
        ...(cursor
          ? { cursorPaging: { cursor } }
          : {
              fromLocalDate: `${first}T00:00:00`,
              toLocalDate: `${addDays(last, 1)}T00:00:00`,
              timeZone: this.zone,
              includeNonBookable: true,
              cursorPaging: { limit: 200 },
            }),
      });
      slots.push(...page.timeSlots);
      cursor = page.cursorPagingMetadata.hasNext ? (page.cursorPagingMetadata.cursors.next ?? undefined) : undefined;
    } while (cursor);
    return slots;
  }

  private async readBookings(): Promise<Booking[]> {
    const { fromMs, toMs } = periodRange(this.days, this.zone);
    const out: Booking[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_BOOKING_PAGES; page++) {
      const answer = await this.client.bookings.queryExtendedBookings(
        cursor
          ? { cursorPaging: { cursor } }
          : {
              filter: {
                startDate: { $gte: new Date(fromMs).toISOString(), $lt: new Date(toMs).toISOString() },
                status: { $in: [...AGENDA_STATUSES] },
              },
              sort: [{ fieldName: 'startDate', order: 'ASC' }],
              cursorPaging: { limit: 100 },
            },
      );
      out.push(...answer.extendedBookings.map((e) => e.booking));
      const meta = answer.pagingMetadata as { hasNext?: boolean; cursors?: { next?: string | null } };
      cursor = meta.hasNext ? (meta.cursors?.next ?? undefined) : undefined;
      if (!cursor) break;
    }
    return out;
  }

  protected onBooking(booking: Booking): void {
    this.bookings = upsertIfNewer(this.bookings, booking);
    this.host.requestUpdate();
    if (booking.bookedEntity.slot?.eventId) {
      clearTimeout(this.sessionsTimer);
      this.sessionsTimer = setTimeout(() => void this.rereadSessions(), SESSIONS_REREAD_MS);
    }
  }

  /** The sessions' counts after a class booking changed; a failure keeps the counts on screen until the next read. */
  private async rereadSessions(): Promise<void> {
    const seq = this.readSeq;
    try {
      const sessions = await this.readSessions();
      if (seq !== this.readSeq) return;
      this.sessions = sessions;
      this.host.requestUpdate();
    } catch (error) {
      this.unauthorized(error);
    }
  }
}
