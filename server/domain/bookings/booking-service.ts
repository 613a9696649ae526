/**
 * The booking service: every rule about bookings that is not a status transition (those are the lifecycle
 * machine's, asked through `decideTransition`) or a slot computation (availability's SlotResolver). Every write
 * runs in one `storage.transaction` with the capacity count it depends on; changed bookings are published to
 * the live streams after commit.
 */
import { randomBytes } from 'node:crypto';
import type { Booking, PaymentStatus } from '../../../src/model/booking.js';
import type { Service } from '../../../src/model/service.js';
import type { Query } from '../../../src/model/common.js';
import { decideTransition, type LifecycleEvent, type TransitionDecision } from '../../../src/lifecycle/index.js';
import type { Identity } from '../identity/identity.js';
import type { BookedEntityInput, CreateBookingCommand, ParticipantsChange, RescheduleCommand } from './commands.js';
import type { BookingAccessToken, BookingChange, BookingHistoryEntry, Storage, StoredBooking } from '../../storage/types.js';
import type { SlotResolver } from '../availability/slot-resolver.js';
import { DomainError, ValidationError, forbidden, revisionMismatch } from '../errors.js';
import { runQuery, type QueryResult } from '../query.js';
import { hashToken } from '../identity/tokens.js';
import { actorOf, bookingNotFound, scopeOf, visibleTo } from './access.js';
import { Capacity } from './capacity.js';
import { BookingChanges, type BookingChangeHook } from './changes.js';
import {
  askedEntity,
  checkBookable,
  checkDurationChoice,
  createBooking,
  policyViolation,
  slotFull,
  bookedEntityFor,
} from './create-booking.js';
import type { BookingEventBus } from './events.js';
import { Idempotency } from './idempotency.js';
import { participantsOf } from '../../../src/pricing/participants.js';
import { allowedActions, cancellationAllowed, rescheduleAllowed } from './policy.js';
import { bookingQuerySpec } from './query-spec.js';
import { participantViolations } from './validate.js';
import type { ExtendedBooking } from '../../../src/model/booking.js';

type Actor = BookingChange['actor'];

/**
 * A caller of a lifecycle call: an authenticated identity, the holder of a booking's anonymous token, or the
 * system itself (checkout, a payment provider's late answer), named for the history.
 */
export type Caller = { identity: Identity } | { anonymousBookingId: string } | { system: string };

export interface CreateResult {
  statusCode: number;
  body: { booking: Booking };
  replayed: boolean;
}

/** How long a booking link works after the booking ends, and how many live links one booking may have. */
export const ANONYMOUS_TOKEN_DAYS = 30;
export const MAX_ANONYMOUS_TOKENS = 10;

const invalidStatus = (d: Extract<TransitionDecision, { allowed: false }>) =>
  new DomainError('INVALID_BOOKING_STATUS', d.message, { status: d.from, event: d.event });

export class BookingService {
  private readonly capacity: Capacity;
  private readonly hooks: BookingChangeHook[] = [];
  private readonly idempotency: Idempotency;

  constructor(
    private readonly storage: Storage,
    resolver: SlotResolver,
    private readonly events: BookingEventBus,
    private readonly clock: () => Date,
  ) {
    this.capacity = new Capacity(storage, resolver);
    this.idempotency = new Idempotency(storage, clock);
  }

  // ---- create ----

  async create(identity: Identity, body: CreateBookingCommand, idempotencyKey?: string): Promise<CreateResult> {
    const now = this.clock();
    return this.idempotency.run<{ booking: Booking }>(
      { scope: `bookings:${scopeOf(identity)}`, key: idempotencyKey, request: body },
      async (remember) => {
        const created = await this.storage.transaction(async () => {
          const made = await createBooking(
            { storage: this.storage, capacity: this.capacity, serviceFor: (e, asOwner) => this.serviceFor(e, asOwner) },
            identity,
            body,
            now,
          );
          await remember({ booking: made.booking });
          return made;
        });
        this.publish(created.changes);
        return { booking: created.booking };
      },
    );
  }

  private async serviceFor(entity: BookedEntityInput, asOwner: boolean): Promise<Service> {
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
  }

  // ---- reading ----

  async get(identity: Identity, id: string): Promise<Booking> {
    return visibleTo(identity, id, await this.storage.bookings.get(id)).booking;
  }

  async history(id: string): Promise<BookingHistoryEntry[]> {
    if (!(await this.storage.bookings.get(id))) throw bookingNotFound(id);
    return this.storage.bookings.history(id);
  }

  async queryExtended(identity: Identity, query: Query | undefined): Promise<QueryResult<ExtendedBooking>> {
    const records =
      identity.kind === 'owner'
        ? await this.storage.bookings.list()
        : await this.storage.bookings.list(
            identity.kind === 'visitor' ? { visitorId: identity.visitorId } : { memberId: identity.memberId },
          );
    const result = runQuery(
      records.map((r) => r.booking),
      query,
      bookingQuerySpec,
    );
    const now = this.clock();
    const items: ExtendedBooking[] = [];
    for (const booking of result.items) {
      const service = await this.storage.catalogue.getService(serviceIdOf(booking));
      const actions = service
        ? allowedActions(service.bookingPolicy, booking, now, identity.kind === 'owner' ? 'owner' : 'customer')
        : { cancel: false, reschedule: false };
      items.push({ booking, allowedActions: actions });
    }
    return { items, pagingMetadata: result.pagingMetadata };
  }

  // ---- owner lifecycle calls ----

  confirm(id: string, revision: string, paymentStatus?: PaymentStatus): Promise<Booking> {
    return this.mutate({ identity: { kind: 'owner' } }, id, revision, async (ctx) => {
      ctx.decide({ type: 'CONFIRM' }); // refused statuses answer 409 before any capacity work
      const { hasRoom } = await ctx.room();
      const decision = ctx.decide({ type: 'CONFIRM', hasRoom });
      await ctx.save({ status: decision.status, doubleBooked: decision.doubleBooked, ...paid(paymentStatus) }, 'CONFIRM');
    });
  }

  decline(id: string, revision: string, paymentStatus?: PaymentStatus): Promise<Booking> {
    return this.mutate({ identity: { kind: 'owner' } }, id, revision, async (ctx) => {
      const decision = ctx.decide({ type: 'DECLINE' });
      await ctx.save({ status: decision.status, doubleBooked: decision.doubleBooked, ...paid(paymentStatus) }, 'DECLINE');
      await ctx.offerFreedSpot();
    });
  }

  markAsPending(id: string, revision: string, paymentStatus?: PaymentStatus): Promise<Booking> {
    return this.mutate({ identity: { kind: 'owner' } }, id, revision, async (ctx) => {
      const decision = ctx.decide({ type: 'MARK_AS_PENDING' });
      // A PENDING booking holds its spot (unless the service allows multiple requests): it needs room.
      if (!ctx.service.onlineBooking.allowMultipleRequests) {
        const { hasRoom, remaining } = await ctx.room();
        if (!hasRoom) throw slotFull(await ctx.slot(), remaining, participantsOf(ctx.record.booking));
      }
      await ctx.save({ status: decision.status, doubleBooked: decision.doubleBooked, ...paid(paymentStatus) }, 'MARK_AS_PENDING');
    });
  }

  updateNumberOfParticipants(id: string, revision: string, input: ParticipantsChange): Promise<Booking> {
    return this.mutate({ identity: { kind: 'owner' } }, id, revision, async (ctx) => {
      const variants = await this.storage.catalogue.getVariantsByService(ctx.service.id);
      const violations = participantViolations(input, ctx.service, variants, '');
      if (violations.length > 0) throw new ValidationError(violations);
      const decision = ctx.decide({ type: 'UPDATE_NUMBER_OF_PARTICIPANTS' });
      const before = participantsOf(ctx.record.booking);
      const after = participantsOf(input);
      const slot = await ctx.slot();
      checkDurationChoice(input, slot, 'participantsChoices');
      if (after > before) {
        if (ctx.record.booking.status === 'WAITING_LIST') {
          if (!(await this.capacity.waitlistHasRoom(ctx.service, slot, after, id)))
            throw new DomainError('WAITLIST_FULL', `The waiting list of "${slot.title}" has no room for ${after}.`);
        } else if (ctx.record.booking.status !== 'CREATED') {
          const { hasRoom, remaining } = await this.capacity.hasRoom(ctx.service, slot, after, id);
          if (!hasRoom) throw slotFull(slot, remaining, after);
        }
      }
      const { totalParticipants: _t, participantsChoices: _c, ...rest } = ctx.record.booking;
      await ctx.replace(
        {
          ...rest,
          ...(input.totalParticipants !== undefined ? { totalParticipants: input.totalParticipants } : {}),
          ...(input.participantsChoices ? { participantsChoices: input.participantsChoices } : {}),
          status: decision.status,
        },
        'UPDATE_NUMBER_OF_PARTICIPANTS',
      );
      if (after < before) await ctx.offerFreedSpot();
    });
  }

  /** Contract section 6, atomic with the capacity count. */
  confirmOrDecline(id: string, paymentStatus?: PaymentStatus): Promise<Booking> {
    return this.mutate({ identity: { kind: 'owner' } }, id, undefined, async (ctx) => {
      ctx.decide({
        type: 'CONFIRM_OR_DECLINE',
        hasRoom: true,
        paymentStatus: 'UNDEFINED',
        skipAvailabilityValidation: false,
        requiresManualApproval: false,
      });
      const { hasRoom } = await ctx.room();
      const decision = ctx.decide({
        type: 'CONFIRM_OR_DECLINE',
        hasRoom,
        paymentStatus: paymentStatus ?? ctx.record.booking.paymentStatus,
        skipAvailabilityValidation: ctx.record.skipAvailabilityValidation,
        requiresManualApproval: ctx.service.onlineBooking.requireManualApproval,
      });
      await ctx.save({ status: decision.status, doubleBooked: decision.doubleBooked, ...paid(paymentStatus) }, 'CONFIRM_OR_DECLINE');
    });
  }

  // ---- what checkout and payments do to a booking (system calls) ----

  /** Register work that must happen in the same transaction as a booking change. */
  onChange(hook: BookingChangeHook): void {
    this.hooks.push(hook);
  }

  /** Confirm-or-decline as the checkout runs it after create-order (contract section 7). */
  settleByOrder(id: string, paymentStatus: PaymentStatus, by: string): Promise<Booking> {
    return this.mutate({ system: by }, id, undefined, async (ctx) => {
      const { hasRoom } = await ctx.room();
      const decision = ctx.decide({
        type: 'CONFIRM_OR_DECLINE',
        hasRoom,
        paymentStatus,
        skipAvailabilityValidation: ctx.record.skipAvailabilityValidation,
        requiresManualApproval: ctx.service.onlineBooking.requireManualApproval,
      });
      await ctx.save({ status: decision.status, doubleBooked: decision.doubleBooked, paymentStatus }, 'CONFIRM_OR_DECLINE');
      if (decision.status === 'DECLINED') await ctx.offerFreedSpot();
    });
  }

  /** The booking's paymentStatus follows its order (paid in person, refunded); no status change. */
  setPaymentStatus(id: string, paymentStatus: PaymentStatus, by: string): Promise<Booking> {
    return this.mutate({ system: by }, id, undefined, async (ctx) => {
      if (ctx.record.booking.paymentStatus !== paymentStatus) await ctx.save({ paymentStatus }, 'PAYMENT_STATUS');
    });
  }

  /** The order was declined after it was created: its booking is declined and its spot freed. */
  declineByOrder(id: string, paymentStatus: PaymentStatus, by: string): Promise<Booking> {
    return this.mutate({ system: by }, id, undefined, async (ctx) => {
      const decision = ctx.decide({ type: 'ORDER_DECLINED' });
      await ctx.save({ status: decision.status, doubleBooked: decision.doubleBooked, paymentStatus }, 'ORDER_DECLINED');
      await ctx.offerFreedSpot();
    });
  }

  /** The booking as the system sees it (no ownership check). */
  async read(id: string): Promise<StoredBooking> {
    const record = await this.storage.bookings.get(id);
    if (!record) throw bookingNotFound(id);
    return record;
  }

  // ---- customer (and owner) calls ----

  cancel(caller: Caller, id: string, revision: string, ignorePolicy = false): Promise<Booking> {
    if (ignorePolicy && !isOwner(caller)) throw forbidden('Only the business owner may ignore the cancellation policy.');
    return this.mutate(caller, id, revision, async (ctx) => {
      const decision = ctx.decide({ type: 'CANCEL' });
      // The owner is not bound by the cancellation policy (Wix: ignoreCancellationPolicy; we accept it, and need it not).
      if (!isOwner(caller)) {
        const answer = cancellationAllowed(ctx.service.bookingPolicy, ctx.record.booking, ctx.now, 'anonymousBookingId' in caller);
        if (!answer.allowed) throw policyViolation(answer.reason);
      }
      await ctx.save({ status: decision.status, doubleBooked: decision.doubleBooked }, 'CANCEL');
      await ctx.offerFreedSpot();
    });
  }

  reschedule(caller: Caller, id: string, body: RescheduleCommand, ignorePolicy = false): Promise<Booking> {
    if (ignorePolicy && !isOwner(caller)) throw forbidden('Only the business owner may ignore the reschedule policy.');
    return this.mutate(caller, id, body.revision, async (ctx) => {
      const decision = ctx.decide({ type: 'RESCHEDULE' });
      const booking = ctx.record.booking;
      if (body.slot.serviceId !== ctx.service.id) {
        throw ValidationError.field(
          'slot.serviceId',
          'must be the service of the booking: a booking moves to another slot of the same service',
        );
      }
      if (!isOwner(caller)) {
        const answer = rescheduleAllowed(ctx.service.bookingPolicy, booking, ctx.now, 'anonymousBookingId' in caller);
        if (!answer.allowed) throw policyViolation(answer.reason);
      }
      const oldSlot = await ctx.slot();
      const target = await this.capacity.resolve(ctx.service, askedEntity({ slot: body.slot }, ctx.service), ctx.now);
      if (!isOwner(caller)) checkBookable(target);
      else if (target.cancelled) checkBookable(target);
      const participants = participantsOf(booking);
      const { hasRoom, remaining } = await this.capacity.hasRoom(ctx.service, target, participants, id);
      if (!hasRoom) throw slotFull(target, remaining, participants);
      await ctx.save(
        {
          status: decision.status,
          bookedEntity: bookedEntityFor(ctx.service, target, { slot: body.slot }),
          startDate: target.startUtc,
          endDate: target.endUtc,
          // It moves into a slot with room, so it no longer overflows anything.
          doubleBooked: false,
        },
        'RESCHEDULE',
      );
      await this.capacity.offerOpenedSpots(ctx.service, oldSlot, ctx.changes);
    });
  }

  // ---- anonymous access (Wix anonymous-bookings) ----

  /**
   * A link token for one booking. It expires ANONYMOUS_TOKEN_DAYS after the booking ends (at least that long from
   * now), dies with the asking visitor's login, and only the newest MAX_ANONYMOUS_TOKENS of a booking stay live.
   */
  async issueAnonymousToken(identity: Identity, id: string): Promise<string> {
    const record = visibleTo(identity, id, await this.storage.bookings.get(id));
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const from = Math.max(now.getTime(), Date.parse(record.booking.endDate ?? '') || 0);
    await this.storage.bookings.saveAccessToken(
      hashToken(token),
      {
        bookingId: record.booking.id,
        ...(identity.kind !== 'owner' && identity.familyId ? { familyId: identity.familyId } : {}),
        createdDate: now.toISOString(),
        expiresAt: new Date(from + ANONYMOUS_TOKEN_DAYS * 86_400_000).toISOString(),
      },
      MAX_ANONYMOUS_TOKENS,
    );
    return token;
  }

  /** The live grant an anonymous token holds; 404 INVALID_TOKEN for anything else (unknown, expired, revoked). */
  async accessForToken(token: string): Promise<BookingAccessToken> {
    const invalid = new DomainError('INVALID_TOKEN', 'This booking link is not valid or has expired; ask the business for a new one.');
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalid;
    // Looked up by sha256: the stored hash tells nothing usable about the token, and no compare of secrets runs here.
    const access = await this.storage.bookings.findByAccessToken(hashToken(token), this.clock().toISOString());
    if (!access) throw invalid;
    return access;
  }

  async bookingIdForToken(token: string): Promise<string> {
    return (await this.accessForToken(token)).bookingId;
  }

  async anonymousView(token: string): Promise<{ booking: Booking; allowedAnonymousActions: { cancel: boolean; reschedule: boolean } }> {
    const id = await this.bookingIdForToken(token);
    const record = await this.storage.bookings.get(id);
    if (!record) throw bookingNotFound(id);
    const service = await this.storage.catalogue.getService(serviceIdOf(record.booking));
    const actions = service
      ? allowedActions(service.bookingPolicy, record.booking, this.clock(), 'anonymous')
      : { cancel: false, reschedule: false };
    return { booking: record.booking, allowedAnonymousActions: actions };
  }

  // ---- the transaction every change runs in ----

  private async mutate(
    caller: Caller,
    id: string,
    revision: string | undefined,
    work: (ctx: MutationContext) => Promise<void>,
  ): Promise<Booking> {
    const now = this.clock();
    const changes = await this.storage.transaction(async () => {
      const stored = await this.storage.bookings.get(id);
      const record =
        'identity' in caller
          ? visibleTo(caller.identity, id, stored)
          : 'system' in caller
            ? stored
            : stored && stored.booking.id === caller.anonymousBookingId
              ? stored
              : null;
      if (!record) throw bookingNotFound(id);
      if (revision !== undefined && revision !== record.booking.revision) {
        throw revisionMismatch('booking', revision, record.booking.revision, 'BOOKING_REVISION_MISMATCH');
      }
      const service = await this.storage.catalogue.getService(serviceIdOf(record.booking));
      if (!service) throw new DomainError('SERVICE_NOT_FOUND', `The service of booking ${JSON.stringify(id)} no longer exists.`);
      const changes = new BookingChanges(this.storage, now, this.hooks);
      const ctx = new MutationContext(record, service, changes, this.capacity, actorFor(caller, record), now);
      await work(ctx);
      return changes;
    });
    this.publish(changes);
    const latest = changes.written.get(id);
    if (!latest) throw new Error(`booking ${id} was not written`);
    return latest;
  }

  private publish(changes: BookingChanges): void {
    for (const booking of changes.written.values()) this.events.publish(booking);
  }
}

/** What one lifecycle call works with, inside its transaction. */
class MutationContext {
  private resolved: Promise<import('../availability/slot-resolver.js').ResolvedSlot> | undefined;

  constructor(
    public record: StoredBooking,
    readonly service: Service,
    readonly changes: BookingChanges,
    private readonly capacity: Capacity,
    private readonly actor: Actor,
    readonly now: Date,
  ) {}

  /** Ask the lifecycle machine; a refusal is 409 INVALID_BOOKING_STATUS with its message. */
  decide(event: LifecycleEvent): Extract<TransitionDecision, { allowed: true }> {
    const decision = decideTransition(this.record.booking.status, event, this.record.booking);
    if (!decision.allowed) throw invalidStatus(decision);
    return decision;
  }

  slot() {
    this.resolved ??= this.capacity.slotOf(this.service, this.record.booking, this.now);
    return this.resolved;
  }

  /** Room for this booking in its own slot, leaving itself out of the count. */
  async room() {
    return this.capacity.hasRoom(this.service, await this.slot(), participantsOf(this.record.booking), this.record.booking.id);
  }

  async save(patch: Partial<Booking>, action: string): Promise<void> {
    this.record = await this.changes.save(this.record, patch, this.actor, action);
  }

  /** Replace the whole document (for removing fields such as the other participants field). */
  async replace(booking: Booking, action: string): Promise<void> {
    this.record = await this.changes.save(
      { ...this.record, booking: { ...booking, revision: this.record.booking.revision } },
      {},
      this.actor,
      action,
    );
  }

  async offerFreedSpot(): Promise<void> {
    await this.capacity.offerOpenedSpots(this.service, await this.slot(), this.changes);
  }
}

const paid = (paymentStatus: PaymentStatus | undefined): Partial<Booking> => (paymentStatus ? { paymentStatus } : {});
const isOwner = (caller: Caller) => 'identity' in caller && caller.identity.kind === 'owner';

function actorFor(caller: Caller, record: StoredBooking): Actor {
  if ('identity' in caller) return actorOf(caller.identity);
  if ('system' in caller) return { kind: 'system', id: caller.system };
  return { kind: 'anonymous', ...(record.visitorId ? { id: record.visitorId } : record.memberId ? { id: record.memberId } : {}) };
}

export function serviceIdOf(booking: Booking): string {
  return booking.bookedEntity.slot?.serviceId ?? booking.bookedEntity.schedule?.serviceId ?? '';
}
