/**
 * Capacity questions the booking service asks inside its transactions. Resolving a slot and counting what is
 * left are availability's (the SlotResolver); this module only combines the answers: is there room for N, does
 * the waitlist have room, and who takes a spot that opened.
 */
import type { Booking, BookedEntity } from '../../../src/model/booking.js';
import type { Service } from '../../../src/model/service.js';
import type { Storage } from '../../storage/types.js';
import type { ResolvedSlot, SlotResolver } from '../availability/slot-resolver.js';
import { decideTransition } from '../../../src/lifecycle/index.js';
import type { BookingChanges } from './changes.js';
import { participantsOf } from '../../../src/pricing/participants.js';

export class Capacity {
  constructor(
    private readonly storage: Storage,
    private readonly resolver: SlotResolver,
  ) {}

  /** The slot an existing booking occupies, resolved again from its booked entity. */
  slotOf(service: Service, booking: Booking, now: Date): Promise<ResolvedSlot> {
    return this.resolver.resolve(service, booking.bookedEntity, now);
  }

  resolve(service: Service, entity: BookedEntity, now: Date): Promise<ResolvedSlot> {
    return this.resolver.resolve(service, entity, now);
  }

  async hasRoom(
    service: Service,
    slot: ResolvedSlot,
    participants: number,
    excludeBookingId?: string,
  ): Promise<{ hasRoom: boolean; remaining: number }> {
    const remaining = await this.resolver.remainingCapacity(service, slot, excludeBookingId ? { excludeBookingId } : {});
    return { hasRoom: remaining >= participants, remaining };
  }

  /** A class session's waitlist has room for `participants` more (its policy is on and not full). */
  async waitlistHasRoom(service: Service, slot: ResolvedSlot, participants: number, excludeBookingId?: string): Promise<boolean> {
    const policy = service.bookingPolicy.waitlistPolicy;
    if (slot.kind !== 'CLASS' || !slot.eventId || !policy.enabled) return false;
    const waiting = await this.storage.bookings.listForEvent(slot.eventId, ['WAITING_LIST']);
    const taken = waiting.filter((w) => w.booking.id !== excludeBookingId).reduce((n, w) => n + participantsOf(w.booking), 0);
    return taken + participants <= policy.capacity;
  }

  /**
   * After a spot opens in a class session, waitlisted bookings take it in arrival order (SPOT_OPENED, as the
   * lifecycle machine says) while the first in line fits; the line keeps its order.
   */
  async offerOpenedSpots(service: Service, slot: ResolvedSlot, changes: BookingChanges): Promise<void> {
    if (slot.kind !== 'CLASS' || !slot.eventId) return;
    const waiting = await this.storage.bookings.listForEvent(slot.eventId, ['WAITING_LIST']);
    for (const next of waiting) {
      const { hasRoom } = await this.hasRoom(service, slot, participantsOf(next.booking));
      if (!hasRoom) return;
      const decision = decideTransition(next.booking.status, { type: 'SPOT_OPENED' }, next.booking);
      if (!decision.allowed) return;
      await changes.save(next, { status: decision.status, doubleBooked: decision.doubleBooked }, { kind: 'system' }, 'SPOT_OPENED');
    }
  }
}
