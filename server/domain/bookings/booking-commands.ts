/**
 * The booking commands of contract sections 5 and 6: create, the owner's lifecycle calls, and cancel and
 * reschedule (customers within the policy, the owner always). Each runs in one transaction with the capacity
 * count it depends on (mutation-context.ts); status changes are the lifecycle machine's, through `transition`.
 */
import type { Booking, PaymentStatus } from '../../../src/model/booking.js';
import type { Service } from '../../../src/model/service.js';
import { participantsOf } from '../../../src/pricing/participants.js';
import type { Identity } from '../identity/identity.js';
import type { Storage } from '../../storage/types.js';
import { DomainError, ValidationError, forbidden } from '../errors.js';
import { scopeOf } from './access.js';
import type { BookedEntityInput, CreateBookingCommand, ParticipantsChange, RescheduleCommand } from './commands.js';
import {
  askedEntity,
  bookedEntityFor,
  checkBookable,
  checkDurationChoice,
  commitCreate,
  prepareCreate,
  policyViolation,
  slotFull,
} from './create-booking.js';
import type { Idempotency } from './idempotency.js';
import { actsForBusiness, isOwner, type BookingMutations, type Caller } from './mutation-context.js';
import { cancellationAllowed, rescheduleAllowed } from './policy.js';
import { participantViolations } from './validate.js';

export interface CreateResult {
  statusCode: number;
  body: { booking: Booking };
  replayed: boolean;
}

const OWNER: Caller = { identity: { kind: 'owner' } };
const paid = (paymentStatus: PaymentStatus | undefined) => (paymentStatus ? { paymentStatus } : {});

export class BookingCommands {
  constructor(
    private readonly storage: Storage,
    private readonly mutations: BookingMutations,
    private readonly idempotency: Idempotency,
    private readonly clock: () => Date,
  ) {}

  async create(identity: Identity, body: CreateBookingCommand, idempotencyKey?: string): Promise<CreateResult> {
    // Contract section 12: a STAFF account works on bookings customers made; booking by phone is the owner's.
    if (identity.kind === 'staff') throw forbidden('A STAFF account cannot create bookings: ask an OWNER of the business.');
    const now = this.clock();
    return this.idempotency.run<{ booking: Booking }>(
      { scope: `bookings:${scopeOf(identity)}`, key: idempotencyKey, request: body },
      async (remember) => {
        const deps = { storage: this.storage, capacity: this.mutations.capacity, serviceFor: this.serviceFor };
        // Validation and the slot outside the write lock; inside it only the counts and the writes.
        const prepared = await prepareCreate(deps, identity, body, now);
        const created = await this.storage.transaction(async () => {
          const made = await commitCreate(deps, identity, prepared, now);
          await remember({ booking: made.booking });
          return made;
        });
        this.mutations.publish(created.changes);
        return { booking: created.booking };
      },
    );
  }

  private readonly serviceFor = async (entity: BookedEntityInput, asOwner: boolean): Promise<Service> => {
    const field = entity.slot ? 'booking.bookedEntity.slot.serviceId' : 'booking.bookedEntity.schedule.serviceId';
    let service: Service | null;
    const serviceId = entity.slot?.serviceId ?? entity.schedule?.serviceId;
    if (serviceId) service = await this.storage.catalogue.getService(serviceId);
    else if (entity.schedule) {
      const scheduleId = entity.schedule.scheduleId;
      service = (await this.storage.catalogue.listServices()).find((s) => s.schedule.id === scheduleId) ?? null;
    } else throw ValidationError.field('booking.bookedEntity', 'send exactly one of slot (appointments, classes) or schedule (courses)');
    if (!service || (service.hidden && !asOwner)) throw ValidationError.field(field, 'does not name a service of this business');
    return service;
  };

  // ---- the owner's lifecycle calls (confirm, decline, mark as pending, confirm-or-decline: STAFF too, on its own) ----

  confirm(id: string, revision: string, paymentStatus?: PaymentStatus, caller: Caller = OWNER): Promise<Booking> {
    return this.mutations.run(caller, id, revision, async (ctx) => {
      ctx.check({ type: 'CONFIRM' });
      const { hasRoom } = await ctx.room();
      await ctx.transition({ type: 'CONFIRM', hasRoom }, paid(paymentStatus));
    });
  }

  decline(id: string, revision: string, paymentStatus?: PaymentStatus, caller: Caller = OWNER): Promise<Booking> {
    return this.mutations.run(caller, id, revision, async (ctx) => {
      await ctx.transition({ type: 'DECLINE' }, paid(paymentStatus));
      await ctx.offerFreedSpot();
    });
  }

  markAsPending(id: string, revision: string, paymentStatus?: PaymentStatus, caller: Caller = OWNER): Promise<Booking> {
    return this.mutations.run(caller, id, revision, async (ctx) => {
      ctx.check({ type: 'MARK_AS_PENDING' });
      // A PENDING booking holds its spot (unless the service allows multiple requests): it needs room.
      if (!ctx.service.onlineBooking.allowMultipleRequests) {
        const { hasRoom, remaining } = await ctx.room();
        if (!hasRoom) throw slotFull(await ctx.slot(), remaining, participantsOf(ctx.record.booking));
      }
      await ctx.transition({ type: 'MARK_AS_PENDING' }, paid(paymentStatus));
    });
  }

  updateNumberOfParticipants(id: string, revision: string, input: ParticipantsChange): Promise<Booking> {
    return this.mutations.run(OWNER, id, revision, async (ctx) => {
      const variants = await this.storage.catalogue.getVariantsByService(ctx.service.id);
      const violations = participantViolations(input, ctx.service, variants, '');
      if (violations.length > 0) throw new ValidationError(violations);
      ctx.check({ type: 'UPDATE_NUMBER_OF_PARTICIPANTS' });
      const booking = ctx.record.booking;
      const before = participantsOf(booking);
      const after = participantsOf(input);
      const slot = await ctx.slot();
      checkDurationChoice(input, slot, 'participantsChoices');
      if (after > before) {
        const capacity = this.mutations.capacity;
        if (booking.status === 'WAITING_LIST') {
          if (!(await capacity.waitlistHasRoom(ctx.service, slot, after, id)))
            throw new DomainError('WAITLIST_FULL', `The waiting list of "${slot.title}" has no room for ${after}.`);
        } else if (booking.status !== 'CREATED') {
          const { hasRoom, remaining } = await capacity.hasRoom(ctx.service, slot, after, id);
          if (!hasRoom) throw slotFull(slot, remaining, after);
        }
      }
      // Exactly one of the two is set (validated above): the other field goes.
      await ctx.transition(
        { type: 'UPDATE_NUMBER_OF_PARTICIPANTS' },
        { totalParticipants: input.totalParticipants, participantsChoices: input.participantsChoices },
      );
      if (after < before) await ctx.offerFreedSpot();
    });
  }

  /** Contract section 6, atomic with the capacity count. */
  confirmOrDecline(id: string, paymentStatus?: PaymentStatus, caller: Caller = OWNER): Promise<Booking> {
    return this.mutations.run(caller, id, undefined, async (ctx) => {
      const facts = {
        paymentStatus: paymentStatus ?? ctx.record.booking.paymentStatus,
        skipAvailabilityValidation: ctx.record.skipAvailabilityValidation,
        requiresManualApproval: ctx.service.onlineBooking.requireManualApproval,
      };
      ctx.check({ type: 'CONFIRM_OR_DECLINE', ...facts, hasRoom: true });
      const { hasRoom } = await ctx.room();
      await ctx.transition({ type: 'CONFIRM_OR_DECLINE', ...facts, hasRoom }, paid(paymentStatus));
    });
  }

  // ---- customer (and owner) calls ----

  cancel(caller: Caller, id: string, revision: string, ignorePolicy = false): Promise<Booking> {
    if (ignorePolicy && !actsForBusiness(caller)) throw forbidden('Only the business owner may ignore the cancellation policy.');
    return this.mutations.run(caller, id, revision, async (ctx) => {
      ctx.check({ type: 'CANCEL' });
      // The owner is not bound by the cancellation policy (Wix: ignoreCancellationPolicy; we accept it, and need it not).
      if (!actsForBusiness(caller)) {
        const answer = cancellationAllowed(ctx.service.bookingPolicy, ctx.record.booking, ctx.now, 'anonymousBookingId' in caller);
        if (!answer.allowed) throw policyViolation(answer.reason);
      }
      await ctx.transition({ type: 'CANCEL' });
      await ctx.offerFreedSpot();
    });
  }

  /** `skipAvailability`: the owner moves it into a full slot on purpose; it goes through, flagged doubleBooked. */
  reschedule(caller: Caller, id: string, body: RescheduleCommand, ignorePolicy = false, skipAvailability = false): Promise<Booking> {
    if (ignorePolicy && !actsForBusiness(caller)) throw forbidden('Only the business owner may ignore the reschedule policy.');
    if (skipAvailability && !isOwner(caller)) throw forbidden('Only the business owner may move a booking into a full slot.');
    return this.mutations.run(caller, id, body.revision, async (ctx) => {
      ctx.check({ type: 'RESCHEDULE' });
      const booking = ctx.record.booking;
      if (body.slot.serviceId !== ctx.service.id) {
        throw ValidationError.field(
          'slot.serviceId',
          'must be the service of the booking: a booking moves to another slot of the same service',
        );
      }
      if (!actsForBusiness(caller)) {
        const answer = rescheduleAllowed(ctx.service.bookingPolicy, booking, ctx.now, 'anonymousBookingId' in caller);
        if (!answer.allowed) throw policyViolation(answer.reason);
      }
      const capacity = this.mutations.capacity;
      const oldSlot = await ctx.slot();
      const target = await capacity.resolve(ctx.service, askedEntity({ slot: body.slot }, ctx.service), ctx.now);
      // The owner may move a booking into a slot the policy closed, never into a cancelled session.
      if (!actsForBusiness(caller) || target.cancelled) checkBookable(target);
      const participants = participantsOf(booking);
      const { hasRoom, remaining } = await capacity.hasRoom(ctx.service, target, participants, id);
      if (!hasRoom && !skipAvailability) throw slotFull(target, remaining, participants);
      await ctx.transition(
        { type: 'RESCHEDULE' },
        {
          bookedEntity: bookedEntityFor(ctx.service, target, { slot: body.slot }),
          startDate: target.startUtc,
          endDate: target.endUtc,
          // Into a slot with room it no longer overflows anything; into a full one (the owner's choice) it does.
          doubleBooked: !hasRoom,
        },
      );
      await ctx.offerFreedSpot(oldSlot);
    });
  }
}
