/**
 * The bookings list and its live stream, as a reactive controller: the view renders it and calls `act`; this
 * owns the reads, the EventSource and the pending actions, and asks its host to re-render after each change.
 * The stream replays nothing, so the list is read again on every `open` (first connect and each reconnect) and
 * events are applied on top by revision (docs/bookings.md, "For the business: the live stream").
 */
import type { Booking, BookingStatus } from '../../model/booking.js';
import { errorText } from '../texts.js';
import { mergeRead, upsertIfNewer, visibleRows, type RowAction } from './booking-rows.js';
import { LiveController } from './live-controller.js';

export type FeedState = 'loading' | 'ready' | 'failed';

export class BookingsFeed extends LiveController {
  state: FeedState = 'loading';
  error: string | undefined;
  readonly busy = new Map<string, RowAction>();
  readonly rowErrors = new Map<string, string>();

  private list = new Map<string, Booking>();
  private onScreen = new Set<string>();
  private status: BookingStatus | undefined = 'PENDING';
  /** Answers to an older read are dropped: a filter change or a reconnect started a newer one. */
  private readSeq = 0;

  get rows(): Booking[] {
    return visibleRows(this.list, this.status, this.onScreen);
  }

  get filter(): BookingStatus | undefined {
    return this.status;
  }

  setFilter(status: BookingStatus | undefined): void {
    this.status = status;
    void this.read();
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

  /** Reads the list again (the first read, a filter change, a reconnect, or the Try again button). */
  async read(): Promise<void> {
    const seq = ++this.readSeq;
    this.state = this.list.size === 0 ? 'loading' : this.state;
    this.host.requestUpdate();
    try {
      const { extendedBookings } = await this.client.bookings.queryExtendedBookings({
        ...(this.status ? { filter: { status: this.status } } : {}),
        sort: [{ fieldName: 'startDate', order: 'ASC' }],
        paging: { limit: 100 },
      });
      if (seq !== this.readSeq) return;
      // Keep what is on screen and newer than the answer: an event may have overtaken this read.
      this.list = mergeRead(
        extendedBookings.map((e) => e.booking),
        this.list,
      );
      this.onScreen = new Set(this.list.keys());
      this.state = 'ready';
      this.error = undefined;
    } catch (error) {
      if (seq !== this.readSeq || this.unauthorized(error)) return;
      this.state = 'failed';
      this.error = errorText(error);
    }
    this.host.requestUpdate();
  }

  protected onBooking(booking: Booking): void {
    this.merge(booking);
  }

  private merge(booking: Booking): void {
    this.list = upsertIfNewer(this.list, booking);
    if (this.status === undefined || booking.status === this.status) this.onScreen.add(booking.id);
    this.host.requestUpdate();
  }
}
