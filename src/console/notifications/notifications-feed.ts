/**
 * The owner's notifications and the bookings they name, as a reactive controller: it reads the notifications
 * (`GET /bookings/v2/notifications`), their bookings and the bookings sharing their slots, keeps them live from
 * the business stream (a booking that changes updates its row; a new double booking reads the list again), and
 * acts on a booking through the same `sendAction` as the booking view.
 */
import type { Booking, BookedSlot } from '../../model/booking.js';
import type { OwnerNotification } from '../../model/booking-history.js';
import { upsertIfNewer } from '../bookings/booking-rows.js';
import { LiveController } from '../bookings/live-controller.js';
import type { DetailAction } from '../booking/booking-actions.js';
import { actionErrorText, isSlotFull } from '../booking/booking-texts.js';
import { sendAction } from '../booking/send-action.js';
import { errorText } from '../texts.js';
import { notificationRows, type NotificationRow } from './notification-rows.js';

export class NotificationsFeed extends LiveController {
  state: 'loading' | 'ready' | 'failed' = 'loading';
  error: string | undefined;
  readonly busy = new Map<string, DetailAction>();
  readonly rowErrors = new Map<string, string>();
  /** Bookings whose last reschedule found the slot full: the picker offers the owner's override. */
  readonly slotFull = new Set<string>();

  private notes: OwnerNotification[] = [];
  private bookings = new Map<string, Booking>();
  private mates = new Map<string, Booking>();

  get rows(): NotificationRow[] {
    return notificationRows(this.notes, this.bookings, [...this.mates.values()]);
  }

  async read(): Promise<void> {
    await this.latest(
      async () => {
        const notes = await this.client.ownerNotifications.listNotifications();
        const ids = [...new Set(notes.map((n) => n.bookingId))];
        const named = ids.length ? await this.query({ id: { $in: ids } }) : [];
        const starts = [...new Set(named.map((b) => b.startDate).filter((s): s is string => s !== undefined))];
        const mates = starts.length ? await this.query({ startDate: { $in: starts }, status: { $in: ['CONFIRMED', 'PENDING'] } }) : [];
        return { notes, named, mates };
      },
      ({ notes, named, mates }) => {
        this.notes = notes;
        this.bookings = new Map(named.map((b) => [b.id, b]));
        this.mates = new Map(mates.map((b) => [b.id, b]));
        this.state = 'ready';
        this.error = undefined;
      },
      (error) => {
        this.state = 'failed';
        this.error = errorText(error);
      },
    );
  }

  async act(booking: Booking, action: DetailAction, reschedule?: { slot: BookedSlot; overbook: boolean }): Promise<boolean> {
    if (this.busy.has(booking.id)) return false;
    this.busy.set(booking.id, action);
    this.rowErrors.delete(booking.id);
    this.slotFull.delete(booking.id);
    this.host.requestUpdate();
    let ok = false;
    try {
      await sendAction(this.client, booking, action, { reschedule });
      ok = true;
    } catch (error) {
      this.unauthorized(error);
      this.rowErrors.set(booking.id, actionErrorText(error));
      if (isSlotFull(error)) this.slotFull.add(booking.id);
    }
    this.busy.delete(booking.id);
    await this.read(); // the answer, or the booking as it is now after a conflict
    return ok;
  }

  private async query(filter: Record<string, unknown>): Promise<Booking[]> {
    const { extendedBookings } = await this.client.bookings.queryExtendedBookings({ filter, paging: { limit: 100 } });
    return extendedBookings.map((e) => e.booking);
  }

  protected onBooking(changed: Booking): void {
    if (this.bookings.has(changed.id)) this.bookings = upsertIfNewer(this.bookings, changed);
    if (this.mates.has(changed.id)) this.mates = upsertIfNewer(this.mates, changed);
    // A booking that just became a double booking has a new notification; one that moved may join a slot.
    if (changed.doubleBooked && !this.bookings.has(changed.id)) void this.read();
    else if (!this.mates.has(changed.id) && changed.startDate && [...this.bookings.values()].some((b) => b.startDate === changed.startDate))
      void this.read();
    this.host.requestUpdate();
  }
}
