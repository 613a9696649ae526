/**
 * What checkout, payments and plans do to a booking, as the system: read it without an owner check, settle it
 * when its order is created (confirm-or-decline, contract section 7), follow its order's payment status, and
 * decline it with its order. Each runs in the booking's transaction (mutation-context.ts), named in its history.
 */
import type { Booking, PaymentStatus } from '../../../src/model/booking.js';
import type { Storage, StoredBooking } from '../../storage/types.js';
import { bookingNotFound } from './access.js';
import type { BookingMutations } from './mutation-context.js';

export class BookingSettlement {
  constructor(
    private readonly storage: Storage,
    private readonly mutations: BookingMutations,
  ) {}

  /** The booking as the system sees it (no ownership check). */
  async read(id: string): Promise<StoredBooking> {
    const record = await this.storage.bookings.get(id);
    if (!record) throw bookingNotFound(id);
    return record;
  }

  /** Confirm-or-decline as the checkout runs it after create-order; a declined booking frees its spot. */
  settleByOrder(id: string, paymentStatus: PaymentStatus, by: string): Promise<Booking> {
    return this.mutations.run({ system: by }, id, undefined, async (ctx) => {
      const { hasRoom } = await ctx.room();
      const decision = await ctx.transition(
        {
          type: 'CONFIRM_OR_DECLINE',
          hasRoom,
          paymentStatus,
          skipAvailabilityValidation: ctx.record.skipAvailabilityValidation,
          requiresManualApproval: ctx.service.onlineBooking.requireManualApproval,
        },
        { paymentStatus },
      );
      if (decision.status === 'DECLINED') await ctx.offerFreedSpot();
    });
  }

  /** The booking's paymentStatus follows its order (paid in person, refunded); no status change. */
  setPaymentStatus(id: string, paymentStatus: PaymentStatus, by: string): Promise<Booking> {
    return this.mutations.run({ system: by }, id, undefined, (ctx) => ctx.setPaymentStatus(paymentStatus));
  }

  /** The order was declined after it was created: its booking is declined and its spot freed. */
  declineByOrder(id: string, paymentStatus: PaymentStatus, by: string): Promise<Booking> {
    return this.mutations.run({ system: by }, id, undefined, async (ctx) => {
      await ctx.transition({ type: 'ORDER_DECLINED' }, { paymentStatus });
      await ctx.offerFreedSpot();
    });
  }
}
