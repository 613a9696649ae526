/**
 * Cancelling one class session with its bookings (extension; Wix cancels a session's participants with it). The
 * session is flagged cancelled and every booking that holds or waits for a place in it (CREATED, PENDING,
 * CONFIRMED, WAITING_LIST) is canceled by the business through the lifecycle machine, all in ONE transaction:
 * if any booking cannot be canceled nothing changes (the session stays as it was), and a retry starts clean.
 * The bookings are listed inside that transaction (writes are serialised on both backends), so a booking made
 * meanwhile is either canceled with them or refused as a booking of a cancelled session.
 *
 * Each cancellation is the owner's single cancel: an outbox event in the same transaction (the customer's
 * "canceled" email with a METHOD:CANCEL calendar file, unless `notifyParticipants` is false; webhooks; live
 * streams), plan credits given back by the change hook. No freed spot is offered to the waiting list: it is
 * canceled too. After commit, what each customer paid online goes back through the one refund path every
 * canceled booking takes (commerce.ts → OrderRefunds, claimed per booking, so never twice), whatever the
 * cancellation policy says: the policy limits customers, not the business. A course's bookings are of the whole course, so cancelling one of its sessions
 * cancels no booking. Restoring the session brings the session back, not its bookings.
 */
import type { BookingStatus } from '../../../src/model/booking.js';
import type { ChangeNotification, Storage } from '../../storage/types.js';
import type { BookingMutations } from '../bookings/mutation-context.js';
import { findEvent } from './find-event.js';

/** Statuses of the bookings a cancelled session takes with it. */
const LIVE: readonly BookingStatus[] = ['CREATED', 'PENDING', 'CONFIRMED', 'WAITING_LIST'];

export interface SessionCancelResult {
  event: { eventId: string; status: 'CANCELLED' };
  canceledBookingIds: string[];
}

export class SessionCancel {
  constructor(
    private readonly storage: Storage,
    private readonly mutations: BookingMutations,
  ) {}

  async cancel(eventId: string, notification: ChangeNotification = {}): Promise<SessionCancelResult> {
    const { storage, mutations } = this;
    const { ref, rule } = await findEvent(storage, eventId);
    const note: ChangeNotification = {
      notifyParticipants: notification.notifyParticipants ?? true,
      ...(notification.message ? { message: notification.message } : {}),
    };
    const canceled = await mutations.runEach(
      { identity: { kind: 'owner' } },
      async () => {
        await storage.schedules.setOccurrenceCancelled(rule.id, ref.localStart, true);
        return (await storage.bookings.listForEvent(eventId, LIVE)).map((r) => r.booking.id);
      },
      async (ctx) => {
        await ctx.transition({ type: 'CANCEL' }, {}, note);
      },
    );
    return { event: { eventId, status: 'CANCELLED' }, canceledBookingIds: canceled.map((b) => b.id) };
  }
}
