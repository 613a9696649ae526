/**
 * One transaction's booking writes: each new revision goes to the store with its history line, double bookings
 * get an owner notification, each change appends its outbox event (domain/outbox/events.ts), and the changed
 * bookings are remembered so they are published only after commit.
 */
import { randomUUID } from 'node:crypto';
import type { Booking } from '../../../src/model/booking.js';
import type { BookingChange, ChangeNotification, Storage, StoredBooking } from '../../storage/types.js';
import { revisionMismatch } from '../errors.js';
import { appendBookingEvent } from '../outbox/events.js';

/**
 * Runs inside the transaction after every saved change, with the booking before and after: what must change
 * together with a booking's status (plan credits given back on cancel or decline) hooks in here.
 */
export type BookingChangeHook = (prev: Booking, next: Booking) => Promise<void>;

export class BookingChanges {
  /** Latest version of every booking written in this transaction, by id. */
  readonly written = new Map<string, Booking>();

  constructor(
    private readonly storage: Storage,
    readonly now: Date,
    private readonly hooks: readonly BookingChangeHook[] = [],
  ) {}

  async insert(record: StoredBooking, actor: BookingChange['actor'], action: string): Promise<void> {
    await this.storage.bookings.insert(record, { action, fromStatus: null, actor, at: this.now.toISOString() });
    this.written.set(record.booking.id, record.booking);
    await appendBookingEvent(this.storage, null, record.booking, action, this.now);
    if (record.booking.doubleBooked) await this.notifyDoubleBooking(record.booking);
  }

  /** `prev` with `patch` as its following revision: revision +1, updatedDate now, history line, and a
   * notification when it has just become a double booking. A patch field set to `undefined` removes it. */
  async save(
    prev: StoredBooking,
    patch: Partial<Booking>,
    actor: BookingChange['actor'],
    action: string,
    notification?: ChangeNotification,
  ): Promise<StoredBooking> {
    const merged: Booking = {
      ...prev.booking,
      ...patch,
      revision: String(Number(prev.booking.revision) + 1),
      updatedDate: this.now.toISOString(),
    };
    // A field patched to undefined is gone (the other participants field, when the number changes).
    const booking = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined)) as Booking;
    // Wix returns doubleBooked only when true.
    if (!booking.doubleBooked) delete booking.doubleBooked;
    const next: StoredBooking = { ...prev, booking };
    const ok = await this.storage.bookings.update(next, prev.booking.revision, {
      action,
      fromStatus: prev.booking.status,
      actor,
      at: this.now.toISOString(),
      ...(notification ? { notification } : {}),
    });
    // Unreachable inside the transaction that read `prev`; kept so a lost update can never pass silently.
    if (!ok) throw revisionMismatch('booking', prev.booking.revision, '(changed meanwhile)', 'BOOKING_REVISION_MISMATCH');
    this.written.set(booking.id, booking);
    await appendBookingEvent(this.storage, prev.booking, booking, action, this.now);
    if (booking.doubleBooked && !prev.booking.doubleBooked) await this.notifyDoubleBooking(booking);
    for (const hook of this.hooks) await hook(prev.booking, booking);
    return next;
  }

  private async notifyDoubleBooking(booking: Booking): Promise<void> {
    const when = booking.bookedEntity.slot?.startDate ?? booking.startDate ?? '';
    await this.storage.notifications.insert({
      id: randomUUID(),
      type: 'DOUBLE_BOOKING',
      bookingId: booking.id,
      message: `"${booking.bookedEntity.title ?? 'A booking'}" at ${when} is ${booking.status} past the slot's capacity (double booked). Resolve it: reschedule or cancel a booking.`,
      data: {
        status: booking.status,
        paymentStatus: booking.paymentStatus,
        startDate: booking.startDate ?? null,
        revision: booking.revision,
      },
      createdDate: this.now.toISOString(),
    });
  }
}
