/**
 * The flow's invoked actors, bound to a client: every API call of the widget goes through here. The machines
 * name them in `setup`; `flowMachine.provide({ actors: createFlowActors(...) })` plugs them in (placing a
 * booking is a child machine, given its own four), and tests provide fakes instead.
 */
import { fromCallback, fromPromise } from 'xstate';
import type { WidgetClient } from '../api/client.js';
import { BookingApiError } from '../api/errors.js';
import type { Booking, PriceInfo } from '../model/booking.js';
import type { Checkout } from '../model/checkout.js';
import type { Member } from '../model/members.js';
import type { ServiceOptionsAndVariants } from '../model/service.js';
import type { WidgetStore } from '../store/index.js';
import type { SessionHolder } from './session.js';
import { withRetry } from './retry.js';
import { catalogueOf, type CatalogueFeed } from './catalogue-feed.js';
import { placeBookingMachine } from './place-booking.machine.js';
import { manageActors, type ManageCallsLoader } from './manage-actors.js';
import type {
  CalendarFile,
  Catalogue,
  RegisterDetails,
  CreateBookingCall,
  CreateCheckoutCall,
  FlowEvent,
  OrderRequest,
  PriceLines,
  SlotsQuery,
  SlotsResult,
} from './types.js';

export interface FlowDeps {
  client: WidgetClient;
  session: SessionHolder;
  store: WidgetStore;
  /** Where the catalogue comes from (with its IndexedDB copy); without one, every load asks the network. */
  catalogue?: CatalogueFeed | undefined;
  /** Fetches the my-bookings and manage calls (./manage-calls.ts), the first time one runs. */
  manageCalls: ManageCallsLoader;
}

export function createFlowActors(deps: FlowDeps) {
  return {
    ...stepActors(deps),
    ...manageActors(deps, deps.manageCalls),
    placeBooking: placeBookingMachine.provide({ actors: placementActors(deps) }),
  };
}

/** The session, booking, checkout and order calls the placing child machine makes. */
export function placementActors({ client, session, store }: FlowDeps) {
  return {
    startSession: fromPromise<void>(() => withRetry(() => session.ensure())),

    createBooking: fromPromise<Booking, CreateBookingCall>(async ({ input }) => {
      const { booking } = await client.bookings.createBooking(input.request, { idempotencyKey: input.key });
      await store.saveBooking(booking).catch(() => undefined);
      // The anonymous token lets this visitor manage the booking later; storing it is best effort.
      client.bookings.getAnonymousActionDetails(booking.id).then(
        ({ token }) => store.saveBooking(booking, token),
        () => undefined,
      );
      return booking;
    }),

    createCheckout: fromPromise<Checkout, CreateCheckoutCall>(
      async ({ input }) => (await client.checkout.createCheckout([input.bookingId], { idempotencyKey: input.key })).checkout,
    ),

    createOrder: createOrder(client),
  };
}

const createOrder = (client: WidgetClient) =>
  fromPromise<{ orderId: string }, OrderRequest>(({ input }) =>
    client.checkout.createOrder(input.checkoutId, {
      idempotencyKey: input.key,
      ...(input.cardToken ? { payment: { provider: 'sandbox', cardToken: input.cardToken } } : {}),
    }),
  );

/** The calls of the steps around placing: catalogue, times, price, the card payment, status and members. */
function stepActors({ client, session, store, catalogue }: FlowDeps) {
  // The feed's catalogue (maybe the stored copy, painted already) the first time; the network's on Try again.
  let asked = false;
  const nextCatalogue = async (): Promise<Catalogue> => {
    if (catalogue) return asked ? catalogue.refresh() : ((asked = true), catalogue.current());
    const [list, props] = await Promise.all([
      withRetry(() => client.services.queryServices({ paging: { limit: 100 } })),
      withRetry(() => client.services.getSiteProperties()).catch(() => undefined), // optional: the zone switch hides
    ]);
    const p = props?.properties;
    return catalogueOf(list.services, p ? { name: p.siteDisplayName, timeZone: p.timeZone, currency: p.paymentCurrency } : undefined);
  };
  /** A member's tokens replace the visitor's, then the member's profile is read with them. */
  const signIn = async (email: string, password: string): Promise<Member> => {
    const tokens = await client.auth.login(email, password);
    await session.useMember(tokens, '');
    const member = await client.members.getMyMember();
    await session.useMember(tokens, member.id);
    return member;
  };
  return {
    loadCatalogue: fromPromise<Catalogue>(() => nextCatalogue()),

    loadVariants: fromPromise<ServiceOptionsAndVariants | null, { serviceId: string }>(async ({ input }) => {
      try {
        return (await withRetry(() => client.services.getServiceOptionsAndVariantsByServiceId(input.serviceId))).serviceVariants;
      } catch (e) {
        if (e instanceof BookingApiError && e.status === 404) return null; // a service without variants
        throw e;
      }
    }),

    loadSlots: fromPromise<SlotsResult, SlotsQuery>(async ({ input }) => {
      const { service, fromLocalDate, toLocalDate, timeZone } = input;
      if (service.type === 'COURSE') {
        return { slots: [], course: await withRetry(() => client.timeSlots.getCourseAvailability(service.id, { timeZone })) };
      }
      const answer =
        service.type === 'CLASS'
          ? await withRetry(() =>
              client.timeSlots.listEventTimeSlots({
                serviceIds: [service.id],
                fromLocalDate,
                toLocalDate,
                timeZone,
                includeNonBookable: true,
                cursorPaging: { limit: 500 },
              }),
            )
          : await withRetry(() =>
              client.timeSlots.listAvailabilityTimeSlots({
                serviceId: service.id,
                fromLocalDate,
                toLocalDate,
                timeZone,
                bookable: true,
                ...(input.durationInMinutes ? { customerChoices: { durationInMinutes: input.durationInMinutes } } : {}),
              }),
            );
      return { slots: answer.timeSlots, course: undefined };
    }),

    previewPrice: fromPromise<PriceInfo, { lines: PriceLines }>(
      async ({ input }) => (await withRetry(() => client.pricing.previewPrice(input.lines))).priceInfo,
    ),

    createOrder: createOrder(client),

    fetchBooking: fromPromise<Booking, { bookingId: string }>(async ({ input }) => {
      const booking = await client.bookings.getBooking(input.bookingId);
      await store.saveBooking(booking).catch(() => undefined);
      return booking;
    }),

    cancelBooking: fromPromise<Booking, { bookingId: string; revision: string }>(
      async ({ input }) => (await client.bookings.cancelBooking(input.bookingId, { revision: input.revision })).booking,
    ),

    /**
     * The booking's `.ics` link: by its anonymous token (kept on this device, else asked for once and kept), so a
     * plain link downloads it for visitors and members alike, where a bearer header could not ride along.
     */
    calendarFile: fromPromise<CalendarFile, { booking: Booking | undefined }>(async ({ input: { booking } }) => {
      if (!booking) throw new Error('no booking to add to a calendar');
      const kept = (await store.listBookings().catch(() => [])).find((b) => b.id === booking.id)?.anonymousToken;
      const token = kept ?? (await withRetry(() => client.bookings.getAnonymousActionDetails(booking.id))).token;
      if (!kept) await store.saveBooking(booking, token).catch(() => undefined);
      return { bookingId: booking.id, url: client.bookings.anonymousCalendarUrl(token) };
    }),

    /** The live status stream (SSE). EventSource reconnects by itself; each message carries the whole booking. */
    watchBooking: fromCallback<FlowEvent, { bookingId: string }>(({ sendBack, input }) => {
      if (typeof EventSource === 'undefined') return undefined;
      const source = new EventSource(client.bookings.bookingEventsUrl(input.bookingId));
      source.addEventListener('booking', (e) => {
        try {
          const booking = JSON.parse((e as MessageEvent<string>).data) as Booking;
          void store.saveBooking(booking).catch(() => undefined);
          sendBack({ type: 'BOOKING_UPDATED', booking });
        } catch {
          // A malformed message: ignore it, the next one carries the whole booking again.
        }
      });
      return () => source.close();
    }),

    login: fromPromise<Member, { email: string; password: string }>(({ input }) => signIn(input.email, input.password)),

    /** Sign up, then sign in. A known email's sign-in fails (its owner was emailed): the refusal says so. */
    register: fromPromise<Member, RegisterDetails>(async ({ input }) => {
      const { firstName, lastName, email, password } = input;
      await client.members.register({ email, password, ...(firstName ? { firstName } : {}), ...(lastName ? { lastName } : {}) });
      return signIn(email, password);
    }),

    requestPasswordReset: fromPromise<void, { email: string }>(async ({ input }) => {
      await client.members.requestPasswordReset(input.email);
    }),

    resetPassword: fromPromise<void, { token: string; password: string }>(async ({ input }) => {
      await client.members.resetPassword(input.token, input.password);
    }),

    logout: fromPromise<void>(async () => {
      const token = session.token();
      await session.clear();
      if (token) await client.auth.revoke(token).catch(() => undefined);
    }),
  };
}

export type FlowActors = ReturnType<typeof createFlowActors>;
