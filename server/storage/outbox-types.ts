/**
 * The durable outbox (contract section 13): every booking and order change appends its events in the transaction
 * of the change, and a worker (server/domain/outbox/worker.ts) fans each event out to the channels subscribed to
 * it (an email, a webhook endpoint) and delivers them at least once. Times the worker schedules by are epoch
 * milliseconds on the outbox's own clock; `eventTime` is the change's time, as the entity says it.
 */

/** Wix's event names (contract section 13). */
export type OutboxEventType =
  | 'wix.bookings.v2.booking_created'
  | 'wix.bookings.v2.booking_confirmed'
  | 'wix.bookings.v2.booking_declined'
  | 'wix.bookings.v2.booking_canceled'
  | 'wix.bookings.v2.booking_rescheduled'
  | 'wix.bookings.v2.booking_updated'
  | 'wix.ecom.v1.order_created'
  | 'wix.ecom.v1.order_payment_status_updated'
  // Internal, never sent to a webhook: a booking's reminder is due (server/notifications/reminders.ts).
  | 'bookings.booking_reminder_due'
  // Internal, never sent to a webhook: someone registered with a member's email (server/domain/members/registration-event.ts).
  | 'members.registration_for_known_email'
  // Internal, never sent to a webhook: a member asked for a password-reset link (server/domain/members/password-reset.ts).
  | 'members.password_reset_requested';

export interface NewOutboxEvent {
  /** The event's stable id: every delivery of it carries this one, so a receiver can drop duplicates. */
  id: string;
  eventType: OutboxEventType;
  /** `wix.bookings.v2.booking` or `wix.ecom.v1.order`. */
  entityFqdn: string;
  entityId: string;
  /** The entity as answered (the booking, the order), after the change. */
  payload: Record<string, unknown>;
  /** ISO instant of the change. */
  eventTime: string;
  /** Epoch ms on the outbox clock: when it was appended (deliveries give up 24 hours after it). */
  createdAt: number;
}

export interface OutboxEvent extends NewOutboxEvent {
  /** 1, 2, 3… per entity, in commit order (assigned by the store). */
  entityEventSequence: number;
  /** When the worker created its deliveries (epoch ms); null until then. */
  dispatchedAt: number | null;
}

export type DeliveryStatus = 'PENDING' | 'DELIVERING' | 'DONE' | 'FAILED';

export interface OutboxDelivery {
  id: string;
  eventId: string;
  /** `<kind>:<detail>`, e.g. `email:booking-confirmed:customer` or `webhook:<endpointId>`. */
  channel: string;
  status: DeliveryStatus;
  /** Attempts started (a claim counts, so a crash during delivery counts too). */
  attempts: number;
  /** Due at (epoch ms); while DELIVERING, equal to `claimedUntil` (a lapsed lease makes it due again). */
  nextAttemptAt: number;
  claimedUntil: number | null;
  claimedBy: string | null;
  /** The last failure and the last answer (a status line), short. */
  lastError: string | null;
  lastAnswer: string | null;
  doneAt: number | null;
  createdAt: number;
}

/** One attempt of a delivery, for the delivery log (`outbox_attempts`). */
export interface DeliveryAttempt {
  deliveryId: string;
  /** 1, 2, 3…: the delivery's `attempts` when it ran. */
  attempt: number;
  /** Epoch ms on the outbox clock. */
  startedAt: number;
  finishedAt: number;
  ok: boolean;
  answer: string | null;
  error: string | null;
}

/** When an attempt ran; given to `complete` and `fail`, it writes the attempt's line in the delivery log. */
export interface AttemptTimes {
  startedAt: number;
  finishedAt: number;
}

export interface ClaimedDelivery {
  delivery: OutboxDelivery;
  event: OutboxEvent;
}

export interface OutboxStore {
  /** Call inside the transaction of the change: the events commit or roll back with it. */
  append(events: readonly NewOutboxEvent[]): Promise<OutboxEvent[]>;
  /** Events whose deliveries are not made yet, oldest first. */
  undispatched(limit: number): Promise<OutboxEvent[]>;
  /**
   * Creates each event's deliveries (one per channel, due at `at`; an existing one is kept) and marks it
   * dispatched: a round's events in one transaction, so one commit, however many events the round has.
   */
  addDeliveries(batch: readonly { eventId: string; channels: readonly string[] }[], at: number): Promise<void>;
  /**
   * Takes up to `limit` due deliveries (PENDING and due, or DELIVERING with a lapsed lease) for `workerId` until
   * `now + leaseMs`, with their events. Across instances each delivery goes to one claimant (PostgreSQL: `FOR
   * UPDATE SKIP LOCKED`); attempts rise by one.
   */
  claimDue(now: number, limit: number, leaseMs: number, workerId: string): Promise<ClaimedDelivery[]>;
  /**
   * DONE; false when `workerId` no longer holds it. With `times`, the attempt is logged (`attempts()`) in the same
   * statement, numbered by the delivery's `attempts`; a holder that lost its lease logs nothing.
   */
  complete(id: string, workerId: string, at: number, answer?: string, times?: AttemptTimes): Promise<boolean>;
  /** PENDING again at `nextAttemptAt`, or FAILED for good when null; false when `workerId` no longer holds it. `times`: as `complete`. */
  fail(id: string, workerId: string, error: string, nextAttemptAt: number | null, answer?: string, times?: AttemptTimes): Promise<boolean>;
  /** The logged attempts of a delivery, first first. */
  attempts(deliveryId: string): Promise<DeliveryAttempt[]>;
  /** Makes a delivery due now again (a resend), whatever its status. */
  retryNow(id: string, at: number): Promise<boolean>;
  listEvents(query?: EventQuery): Promise<OutboxEvent[]>;
  /** Oldest first, or newest first with `newestFirst`. */
  listDeliveries(query?: DeliveryQuery): Promise<OutboxDelivery[]>;
  /** Deletes DONE deliveries finished before `before`, then events older than it with no delivery left. */
  purgeDone(before: number): Promise<number>;
}

export interface EventQuery {
  entityId?: string;
  /** Only these events. */
  ids?: readonly string[];
  limit?: number;
}

export interface DeliveryQuery {
  /** Only this delivery. */
  id?: string;
  eventId?: string;
  /** Exactly this channel. */
  channel?: string;
  channelPrefix?: string;
  status?: DeliveryStatus;
  newestFirst?: boolean;
  limit?: number;
}

/** Short text for the last error and answer columns. */
export const clip = (text: string): string => (text.length > 500 ? `${text.slice(0, 497)}...` : text);
