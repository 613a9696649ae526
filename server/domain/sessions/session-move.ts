/**
 * Moving one class or course session to another time (`PATCH /calendar/v3/events/{eventId}`, extension): an
 * exception to its rule, stored as a per-occurrence override (session_moves, migration 15) keyed by the rule's
 * own start, so the session keeps its event id and its bookings stay attached. In ONE transaction with the
 * override, every PENDING or CONFIRMED booking of a class session is rescheduled by the business through the
 * lifecycle machine (the customer's "rescheduled" email with the same UID and a higher SEQUENCE, webhooks, live
 * streams); a CREATED or waiting-list booking takes the new times without an email. A course is booked whole: its
 * bookings are not changed. Refused: a time in the past or that does not exist (a DST gap), the time of another
 * session of the same rule, and a cancelled session (restore it first). Moving it back to its rule's time (and
 * length) clears the override.
 */
import type { BookingStatus } from '../../../src/model/booking.js';
import type { SessionEvent } from '../../../src/model/sessions.js';
import type { Storage } from '../../storage/types.js';
import type { BookingMutations } from '../bookings/mutation-context.js';
import { DomainError, ValidationError } from '../errors.js';
import { businessZone } from '../availability/catalogue-facts.js';
import { isOccurrence } from '../availability/sessions.js';
import { existingInstant, parseLocalDateTime } from '../availability/time.js';
import { findEvent } from './find-event.js';
import { listSessions } from './session-list.js';

const FIELD = 'event.localStartDate';
/** Rescheduled through the lifecycle (and emailed); the others only follow the session's new times. */
const RESCHEDULED: readonly BookingStatus[] = ['PENDING', 'CONFIRMED'];
const FOLLOWING: readonly BookingStatus[] = ['CREATED', 'WAITING_LIST'];

export interface MoveInput {
  localStartDate: string;
  durationInMinutes?: number | undefined;
}

export class SessionMover {
  constructor(
    private readonly storage: Storage,
    private readonly mutations: BookingMutations,
    private readonly clock: () => Date,
  ) {}

  async move(eventId: string, input: MoveInput): Promise<SessionEvent> {
    const { storage } = this;
    const { ref, rule } = await findEvent(storage, eventId);
    const zone = await businessZone(storage);
    const target = parseLocalDateTime(input.localStartDate, FIELD);
    const targetText = target.toString({ smallestUnit: 'second' });
    const cancelled = await storage.schedules.listCancelledOccurrences([rule.id]);
    if (cancelled.some((c) => c.localStart === ref.localStart))
      throw new DomainError('EVENT_CANCELLED', 'This session is cancelled: restore it before moving it.', { eventId });
    const moves = await storage.schedules.listMoves([rule.id]);
    const current = moves.find((m) => m.localStart === ref.localStart);
    const duration = input.durationInMinutes ?? current?.durationInMinutes ?? rule.durationInMinutes;
    const start = existingInstant(target, zone);
    if (!start) throw ValidationError.field(FIELD, `does not exist in ${zone}: the clocks go forward then`);
    if (start.epochMilliseconds < this.clock().getTime()) throw ValidationError.field(FIELD, 'is in the past: choose a time to come');
    const home = targetText === ref.localStart;
    const taken = moves.some((m) => m.localStart !== ref.localStart && m.movedStart === targetText);
    if (!home && (isOccurrence(rule, target) || taken))
      throw ValidationError.field(FIELD, 'is the time of another session of the same schedule: choose another time');

    const backHome = home && duration === rule.durationInMinutes;
    await this.mutations.runEach(
      { identity: { kind: 'owner' } },
      async () => {
        await storage.schedules.setMove(rule.id, ref.localStart, backHome ? null : { movedStart: targetText, durationInMinutes: duration });
        return (await storage.bookings.listForEvent(eventId, [...RESCHEDULED, ...FOLLOWING])).map((r) => r.booking.id);
      },
      async (ctx) => {
        const booking = ctx.record.booking;
        const slot = await ctx.slot(); // resolved inside the transaction: the new time
        if (booking.startDate === slot.startUtc && booking.endDate === slot.endUtc) return; // there already
        const be = booking.bookedEntity;
        const patch = {
          bookedEntity: { ...be, ...(be.slot ? { slot: { ...be.slot, startDate: slot.localStart, endDate: slot.localEnd } } : {}) },
          startDate: slot.startUtc,
          endDate: slot.endUtc,
        };
        if (RESCHEDULED.includes(booking.status)) await ctx.transition({ type: 'RESCHEDULE' }, patch);
        else await ctx.update(patch, 'SESSION_MOVED');
      },
    );
    const day = target.toPlainDate();
    const [moved] = (
      await listSessions(storage, {
        fromLocalDate: `${day.subtract({ days: 1 }).toString()}T00:00:00`,
        toLocalDate: `${day.add({ days: 2 }).toString()}T00:00:00`,
        serviceIds: [rule.serviceId],
      })
    ).filter((e) => e.id === eventId);
    if (!moved) throw new Error(`moved session ${eventId} is not listed at ${targetText}`);
    return moved;
  }
}

/** Split `serviceId=a,b` (the list's one query parameter for several services). */
export const serviceIdsOf = (text: string | undefined): string[] | undefined =>
  text
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
    : undefined;
