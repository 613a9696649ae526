/**
 * The bookings list and its live stream, as a reactive controller: the view renders it and calls `act`; this
 * owns the reads, the EventSource and the pending actions, and asks its host to re-render after each change.
 * The stream replays nothing, so the list is read again on every `open` (first connect and each reconnect) and
 * events are applied on top by revision (docs/bookings.md, "For the business: the live stream").
 */
import type { ReactiveControllerHost } from 'lit';
import type { BookingClient } from '../../api/client.js';
import type { Booking } from '../../model/booking.js';
import { errorText } from '../texts.js';
import { filterFromQuery, matchesBesidesStatus, serverQuery, type BookingFilter } from './booking-filter.js';
import { mergeRead, upsertIfNewer, visibleRows, type RowAction } from './booking-rows.js';
import { LiveController } from './live-controller.js';

/** Bookings read per page; "Load more" reads the next. The server answers at most 100 at once. */
export const PAGE_SIZE = 50;
const MAX_LIMIT = 100;

export type FeedState = 'loading' | 'ready' | 'failed';

export class BookingsFeed extends LiveController {
  state: FeedState = 'loading';
  error: string | undefined;
  readonly busy = new Map<string, RowAction>();
  readonly rowErrors = new Map<string, string>();

  /** How many bookings match on the server (the last read's `total`). */
  total = 0;
  /** Reading the next page. */
  loadingMore = false;

  private list = new Map<string, Booking>();
  private onScreen = new Set<string>();
  private current: BookingFilter = filterFromQuery({});
  /** How many of the matching bookings the server has given so far (pages read). */
  private fetched = 0;

  constructor(
    host: ReactiveControllerHost,
    client: BookingClient,
    onUnauthorized: () => void,
    filter: BookingFilter = filterFromQuery({}),
  ) {
    super(host, client, onUnauthorized);
    this.current = filter;
  }

  /**
   * The rows to show: the status rule of `visibleRows` (a row answered here stays, in its new status), and every
   * other part of the filter strictly, so a booking rescheduled out of the date range or to another staff leaves.
   */
  get rows(): Booking[] {
    return visibleRows(this.list, this.current.status, this.onScreen).filter((b) => matchesBesidesStatus(b, this.current, this.timeZone));
  }

  get filter(): BookingFilter {
    return this.current;
  }

  /** More bookings match than were read: offer the next page. */
  get hasMore(): boolean {
    return this.fetched < this.total;
  }

  setFilter(filter: BookingFilter): void {
    this.current = filter;
    this.list = new Map();
    this.onScreen = new Set();
    this.fetched = 0;
    void this.read();
  }

  /** Reads the next page and adds it below. */
  async loadMore(): Promise<void> {
    if (this.loadingMore || !this.hasMore) return;
    this.loadingMore = true;
    this.host.requestUpdate();
    const seq = this.readSeq;
    try {
      const { extendedBookings, pagingMetadata } = await this.client.bookings.queryExtendedBookings(
        serverQuery(this.current, this.timeZone, PAGE_SIZE, this.fetched),
      );
      if (seq !== this.readSeq) return;
      for (const { booking } of extendedBookings) {
        this.list = upsertIfNewer(this.list, booking);
        this.onScreen.add(booking.id);
      }
      this.fetched += extendedBookings.length;
      this.total = 'total' in pagingMetadata ? pagingMetadata.total : this.fetched;
      this.error = undefined;
    } catch (error) {
      if (seq === this.readSeq && !this.unauthorized(error)) this.error = errorText(error);
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  /** Confirm or decline at the revision on screen; the answer (or a re-read after a conflict) updates the row. */
  async act(booking: Booking, action: RowAction): Promise<void> {
    if (this.busy.has(booking.id)) return;
    this.busy.set(booking.id, action);
    this.rowErrors.delete(booking.id);
    this.host.requestUpdate();
    try {
      const call = action === 'confirm' ? this.client.bookings.confirmBooking : this.client.bookings.declineBooking;
      const { booking: changed } = await call(booking.id, booking.revision);
      this.merge(changed);
    } catch (error) {
      if (this.unauthorized(error)) return;
      this.rowErrors.set(booking.id, errorText(error));
      // The booking may have moved on (a conflict, or another tab): show it as it is now.
      await this.client.bookings.getBooking(booking.id).then(
        (fresh) => this.merge(fresh),
        () => undefined,
      );
    } finally {
      this.busy.delete(booking.id);
      this.host.requestUpdate();
    }
  }

  /**
   * Reads the list again (the first read, a filter change, a reconnect, or the Try again button): as many rows
   * as were on screen (the pages read so far, up to the server's 100), so a reconnect does not fold "Load more" up.
   */
  async read(): Promise<void> {
    if (this.list.size === 0) this.state = 'loading';
    const limit = Math.min(MAX_LIMIT, Math.max(PAGE_SIZE, this.fetched));
    await this.latest(
      () => this.client.bookings.queryExtendedBookings(serverQuery(this.current, this.timeZone, limit, 0)),
      ({ extendedBookings, pagingMetadata }) => {
        this.fetched = extendedBookings.length;
        this.total = 'total' in pagingMetadata ? pagingMetadata.total : this.fetched;
        // Keep what is on screen and newer than the answer: an event may have overtaken this read.
        this.list = mergeRead(
          extendedBookings.map((e) => e.booking),
          this.list,
        );
        this.onScreen = new Set(this.list.keys());
        this.state = 'ready';
        this.error = undefined;
      },
      (error) => {
        this.state = 'failed';
        this.error = errorText(error);
      },
    );
  }

  protected onBooking(booking: Booking): void {
    this.merge(booking);
  }

  private merge(booking: Booking): void {
    this.list = upsertIfNewer(this.list, booking);
    const matches =
      (this.current.status === undefined || booking.status === this.current.status) &&
      matchesBesidesStatus(booking, this.current, this.timeZone);
    if (matches) this.onScreen.add(booking.id);
    this.host.requestUpdate();
  }
}
