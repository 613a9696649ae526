/**
 * The pure question the server asks before every status change: may a booking in status S take event E,
 * and where does it land? Answered by the lifecycle machine itself, never by a second table.
 */
import { transition } from 'xstate';
import type { BookingStatus } from '../model/booking.js';
import { BOOKING_STATUSES } from '../model/booking.js';
import { bookingLifecycle, type LifecycleEvent } from './booking-lifecycle.js';
import { isFinalStatus } from './statuses.js';

// Kept for the callers that import it from here.
export { isFinalStatus };

export type TransitionDecision =
  | { allowed: true; from: BookingStatus | null; status: BookingStatus; doubleBooked: boolean }
  | { allowed: false; from: BookingStatus | null; event: LifecycleEvent['type']; message: string };

export function isBookingStatus(value: unknown): value is BookingStatus {
  return typeof value === 'string' && (BOOKING_STATUSES as readonly string[]).includes(value);
}

/** The machine's snapshot for a booking that is in `status` (or not yet created, when null). */
export function snapshotFor(status: BookingStatus | null, doubleBooked = false) {
  return bookingLifecycle.resolveState({ value: status ?? 'new', context: { doubleBooked } });
}

/**
 * Decide a transition. `from` is the booking's current status, or null for a booking about to be created.
 * Rescheduling and participant updates land in the same status: `allowed` says whether they may happen.
 */
export function decideTransition(
  from: BookingStatus | null,
  event: LifecycleEvent,
  current: { doubleBooked?: boolean } = {},
): TransitionDecision {
  // The machine is pure: the same status, flag and event always decide the same (and a server decides often).
  const key = `${from}|${current.doubleBooked === true}|${JSON.stringify(event)}`;
  const known = decided.get(key);
  if (known) return known;
  const decision = Object.freeze(askMachine(from, event, current.doubleBooked ?? false));
  if (decided.size >= MAX_REMEMBERED) decided.clear();
  decided.set(key, decision);
  return decision;
}

/**
 * Whether a booking in `from` may take an event that carries no data (CANCEL, RESCHEDULE): the machine's answer
 * alone, exactly `decideTransition(from, { type }, { doubleBooked }).allowed`, without the refusal's wording. The
 * policy asks only this, so the widget (which shows no refusal text) does not carry the server's messages.
 */
export function mayTake(from: BookingStatus | null, type: 'CANCEL' | 'RESCHEDULE', doubleBooked = false): boolean {
  const key = `${from}|${doubleBooked}|${type}`;
  let may = mayAnswers.get(key);
  if (may === undefined) mayAnswers.set(key, (may = snapshotFor(from, doubleBooked).can({ type })));
  return may;
}

/** `mayTake`'s answers: a few statuses × two flags × two events, so never cleared. */
const mayAnswers = new Map<string, boolean>();

/** Decisions already made, by status, flag and event; events are small, so a few hundred cover every case. */
const decided = new Map<string, TransitionDecision>();
const MAX_REMEMBERED = 512;

function askMachine(from: BookingStatus | null, event: LifecycleEvent, doubleBooked: boolean): TransitionDecision {
  const snapshot = snapshotFor(from, doubleBooked);
  if (!snapshot.can(event)) {
    return { allowed: false, from, event: event.type, message: refusalMessage(from, event.type) };
  }
  const [next] = transition(bookingLifecycle, snapshot, event);
  const status = next.value;
  if (!isBookingStatus(status)) {
    // Unreachable while every transition targets a status state; kept so a future edit fails loudly.
    throw new Error(`lifecycle landed in a non-status state "${String(status)}"`);
  }
  return { allowed: true, from, status, doubleBooked: next.context.doubleBooked };
}

const EVENT_WORDS: Record<LifecycleEvent['type'], string> = {
  CREATE: 'be created',
  CREATE_WAITLISTED: 'join the waiting list',
  CONFIRM_OR_DECLINE: 'be confirmed or declined',
  MARK_AS_PENDING: 'be marked as pending',
  CONFIRM: 'be confirmed',
  DECLINE: 'be declined',
  CANCEL: 'be canceled',
  RESCHEDULE: 'be rescheduled',
  UPDATE_NUMBER_OF_PARTICIPANTS: 'change its number of participants',
  SPOT_OPENED: 'take an opened spot',
  ORDER_DECLINED: 'be declined by its order',
};

function refusalMessage(from: BookingStatus | null, type: LifecycleEvent['type']): string {
  if (from === null) return `A booking that does not exist yet cannot ${EVENT_WORDS[type]}.`;
  const tail = isFinalStatus(from) ? ` ${from} is final: nothing can change it.` : '';
  return `A ${from} booking cannot ${EVENT_WORDS[type]}.${tail}`;
}
