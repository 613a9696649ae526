/**
 * One booking's whole story for the booking view, as a reactive controller: the booking, its history, its
 * order and the studio's zone; the actions, each sent with the revision on screen; and the business
 * stream, so a change made elsewhere (another owner, the customer) shows without a reload. A conflict (409
 * REVISION_MISMATCH) reads everything again and says that someone else changed it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { Booking, BookedSlot } from '../../model/booking.js';
import type { BookingHistoryEntry } from '../../model/booking-history.js';
import type { EcomOrder } from '../../model/checkout.js';
import { errorText } from '../texts.js';
import { LiveController } from '../bookings/live-controller.js';
import type { DetailAction } from './booking-actions.js';
import { actionErrorText, isSlotFull } from './booking-texts.js';
import { sendAction } from './send-action.js';

export type RecordState = 'loading' | 'ready' | 'notFound' | 'failed';

export class BookingRecord extends LiveController {
  state: RecordState = 'loading';
  error: string | undefined;
  booking: Booking | undefined;
  history: BookingHistoryEntry[] = [];
  order: EcomOrder | undefined;
  /** The action being sent, and the last one's error (shown beside the actions). */
  busy: DetailAction | undefined;
  actionError: string | undefined;
  /** The last action's error came from a full slot: the picker offers the owner's override. */
  slotFull = false;

  constructor(
    host: ReactiveControllerHost,
    client: BookingClient,
    private readonly id: () => string,
    onUnauthorized: () => void,
  ) {
    super(host, client, onUnauthorized);
  }

  /** Reads the booking, its history and its order (the first read, each reconnect, after a change, Try again). */
  async read(): Promise<void> {
    const id = this.id();
    if (!this.booking || this.booking.id !== id) this.state = 'loading';
    await this.latest(
      () =>
        Promise.all([
          this.client.bookings.getBooking(id),
          this.client.bookingDetails.getHistory(id),
          this.client.bookingDetails.getOrderOfBooking(id),
        ]),
      ([booking, history, order]) => {
        this.booking = booking;
        this.history = history;
        this.order = order;
        this.state = 'ready';
        this.error = undefined;
      },
      (error) => {
        const missing = error instanceof BookingApiError && error.status === 404;
        this.state = missing ? 'notFound' : 'failed';
        this.error = missing ? undefined : errorText(error);
      },
    );
  }

  /** Sends one action at the revision on screen; the answer (or a fresh read after any failure) shows after. */
  async act(action: DetailAction, reschedule?: { slot: BookedSlot; overbook: boolean }): Promise<boolean> {
    const b = this.booking;
    if (!b || this.busy) return false;
    this.busy = action;
    this.actionError = undefined;
    this.slotFull = false;
    this.host.requestUpdate();
    try {
      await sendAction(this.client, b, action, { order: this.order, reschedule });
      await this.read();
      return true;
    } catch (error) {
      if (this.unauthorized(error)) return false;
      this.actionError = actionErrorText(error);
      this.slotFull = isSlotFull(error);
      await this.read(); // it may have moved on (a conflict, another owner): show it as it is now
      return false;
    } finally {
      this.busy = undefined;
      this.host.requestUpdate();
    }
  }

  protected onBooking(changed: Booking): void {
    if (changed.id !== this.id() || !this.booking) return;
    if (Number(changed.revision) <= Number(this.booking.revision)) return;
    this.booking = changed;
    this.host.requestUpdate();
    void this.read(); // its history and its order changed with it
  }
}
