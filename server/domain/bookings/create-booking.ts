/**
 * Creating a booking (contract section 5), in two halves. `prepareCreate`, outside the write lock: validate
 * against the service, resolve the slot through availability, check the booking policy. `commitCreate`, inside
 * one short transaction that also claims the Idempotency-Key: the unpaid limit, the capacity count, the
 * lifecycle's decision, and the booking written with its first history line.
 */
import type { Booking, BookedEntity } from '../../../src/model/booking.js';
import type { Service } from '../../../src/model/service.js';
import type { LifecycleEvent } from '../../../src/lifecycle/index.js';
import { decideTransition } from '../../../src/lifecycle/index.js';
import type { Identity } from '../identity/identity.js';
import type { BookedEntityInput, CreateBookingCommand } from './commands.js';
import type { Storage, StoredBooking } from '../../storage/types.js';
import type { ResolvedSlot } from '../availability/slot-resolver.js';
import { DomainError, ValidationError, forbidden } from '../errors.js';
import { actorOf } from './access.js';
import type { Capacity } from './capacity.js';
import { BookingChanges } from './changes.js';
import { participantsOf } from '../../../src/pricing/participants.js';
import { validateBookingInput } from './validate.js';
import { checkUnpaidLimit } from './customer-limit.js';

/** The request's entity in the model's shape: a slot without `scheduleId` is on the service's schedule. */
export function askedEntity(asked: BookedEntityInput, service: Service): BookedEntity {
  if (asked.schedule) return { schedule: asked.schedule };
  if (!asked.slot) return {};
  const { location, ...slot } = asked.slot;
  return {
    slot: {
      ...slot,
      scheduleId: slot.scheduleId ?? service.schedule.id,
      ...(location ? { location: { ...location, locationType: location.locationType ?? 'UNDEFINED' } } : {}),
    },
  };
}

const TAGS = { APPOINTMENT: 'INDIVIDUAL', CLASS: 'GROUP', COURSE: 'COURSE' } as const;

export const policyViolation = (message: string, data: Record<string, unknown> = {}) =>
  new DomainError('BOOKING_POLICY_VIOLATION', message, data);

export function slotFull(slot: ResolvedSlot, remaining: number, participants: number): DomainError {
  return remaining <= 0
    ? new DomainError('SLOT_NOT_AVAILABLE', `"${slot.title}" at ${slot.localStart} is full.`, { remainingCapacity: 0 })
    : new DomainError(
        'SESSION_CAPACITY_EXCEEDED',
        `"${slot.title}" at ${slot.localStart} has ${remaining} spot(s) left, fewer than the ${participants} asked for.`,
        {
          remainingCapacity: remaining,
        },
      );
}

/** The slot's policy flags as a 428, unless it is bookable. */
export function checkBookable(slot: ResolvedSlot): void {
  if (slot.cancelled)
    throw new DomainError('SLOT_NOT_AVAILABLE', `The session "${slot.title}" at ${slot.localStart} was cancelled by the business.`);
  const p = slot.policy;
  if (p.bookOnlineDisabled) throw policyViolation('This service cannot be booked online.', { ...p });
  if (p.tooEarlyToBook)
    throw policyViolation(`It is too early to book "${slot.title}" at ${slot.localStart}; the booking policy opens it later.`, { ...p });
  if (p.tooLateToBook)
    throw policyViolation(`It is too late to book "${slot.title}" at ${slot.localStart}; the booking policy closed it.`, { ...p });
}

/** The booked entity as stored: what the customer asked for, completed with what availability resolved. */
export function bookedEntityFor(service: Service, slot: ResolvedSlot, asked: BookedEntityInput): BookedEntity {
  const base = { title: slot.title, tags: [TAGS[slot.kind]] };
  if (slot.kind === 'COURSE') {
    return {
      ...base,
      schedule: {
        scheduleId: slot.scheduleId,
        serviceId: service.id,
        timezone: slot.businessTimeZone,
        firstSessionStart: slot.localStart,
        lastSessionEnd: slot.localEnd,
      },
    };
  }
  return {
    ...base,
    slot: {
      serviceId: service.id,
      scheduleId: slot.scheduleId,
      ...(slot.eventId ? { eventId: slot.eventId } : {}),
      startDate: slot.localStart,
      endDate: slot.localEnd,
      timezone: slot.businessTimeZone,
      ...(slot.resourceId ? { resource: { id: slot.resourceId, ...(slot.resourceName ? { name: slot.resourceName } : {}) } } : {}),
      ...(asked.slot?.location
        ? { location: { ...asked.slot.location, locationType: asked.slot.location.locationType ?? 'UNDEFINED' } }
        : {}),
    },
  };
}

/** A duration choice must be the resolved slot's length (the slot, not the choice, sets the time). */
export function checkDurationChoice(body: Pick<Booking, 'participantsChoices'>, slot: ResolvedSlot, field: string): void {
  const minutes = Math.round((Date.parse(slot.endUtc) - Date.parse(slot.startUtc)) / 60_000);
  for (const [i, sc] of (body.participantsChoices?.serviceChoices ?? []).entries()) {
    for (const [j, c] of sc.choices.entries()) {
      if (c.duration && c.duration.minutes !== minutes) {
        throw ValidationError.field(
          `${field}.serviceChoices[${i}].choices[${j}].duration.minutes`,
          `is ${c.duration.minutes}, but the slot is ${minutes} minutes long`,
        );
      }
    }
  }
}

export interface CreateDeps {
  storage: Storage;
  capacity: Capacity;
  serviceFor(entity: BookedEntityInput, asOwner: boolean): Promise<Service>;
}

/** What a create decided before the write lock: the caller's request resolved against the setup. */
export interface PreparedCreate {
  body: CreateBookingCommand;
  service: Service;
  slot: ResolvedSlot;
  skipAvailability: boolean;
  /** `storage.setupVersion()` when it was resolved: if the setup moved since, it is resolved again in the lock. */
  setupVersion: number;
}

/**
 * Outside the write lock: refuse what is not the caller's to ask, validate against the service and its variants,
 * and resolve the slot (all from the setup, which the cache serves). No bookings are counted here.
 */
export async function prepareCreate(deps: CreateDeps, identity: Identity, body: CreateBookingCommand, now: Date): Promise<PreparedCreate> {
  const setupVersion = deps.storage.setupVersion();
  const owner = identity.kind === 'owner';
  const flow = body.flowControlSettings ?? {};
  if (!owner && Object.values(flow).some((v) => v === true)) {
    throw forbidden('flowControlSettings are for the business owner only (they skip availability, confirmation or payment checks).');
  }
  const input = body.booking;
  const service = await deps.serviceFor(input.bookedEntity, owner);
  const variants = await deps.storage.catalogue.getVariantsByService(service.id);
  validateBookingInput(input, service, variants, {
    skipPaymentOptionValidation: owner && flow.skipSelectedPaymentOptionValidation === true,
  });
  const slot = await deps.capacity.resolve(service, askedEntity(input.bookedEntity, service), now);
  checkDurationChoice(input, slot, 'booking.participantsChoices');
  const skipAvailability = owner && flow.skipAvailabilityValidation === true;
  if (!skipAvailability) checkBookable(slot);
  return { body, service, slot, skipAvailability, setupVersion };
}

/**
 * Inside the write lock, and short: the unpaid limit, the capacity count, the lifecycle's decision and the writes.
 * Returns the new booking and the changes to publish after commit.
 */
export async function commitCreate(
  deps: CreateDeps,
  identity: Identity,
  prepared: PreparedCreate,
  now: Date,
): Promise<{ booking: Booking; changes: BookingChanges }> {
  // An owner's edit landed between the two halves: decide on the setup as it is now.
  if (prepared.setupVersion !== deps.storage.setupVersion()) prepared = await prepareCreate(deps, identity, prepared.body, now);
  const { body, service, slot, skipAvailability } = prepared;
  const owner = identity.kind === 'owner';
  const flow = body.flowControlSettings ?? {};
  const input = body.booking;
  await checkUnpaidLimit(deps.storage, identity, service, slot);
  const participants = participantsOf(input);
  const { hasRoom, remaining } = await deps.capacity.hasRoom(service, slot, participants);
  let event: LifecycleEvent;
  if (hasRoom || skipAvailability) {
    event = { type: 'CREATE', skipBusinessConfirmation: owner && flow.skipBusinessConfirmation === true, hasRoom };
  } else if (await deps.capacity.waitlistHasRoom(service, slot, participants)) {
    event = { type: 'CREATE_WAITLISTED' };
  } else {
    throw slotFull(slot, remaining, participants);
  }
  const decision = decideTransition(null, event);
  if (!decision.allowed) throw new DomainError('INVALID_BOOKING_STATUS', decision.message);

  const contactId = await deps.storage.contacts.upsertByEmail(input.contactDetails);
  const stamp = now.toISOString();
  const booking: Booking = {
    id: crypto.randomUUID(),
    bookedEntity: bookedEntityFor(service, slot, input.bookedEntity),
    contactDetails: { ...input.contactDetails, contactId },
    ...(input.totalParticipants !== undefined ? { totalParticipants: input.totalParticipants } : {}),
    ...(input.participantsChoices !== undefined ? { participantsChoices: input.participantsChoices } : {}),
    status: decision.status,
    paymentStatus: 'UNDEFINED',
    ...(input.selectedPaymentOption ? { selectedPaymentOption: input.selectedPaymentOption } : {}),
    ...(input.depositSelected !== undefined ? { depositSelected: input.depositSelected } : {}),
    startDate: slot.startUtc,
    endDate: slot.endUtc,
    createdDate: stamp,
    updatedDate: stamp,
    revision: '1',
    createdBy: {
      ...(identity.kind === 'visitor' ? { anonymousVisitorId: identity.visitorId } : {}),
      ...(identity.kind === 'member' ? { memberId: identity.memberId } : {}),
      contactId,
    },
    ...(input.externalUserId ? { externalUserId: input.externalUserId } : {}),
    ...(decision.doubleBooked ? { doubleBooked: true } : {}),
  };
  const record: StoredBooking = {
    booking,
    skipAvailabilityValidation: skipAvailability,
    visitorId: identity.kind === 'visitor' ? identity.visitorId : null,
    memberId: identity.kind === 'member' ? identity.memberId : null,
  };
  const changes = new BookingChanges(deps.storage, now);
  await changes.insert(record, actorOf(identity), decision.status === 'WAITING_LIST' ? 'CREATE_WAITLISTED' : 'CREATE');
  return { booking, changes };
}
