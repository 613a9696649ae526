/**
 * The storage interface, one small store per aggregate. Routes and domain services depend on these interfaces
 * only; `sqlite/` implements them today, and a PostgreSQL implementation can be added beside it without touching
 * routes or rules. Every method is async so that a networked database fits the same shape.
 */
import type { OwnerNotification } from '../../src/model/booking-history.js';
import type { Business, StaffMember, SessionRule, WorkingHours } from '../../src/model/business.js';
import type { Service, ServiceOptionsAndVariants, Category } from '../../src/model/service.js';
import type { BookingPolicy } from '../../src/model/policy.js';
import type { BookingOccupancyReader } from './occupancy-types.js';
import type { ContactStore, MemberStore, PlanStore } from './member-types.js';

export interface BusinessStore {
  get(): Promise<Business | null>;
  save(business: Business): Promise<void>;
}

export interface CatalogueStore {
  listCategories(): Promise<Category[]>;
  saveCategory(category: Category): Promise<void>;
  listServices(): Promise<Service[]>;
  getService(id: string): Promise<Service | null>;
  insertService(service: Service): Promise<void>;
  /** Writes `service` if its stored revision is still `expectedRevision`; false when it is not (nothing written). */
  updateService(service: Service, expectedRevision: string): Promise<boolean>;
  deleteService(id: string): Promise<boolean>;
  getVariantsByService(serviceId: string): Promise<ServiceOptionsAndVariants | null>;
  getVariants(id: string): Promise<ServiceOptionsAndVariants | null>;
  listVariants(): Promise<ServiceOptionsAndVariants[]>;
  insertVariants(variants: ServiceOptionsAndVariants): Promise<void>;
  updateVariants(variants: ServiceOptionsAndVariants, expectedRevision: string): Promise<boolean>;
  deleteVariants(id: string): Promise<boolean>;
}

export interface PolicyStore {
  list(): Promise<BookingPolicy[]>;
  get(id: string): Promise<BookingPolicy | null>;
  getDefault(): Promise<BookingPolicy | null>;
  insert(policy: BookingPolicy): Promise<void>;
  update(policy: BookingPolicy, expectedRevision: string): Promise<boolean>;
  /** Make `id` the only default policy; false when it does not exist. */
  setDefault(id: string): Promise<boolean>;
  delete(id: string): Promise<boolean>;
}

export interface StaffStore {
  list(): Promise<StaffMember[]>;
  get(id: string): Promise<StaffMember | null>;
  insert(staff: StaffMember): Promise<void>;
  update(staff: StaffMember, expectedRevision: string): Promise<boolean>;
  setWorkingHours(staffId: string, hours: WorkingHours[]): Promise<void>;
  delete(id: string): Promise<boolean>;
}

/** One session moved off its rule's time: keyed by the rule's own start (its event id), local date-times. */
export interface SessionMove {
  ruleId: string;
  localStart: string;
  movedStart: string;
  durationInMinutes: number;
}

/** Class and course sessions: recurring rules and single sessions, plus cancelled occurrences. */
export interface ScheduleStore {
  listRules(filter?: { serviceId?: string; serviceIds?: string[]; staffMemberId?: string }): Promise<SessionRule[]>;
  getRule(id: string): Promise<SessionRule | null>;
  insertRule(rule: SessionRule): Promise<void>;
  updateRule(rule: SessionRule, expectedRevision: string): Promise<boolean>;
  deleteRule(id: string): Promise<boolean>;
  /** Local start date-times of the rule's occurrences that were cancelled. */
  listCancelledOccurrences(ruleIds: string[]): Promise<{ ruleId: string; localStart: string }[]>;
  setOccurrenceCancelled(ruleId: string, localStart: string, cancelled: boolean): Promise<void>;
  /** Sessions of these rules moved off their rule's time (migration 15). */
  listMoves(ruleIds: string[]): Promise<SessionMove[]>;
  /** Move the session whose rule start is `localStart`, or (`null`) put it back at its rule's time. */
  setMove(ruleId: string, localStart: string, move: { movedStart: string; durationInMinutes: number } | null): Promise<void>;
}

export type { ContactStore, MemberRecord, MemberStore, PasswordResetRecord, PlanStore } from './member-types.js';

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  readonly business: BusinessStore;
  readonly catalogue: CatalogueStore;
  readonly policies: PolicyStore;
  readonly staff: StaffStore;
  readonly schedules: ScheduleStore;
  readonly contacts: ContactStore;
  readonly plans: PlanStore;
  readonly members: MemberStore;
  /** Business accounts, OWNER and STAFF (contract section 12; storage/business-user-types.ts). */
  readonly businessUsers: import('./business-user-types.js').BusinessUserStore;
  /** The business's customers: contacts with bookings, and members (storage/customer-types.ts). */
  readonly customers: import('./customer-types.js').CustomerStore;
  readonly occupancy: BookingOccupancyReader;
  readonly bookings: BookingStore;
  readonly tokens: TokenStore;
  readonly idempotency: IdempotencyStore;
  readonly notifications: NotificationStore;
  /** Subscribable calendar feeds and the bookings they show (storage/feed-types.ts). */
  readonly feeds: import('./feed-types.js').FeedStore;
  /** Checkouts, orders, payments and plan credits (storage/commerce-types.ts). */
  readonly commerce: import('./commerce-types.js').CommerceStores;
  /**
   * Windowed counters for the login throttle and the door limits (storage/counter-types.ts): in the database on
   * PostgreSQL, so every instance counts together; in memory on SQLite, which one process owns (docs/storage.md).
   */
  readonly counters: import('./counter-types.js').CounterStore;
  /** Booking and order events, appended in the transaction of the change, and their deliveries (storage/outbox-types.ts). */
  readonly outbox: import('./outbox-types.js').OutboxStore;
  /** Webhook endpoints and their signing secrets (storage/webhook-types.ts). */
  readonly webhooks: import('./webhook-types.js').WebhookStore;
  /** Which bookings' reminders are scheduled already (storage/reminder-types.ts). */
  readonly reminders: import('./reminder-types.js').ReminderStore;
  /** Business hours, contact details, reminder, sender and origin settings (storage/settings-types.ts). */
  readonly settings: import('./settings-types.js').SettingsStore;
  /**
   * A number that rises with every write to the business's setup: business, catalogue, variants, policies,
   * staff and hours, schedules, plans. Read-side caches (server/storage/setup-cache.ts) key on it, so no owner
   * change, seed or migration can leave a stale answer behind.
   */
  setupVersion(): number;
  /** Run `work` atomically: all of its writes land, or none do. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** The other server instances on the same database (PostgreSQL); none for SQLite, which one process owns. */
  readonly peers?: PeerChannel;
  close(): Promise<void>;
}

/** What instances tell each other after a commit (contract section 14: a change reaches every instance's streams). */
export interface PeerChannel {
  /** Tells the other instances that booking `id` changed; call it after the change committed. */
  announce(topic: 'booking', id: string): Promise<void>;
  /** Calls `handler` with every id another instance announced on `topic`. */
  on(topic: 'booking', handler: (id: string) => void): () => void;
  /** Calls `handler` when a lost connection is back: announcements made meanwhile were missed. */
  onReconnect(handler: () => void): () => void;
}

export type { CounterStore, CounterWindow } from './counter-types.js';
export type { BookingOccupancy, BookingOccupancyReader, BusyInterval, ParticipantCount } from './occupancy-types.js';
// ---- Bookings, identity, idempotency and owner notifications (issue 5) ----

/** A booking as stored: the Wix document plus the facts that are ours (who owns it, how it was created). */
export interface StoredBooking {
  booking: import('../../src/model/booking.js').Booking;
  /** Created by the owner with `skipAvailabilityValidation`: confirm-or-decline never declines it. */
  skipAvailabilityValidation: boolean;
  visitorId: string | null;
  memberId: string | null;
}

/** `staff`: a STAFF business account, its user id in `id` (an OWNER account is `owner` with its user id). */
export type ActorKind = 'owner' | 'staff' | 'visitor' | 'member' | 'anonymous' | 'system';

/** Who changed a booking, how, and from which status (the history line written with the change). */
export interface BookingChange {
  action: string;
  fromStatus: import('../../src/model/booking.js').BookingStatus | null;
  actor: { kind: ActorKind; id?: string };
  at: string;
  /** The business's word to the customer with this change (a cancelled or moved session); absent: the defaults. */
  notification?: ChangeNotification;
}

/** Whether the customer hears of a change (default: yes) and the business's message in that email. */
export interface ChangeNotification {
  notifyParticipants?: boolean;
  message?: string;
}

export interface BookingHistoryEntry extends BookingChange {
  bookingId: string;
  revision: string;
  toStatus: import('../../src/model/booking.js').BookingStatus;
  booking: import('../../src/model/booking.js').Booking;
}

export interface BookingStore {
  get(id: string): Promise<StoredBooking | null>;
  /** Insert a new booking and its first history line. */
  insert(record: StoredBooking, change: BookingChange): Promise<void>;
  /** Write `record` if the stored revision is still `expectedRevision` (false: nothing written), with a history line. */
  update(record: StoredBooking, expectedRevision: string, change: BookingChange): Promise<boolean>;
  /** All bookings, or those of one visitor or member, oldest first. */
  list(owner?: { visitorId?: string; memberId?: string }): Promise<StoredBooking[]>;
  /** The bookings of one class session in `statuses`, in arrival order (waitlists). */
  /**
   * Live (CREATED, PENDING, CONFIRMED), unpaid bookings that `owner` holds in one session: a class event, a
   * course's schedule, or an appointment service at one start. Counted by the store (the unpaid-bookings limit).
   */
  countUnpaidInSession(owner: { visitorId: string } | { memberId: string }, session: SessionKey): Promise<number>;
  listForEvent(eventId: string, statuses: readonly import('../../src/model/booking.js').BookingStatus[]): Promise<StoredBooking[]>;
  history(bookingId: string): Promise<BookingHistoryEntry[]>;
  /** Stores an anonymous access token; past `maxLive` live tokens for the booking, the oldest are revoked. */
  saveAccessToken(tokenHash: string, token: BookingAccessToken, maxLive: number): Promise<void>;
  /** The booking a live (unexpired, unrevoked) anonymous access token opens, or null. */
  findByAccessToken(tokenHash: string, now: string): Promise<BookingAccessToken | null>;
  /** Revokes the anonymous access tokens asked for by one session family (the visitor logged out). */
  revokeAccessTokensOfFamily(familyId: string, at: string): Promise<number>;
}

/** One session, as the unpaid-bookings limit names it. */
export type SessionKey = { eventId: string } | { courseScheduleId: string } | { serviceId: string; startUtc: string };

export interface BookingAccessToken {
  bookingId: string;
  /** The session family of the visitor or member who asked for it; none when the owner did. */
  familyId?: string;
  createdDate: string;
  expiresAt: string;
}

export interface TokenRecord {
  kind: 'access' | 'refresh';
  /** `business`: a business account (OWNER or STAFF), its id in business_users. */
  subject: { kind: 'visitor' | 'member' | 'business'; id: string };
  /** The access and refresh tokens issued together share a session; revoking one revokes the session. */
  sessionId: string;
  /** The first session of a login; refreshing keeps it, so logging out can end everything the login began. */
  familyId: string;
  clientId?: string;
  expiresAt: string;
  revokedAt?: string;
}

/** Visitor and member tokens, by the sha256 of the token (the token itself is never stored). */
export interface TokenStore {
  insert(tokenHash: string, record: TokenRecord): Promise<void>;
  find(tokenHash: string): Promise<TokenRecord | null>;
  revokeSession(sessionId: string, at: string): Promise<void>;
  /** Ends every session of a family (logout); returns how many tokens it revoked. */
  revokeFamily(familyId: string, at: string): Promise<number>;
  revoke(tokenHash: string, at: string): Promise<void>;
  /** Ends every session of one subject but the family `exceptFamilyId` (a password change, a deleted account). */
  revokeSubject(subject: TokenRecord['subject'], at: string, exceptFamilyId?: string): Promise<number>;
  purgeExpired(before: string): Promise<number>;
}

export interface IdempotentAnswer {
  requestHash: string;
  statusCode: number;
  response: unknown;
}

/** Answers of create calls by (caller scope, Idempotency-Key). */
export interface IdempotencyStore {
  /** The stored answer unless it expired before `now`. */
  get(scope: string, key: string, now: string): Promise<IdempotentAnswer | null>;
  put(scope: string, key: string, answer: IdempotentAnswer, at: string, expiresAt: string): Promise<void>;
  purgeExpired(now: string): Promise<number>;
  /** Claim (scope, key) before the work runs; see domain/bookings/idempotency.ts. */
  claim(scope: string, key: string, claim: IdempotencyClaim): Promise<IdempotencyClaimOutcome>;
  /** Store the answer of a claim (no-op unless that claim still holds the key). */
  complete(scope: string, key: string, claimId: string, statusCode: number, response: unknown): Promise<void>;
  /** Drop a claim whose work failed, so a retry runs again. */
  release(scope: string, key: string, claimId: string): Promise<void>;
}

export interface IdempotencyClaim {
  claimId: string;
  requestHash: string;
  at: string;
  /** A claim not completed by then is taken over (its process died). */
  claimedUntil: string;
  expiresAt: string;
}

export type IdempotencyClaimOutcome =
  { kind: 'claimed' } | { kind: 'done'; answer: IdempotentAnswer } | { kind: 'busy'; requestHash: string };

/** Something the business must look at (extension; a webhook comes later). */
/** The owner's notification: one type for the server and the console (src/model/booking-history.ts). */
export type { OwnerNotification } from '../../src/model/booking-history.js';

export interface NotificationStore {
  insert(notification: OwnerNotification): Promise<void>;
  /** Newest first. */
  list(filter?: { bookingId?: string }): Promise<OwnerNotification[]>;
}
