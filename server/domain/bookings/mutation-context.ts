/**
 * The transaction every lifecycle call runs in. `BookingMutations.run` reads the booking with its access and
 * revision checks and its service, hands a `MutationContext` to the call's work, and publishes what changed to
 * the live streams after commit. The context's `transition` is the one way a call changes a booking's status:
 * it asks the lifecycle machine, saves the result with the call's patch, and records the history line.
 */
import type { Booking, PaymentStatus } from '../../../src/model/booking.js';
import type { Service } from '../../../src/model/service.js';
import { decideTransition, type LifecycleEvent, type TransitionDecision } from '../../../src/lifecycle/index.js';
import { participantsOf } from '../../../src/pricing/participants.js';
import type { Identity } from '../identity/identity.js';
import type { BookingChange, ChangeNotification, Storage, StoredBooking } from '../../storage/types.js';
import type { ResolvedSlot } from '../availability/slot-resolver.js';
import { DomainError, revisionMismatch } from '../errors.js';
import { actorOf, bookingNotFound, visibleRecord } from './access.js';
import { serviceIdOf } from './booked-service.js';
import type { Capacity } from './capacity.js';
import { BookingChanges, type BookingChangeHook } from './changes.js';
import type { BookingEventBus } from './events.js';

type Actor = BookingChange['actor'];
type Allowed = Extract<TransitionDecision, { allowed: true }>;

/**
 * A caller of a lifecycle call: an authenticated identity, the holder of a booking's anonymous token, or the
 * system itself (checkout, a payment provider's late answer), named for the history.
 */
export type Caller = { identity: Identity } | { anonymousBookingId: string } | { system: string };

/** What a transition changes besides the status; a field set to `undefined` is removed from the booking. */
export type BookingPatch = Partial<Omit<Booking, 'id' | 'status' | 'revision' | 'createdDate' | 'updatedDate'>>;

export const isOwner = (caller: Caller): boolean => 'identity' in caller && caller.identity.kind === 'owner';

/**
 * The owner or a STAFF account (on its own bookings, which `run` checks): the business acting, not bound by the
 * customers' cancellation and reschedule policy (contract section 12: staff cancel and reschedule as the owner).
 */
export const actsForBusiness = (caller: Caller): boolean =>
  'identity' in caller && (caller.identity.kind === 'owner' || caller.identity.kind === 'staff');

export class BookingMutations {
  private readonly hooks: BookingChangeHook[] = [];

  constructor(
    private readonly storage: Storage,
    readonly capacity: Capacity,
    private readonly events: BookingEventBus,
    private readonly clock: () => Date,
  ) {}

  /** Register work that must happen in the same transaction as a booking change. */
  onChange(hook: BookingChangeHook): void {
    this.hooks.push(hook);
  }

  /** Run `work` on booking `id` in one transaction; `revision` (when given) must be the stored one. */
  async run(caller: Caller, id: string, revision: string | undefined, work: (ctx: MutationContext) => Promise<void>): Promise<Booking> {
    const now = this.clock();
    const changes = await this.storage.transaction(async () => {
      const record = await readableBy(this.storage, caller, id, await this.storage.bookings.get(id));
      if (revision !== undefined && revision !== record.booking.revision) {
        throw revisionMismatch('booking', revision, record.booking.revision, 'BOOKING_REVISION_MISMATCH');
      }
      const service = await this.storage.catalogue.getService(serviceIdOf(record.booking));
      if (!service) throw new DomainError('SERVICE_NOT_FOUND', `The service of booking ${JSON.stringify(id)} no longer exists.`);
      const changes = new BookingChanges(this.storage, now, this.hooks);
      await work(new MutationContext(record, service, changes, this.capacity, actorFor(caller, record), now));
      return changes;
    });
    this.publish(changes);
    const latest = changes.written.get(id);
    if (!latest) throw new Error(`booking ${id} was not written`);
    return latest;
  }

  /**
   * Run `work` on each booking `select` names (read inside the transaction; no revision check) in ONE
   * transaction with whatever `select` wrote, so either every booking changes or, when one fails, nothing does;
   * published after commit. Answers the bookings written.
   */
  async runEach(
    caller: Caller,
    select: () => Promise<readonly string[]>,
    work: (ctx: MutationContext) => Promise<void>,
  ): Promise<Booking[]> {
    const now = this.clock();
    const changes = await this.storage.transaction(async () => {
      const changes = new BookingChanges(this.storage, now, this.hooks);
      for (const id of await select()) {
        const record = await readableBy(this.storage, caller, id, await this.storage.bookings.get(id));
        const service = await this.storage.catalogue.getService(serviceIdOf(record.booking));
        if (!service) throw new DomainError('SERVICE_NOT_FOUND', `The service of booking ${JSON.stringify(id)} no longer exists.`);
        await work(new MutationContext(record, service, changes, this.capacity, actorFor(caller, record), now));
      }
      return changes;
    });
    this.publish(changes);
    return [...changes.written.values()];
  }

  /** Send the bookings a committed transaction wrote to their live streams. */
  publish(changes: BookingChanges): void {
    for (const booking of changes.written.values()) this.events.publish(booking);
  }
}

/** What one lifecycle call works with, inside its transaction. */
export class MutationContext {
  private resolved: Promise<ResolvedSlot> | undefined;

  constructor(
    private current: StoredBooking,
    readonly service: Service,
    private readonly changes: BookingChanges,
    private readonly capacity: Capacity,
    private readonly actor: Actor,
    readonly now: Date,
  ) {}

  /** The booking as this call has it now (after its own transitions). */
  get record(): StoredBooking {
    return this.current;
  }

  /** Refuse early: a status the machine refuses `event` in is 409 INVALID_BOOKING_STATUS, before any capacity work. */
  check(event: LifecycleEvent): void {
    this.decide(event);
  }

  /**
   * Ask the lifecycle machine, save the new status with `patch`, and record the history line, in one step;
   * `notification` (the business's word to the customer) goes on that line for the emails.
   */
  async transition(event: LifecycleEvent, patch: BookingPatch = {}, notification?: ChangeNotification): Promise<Allowed> {
    const decision = this.decide(event);
    this.current = await this.changes.save(
      this.current,
      { status: decision.status, doubleBooked: decision.doubleBooked, ...patch },
      this.actor,
      event.type,
      notification,
    );
    return decision;
  }

  /**
   * A change outside the lifecycle (its session moved while it is CREATED or on the waiting list): same status,
   * `patch` saved with a history line named `action`.
   */
  async update(patch: BookingPatch, action: string): Promise<void> {
    this.current = await this.changes.save(this.current, patch, this.actor, action);
  }

  /** The payment status follows the order (paid in person, refunded): no lifecycle event, a history line still. */
  async setPaymentStatus(paymentStatus: PaymentStatus): Promise<void> {
    if (this.current.booking.paymentStatus === paymentStatus) return;
    this.current = await this.changes.save(this.current, { paymentStatus }, this.actor, 'PAYMENT_STATUS');
  }

  slot(): Promise<ResolvedSlot> {
    this.resolved ??= this.capacity.slotOf(this.service, this.current.booking, this.now);
    return this.resolved;
  }

  /** Room for this booking in its own slot, leaving itself out of the count. */
  async room(): Promise<{ hasRoom: boolean; remaining: number }> {
    return this.capacity.hasRoom(this.service, await this.slot(), participantsOf(this.current.booking), this.current.booking.id);
  }

  /** Waitlisted bookings take the spots that opened in `slot` (default: this booking's own slot). */
  async offerFreedSpot(slot?: ResolvedSlot): Promise<void> {
    await this.capacity.offerOpenedSpots(this.service, slot ?? (await this.slot()), this.changes);
  }

  private decide(event: LifecycleEvent): Allowed {
    const decision = decideTransition(this.current.booking.status, event, this.current.booking);
    if (!decision.allowed)
      throw new DomainError('INVALID_BOOKING_STATUS', decision.message, { status: decision.from, event: decision.event });
    return decision;
  }
}

/** The record when `caller` may change it; else 404, as for a booking that does not exist. */
async function readableBy(storage: Storage, caller: Caller, id: string, stored: StoredBooking | null): Promise<StoredBooking> {
  if ('identity' in caller) return visibleRecord(storage, caller.identity, id, stored);
  if ('system' in caller && stored) return stored;
  if ('anonymousBookingId' in caller && stored && stored.booking.id === caller.anonymousBookingId) return stored;
  throw bookingNotFound(id);
}

function actorFor(caller: Caller, record: StoredBooking): Actor {
  if ('identity' in caller) return actorOf(caller.identity);
  if ('system' in caller) return { kind: 'system', id: caller.system };
  return { kind: 'anonymous', ...(record.visitorId ? { id: record.visitorId } : record.memberId ? { id: record.memberId } : {}) };
}
