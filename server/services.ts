/**
 * Every service of the server, built in one place: the domain's use cases over one storage, one clock and the
 * payment providers, wired to each other (commerce.ts connects what follows booking changes and payments).
 * `buildServer` hands the result to the routes; nothing else constructs a service.
 */
import type { Storage } from './storage/types.js';
import { CatalogueService } from './domain/catalogue/catalogue-service.js';
import { AvailabilityService } from './domain/availability/service.js';
import { ScheduleAdmin } from './domain/availability/admin.js';
import { SessionCancel } from './domain/sessions/session-cancel.js';
import { SessionMover } from './domain/sessions/session-move.js';
import { createSlotResolver } from './domain/availability/resolver.js';
import type { SlotResolver } from './domain/availability/slot-resolver.js';
import { TokenService } from './domain/identity/tokens.js';
import { BookingEventBus } from './domain/bookings/events.js';
import { relayBookingChanges } from './domain/bookings/booking-relay.js';
import { Capacity } from './domain/bookings/capacity.js';
import { Idempotency } from './domain/bookings/idempotency.js';
import { BookingMutations } from './domain/bookings/mutation-context.js';
import { BookingCommands } from './domain/bookings/booking-commands.js';
import { BookingQueries } from './domain/bookings/booking-queries.js';
import { BookingSettlement } from './domain/bookings/booking-settlement.js';
import { AnonymousAccess } from './domain/bookings/anonymous-access.js';
import { Payments } from './domain/payments/payments.js';
import type { PaymentProvider } from './domain/payments/provider.js';
import { SandboxProvider } from './domain/payments/sandbox.js';
import { PlanService } from './domain/plans/plan-service.js';
import { MemberService } from './domain/members/member-service.js';
import { LoginThrottle } from './domain/members/login-throttle.js';
import { BusinessAccounts } from './domain/accounts/business-accounts.js';
import { CustomerService } from './domain/customers/customer-service.js';
import { CheckoutService } from './domain/checkout/checkout-service.js';
import { connectCommerce } from './commerce.js';
import { Outbox } from './domain/outbox/outbox.js';
import type { OutboxWorkerOptions } from './domain/outbox/worker.js';
import { WebhookService } from './domain/webhooks/service.js';
import { connectWebhooks } from './domain/webhooks/channel.js';
import { webhookSettings, type WebhookSettings } from './domain/webhooks/settings.js';

export interface ServiceOptions {
  storage: Storage;
  /** "Now" for every time rule (booking policies, default ranges, token expiry). */
  clock: () => Date;
  /** Payment providers for checkout and plans; default: the built-in `sandbox`. */
  paymentProviders?: PaymentProvider[] | undefined;
  /** Where failures of work that runs after a reply (refunds, late settlements) are reported. */
  log: (message: string, error: unknown) => void;
  /**
   * The outbox worker's settings; the worker starts with `outbox.worker.start()` (buildServer: when the server is
   * ready, so channels registered before that see every event); `{ enabled: false }` leaves it to `runOnce()`.
   */
  outbox?: OutboxWorkerOptions | undefined;
  /** Webhook delivery settings (domain/webhooks/settings.ts): private targets, timeout, body cap, endpoint cap. */
  webhooks?: WebhookSettings | undefined;
}

export interface Services {
  catalogue: CatalogueService;
  availability: AvailabilityService;
  /** The owner's staff, session rules, cancelled sessions and time zone. */
  schedule: ScheduleAdmin;
  /** One session cancelled with its bookings. */
  sessions: SessionCancel;
  /** One session moved, its bookings rescheduled with it. */
  sessionMoves: SessionMover;
  /** Resolves a booked entity to a concrete occupancy and counts its room (the availability/bookings seam). */
  slots: SlotResolver;
  /** Visitor (and member) access and refresh tokens. */
  tokens: TokenService;
  /** Booking changes after commit, for the live status streams. */
  bookingEvents: BookingEventBus;
  /** Create, the lifecycle calls, cancel and reschedule. */
  bookings: BookingCommands;
  bookingQueries: BookingQueries;
  anonymousBookings: AnonymousAccess;
  /** Idempotency-Key claims for create-type calls that have no service of their own (member registration). */
  idempotency: Idempotency;
  members: MemberService;
  /** Business accounts, OWNER and STAFF: their sign-in and the owner's CRUD (contract section 12). */
  businessAccounts: BusinessAccounts;
  plans: PlanService;
  /** The business's customers: the people in its bookings, and its members (domain/customers/). */
  customers: CustomerService;
  checkout: CheckoutService;
  /** Booking and order events to deliver: email and webhooks register their channels here (domain/outbox/). */
  outbox: Outbox;
  /** The owner's webhook endpoints and their delivery log (domain/webhooks/). */
  webhooks: WebhookService;
}

export function createServices(options: ServiceOptions): { services: Services; close(): Promise<void> } {
  const { storage, clock } = options;
  const slots = createSlotResolver(storage);
  const tokens = new TokenService(storage, clock);
  // One throttle for every password door: members and business accounts count wrong passwords together.
  const loginThrottle = new LoginThrottle({ counters: storage.counters });
  const bookingEvents = new BookingEventBus();
  const idempotency = new Idempotency(storage, clock);
  const mutations = new BookingMutations(storage, new Capacity(storage, slots), bookingEvents, clock);
  const bookingQueries = new BookingQueries(storage, clock);
  const settlement = new BookingSettlement(storage, mutations);

  const sandbox = options.paymentProviders ? null : new SandboxProvider();
  const payments = new Payments(storage.commerce, options.paymentProviders ?? (sandbox ? [sandbox] : []), clock);
  const plans = new PlanService(storage, payments, settlement, clock);
  const checkout = new CheckoutService(storage, { queries: bookingQueries, settlement }, plans, payments, clock, options.log);
  const unrelay = storage.peers ? relayBookingChanges(storage, storage.peers, bookingEvents, options.log) : () => undefined;
  const outbox = new Outbox(storage.outbox, { log: options.log, ...options.outbox });
  // A booking change committed (here or, through the relay, on another instance): its events are waiting.
  const unwake = bookingEvents.subscribeAll(() => outbox.wake());
  const hooks = webhookSettings(options.webhooks);
  const unhook = connectWebhooks(outbox, storage.webhooks, hooks);
  const disconnect = connectCommerce({ storage, mutations, bookingEvents, payments, plans, checkout, log: options.log });

  const services: Services = {
    catalogue: new CatalogueService(storage),
    availability: new AvailabilityService(storage, clock),
    schedule: new ScheduleAdmin(storage),
    sessions: new SessionCancel(storage, mutations),
    sessionMoves: new SessionMover(storage, mutations, clock),
    slots,
    tokens,
    bookingEvents,
    bookings: new BookingCommands(storage, mutations, idempotency, clock),
    bookingQueries,
    anonymousBookings: new AnonymousAccess(storage, clock),
    idempotency,
    members: new MemberService(storage, tokens, loginThrottle, clock),
    businessAccounts: new BusinessAccounts(storage, tokens, loginThrottle, clock),
    plans,
    customers: new CustomerService(storage, plans, clock),
    checkout,
    outbox,
    webhooks: new WebhookService(storage, outbox, hooks, clock),
  };
  return {
    services,
    async close(): Promise<void> {
      unwake();
      unhook();
      disconnect();
      unrelay();
      sandbox?.close();
      await outbox.worker.stop();
    },
  };
}
