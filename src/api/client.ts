/**
 * The typed JavaScript client (contract section 9a). Same shape and method names as Wix's
 * `import { bookings } from 'wix-bookings.v2'` where Wix has the method; no UI; runs in browsers and Node.
 * The widget talks to the server through this and nothing else.
 */
import type { Query, PagingMetadata, QueryPagingMetadata, LocalDateTime, TimeZone } from '../model/common.js';
import type { Service, ServiceOptionsAndVariants } from '../model/service.js';
import type {
  Booking,
  BookedSlot,
  CreateBookingRequest,
  ExtendedBooking,
  FlowControlSettings,
  PaymentStatus,
  PriceInfo,
  ParticipantsChoices,
} from '../model/booking.js';
import type {
  TimeSlotsResponse,
  EventTimeSlotsResponse,
  ListAvailabilityTimeSlotsRequest,
  ListEventTimeSlotsRequest,
  CourseAvailability,
} from '../model/availability.js';
import type { Checkout, EcomOrder, PaymentInput } from '../model/checkout.js';
import type { BusinessUser } from '../model/business-user.js';
import type { EmailListResponse } from '../model/email.js';
import type { Member, MemberPlanOrder, PricingPlan, TokenResponse } from '../model/members.js';
import { Transport, newIdempotencyKey, type TransportOptions } from './transport.js';
import { bookingCalls } from './booking-calls.js';
import { customersCalls } from './customers-calls.js';
import { exportCalls } from './export-calls.js';
import { staffCalls } from './staff-calls.js';
import { servicesCalls } from './services-calls.js';
import { variantCalls } from './variant-calls.js';
import { settingsCalls } from './settings-calls.js';
import { webhooksCalls } from './webhooks-calls.js';
import { policyCalls } from './policy-calls.js';
import { scheduleCalls } from './schedule-calls.js';
import { memberAccountCalls } from './member-account-calls.js';
import { myBookingsCalls } from './my-bookings-calls.js';

export type ClientOptions = TransportOptions;

const enc = encodeURIComponent;

type Options = { idempotencyKey?: string; signal?: AbortSignal };

/**
 * The calls the widget makes, and only those: the widget builds its client with this, so the owner's calls below
 * stay out of its bundle (an object literal's unused methods are not tree-shaken). `createClient` adds the rest.
 */
export function createWidgetClient(options: ClientOptions) {
  return widgetCalls(new Transport(options));
}

export type WidgetClient = ReturnType<typeof createWidgetClient>;

function widgetCalls(t: Transport) {
  const services = {
    queryServices: (query?: Query) =>
      t.request<{ services: Service[]; pagingMetadata: PagingMetadata }>('POST', '/bookings/v2/services/query', {
        body: { query },
        anonymous: true,
      }),
    /** `queryServices` revalidated: `notModified` while the list still has `etag` (the server's weak ETag). */
    queryServicesIfChanged: (query: Query | undefined, etag: string | undefined) =>
      t.revalidate<{ services: Service[]; pagingMetadata: PagingMetadata }>('POST', '/bookings/v2/services/query', etag, {
        body: { query },
        anonymous: true,
      }),
    getServiceOptionsAndVariantsByServiceId: (serviceId: string) =>
      t.request<{ serviceVariants: ServiceOptionsAndVariants }>(
        'GET',
        `/bookings/v1/serviceOptionsAndVariants/service_id/${enc(serviceId)}`,
        { anonymous: true },
      ),
    getSiteProperties: () =>
      t.request<{
        properties: {
          siteDisplayName: string;
          timeZone: TimeZone;
          paymentCurrency: string;
          locale: { languageCode: string; country: string };
        };
      }>('GET', '/site-properties/v4/properties', { anonymous: true }),
  };

  const timeSlots = {
    listAvailabilityTimeSlots: (request: ListAvailabilityTimeSlotsRequest) =>
      t.request<TimeSlotsResponse>('POST', '/service-availability/v2/time-slots', { body: request, anonymous: true }),
    listEventTimeSlots: (request: ListEventTimeSlotsRequest) =>
      t.request<EventTimeSlotsResponse>('POST', '/service-availability/v2/time-slots/event', { body: request, anonymous: true }),
    /** Extension (contract section 4, courses): the course's schedule with its open spots. */
    getCourseAvailability: (serviceId: string, opts: { timeZone?: TimeZone } = {}) =>
      t
        .request<{ course: CourseAvailability }>('POST', '/service-availability/v2/time-slots/course', {
          body: { serviceId, ...opts },
          anonymous: true,
        })
        .then((r) => r.course),
  };

  const bookings = {
    createBooking: (booking: CreateBookingRequest['booking'], opts: Omit<CreateBookingRequest, 'booking'> & Options = {}) => {
      const { idempotencyKey = newIdempotencyKey(), signal, ...rest } = opts;
      return t.request<{ booking: Booking }>('POST', '/bookings/v2/bookings', {
        body: { booking, ...rest },
        idempotencyKey,
        ...(signal ? { signal } : {}),
      });
    },
    getBooking: (bookingId: string) =>
      t.request<{ booking: Booking }>('GET', `/bookings/v2/bookings/${enc(bookingId)}`).then((r) => r.booking),
    cancelBooking: (bookingId: string, opts: { revision: string; flowControlSettings?: { ignoreCancellationPolicy?: boolean } }) =>
      t.request<{ booking: Booking }>('POST', `/bookings/v2/bookings/${enc(bookingId)}/cancel`, { body: opts }),
    getAnonymousActionDetails: (bookingId: string) => t.request<{ token: string }>('GET', `/v1/anonymous-bookings/${enc(bookingId)}/token`),
    /** The booking's `.ics` by its anonymous token: a plain link (no header), for visitors and members alike. */
    anonymousCalendarUrl: (token: string) => t.url(`/v1/anonymous-bookings/${enc(token)}/calendar.ics`),
    /** The live status stream's URL (Server-Sent Events); EventSource cannot send headers, so the token rides along. */
    bookingEventsUrl: (bookingId: string) => {
      const token = t.currentToken();
      return t.url(`/bookings/v2/bookings/${enc(bookingId)}/events${token ? `?access_token=${enc(token)}` : ''}`);
    },
  };

  const pricing = {
    previewPrice: (
      bookingLineItems: {
        serviceId: string;
        serviceChoices?: ParticipantsChoices['serviceChoices'];
        numberOfParticipants?: number;
        localStartDate?: LocalDateTime;
        timeZone?: TimeZone;
      }[],
    ) => t.request<{ priceInfo: PriceInfo }>('POST', '/bookings/v2/pricing/preview', { body: { bookingLineItems }, anonymous: true }),
  };

  const checkout = {
    createCheckout: (bookingIds: string[], opts: Options = {}) =>
      t.request<{ checkout: Checkout }>('POST', '/ecom/v1/checkouts', {
        body: {
          lineItems: bookingIds.map((id) => ({
            quantity: 1,
            catalogReference: { appId: '13d21c63-b5ec-5912-8397-c3a5ddb27a97', catalogItemId: id },
          })),
          channelType: 'WEB',
        },
        idempotencyKey: opts.idempotencyKey ?? newIdempotencyKey(),
      }),
    createOrder: (checkoutId: string, opts: { payment?: PaymentInput } & Options = {}) =>
      t.request<{ orderId: string }>('POST', `/ecom/v1/checkouts/${enc(checkoutId)}/create-order`, {
        body: opts.payment ? { payment: opts.payment } : {},
        idempotencyKey: opts.idempotencyKey ?? newIdempotencyKey(),
      }),
  };

  const auth = {
    anonymousToken: (clientId: string) =>
      t.request<TokenResponse>('POST', '/oauth2/token', { body: { clientId, grantType: 'anonymous' }, anonymous: true }),
    login: (email: string, password: string) =>
      t.request<TokenResponse>('POST', '/oauth2/token', { body: { grantType: 'password', email, password }, anonymous: true }),
    refresh: (refreshToken: string) =>
      t.request<TokenResponse>('POST', '/oauth2/token', {
        body: { grantType: 'refresh_token', refresh_token: refreshToken },
        anonymous: true,
      }),
    revoke: (token: string) => t.request<Record<string, never>>('POST', '/oauth2/revoke', { body: { token } }),
  };

  const members = {
    getMyMember: () => t.request<{ member: Member }>('GET', '/members/v1/members/my').then((r) => r.member),
    ...memberAccountCalls(t),
  };

  return { bookings, services, timeSlots, pricing, checkout, members, auth, ...myBookingsCalls(t) };
}

export function createClient(options: ClientOptions) {
  const t = new Transport(options);
  const w = widgetCalls(t);

  const services = {
    ...w.services,
    getService: (serviceId: string) =>
      t.request<{ service: Service }>('GET', `/bookings/v2/services/${enc(serviceId)}`).then((r) => r.service),
  };

  const bookings = {
    ...w.bookings,
    confirmBooking: (bookingId: string, revision: string, opts: { paymentStatus?: PaymentStatus; doubleBooked?: boolean } = {}) =>
      t.request<{ booking: Booking }>('POST', `/bookings/v2/bookings/${enc(bookingId)}/confirm`, { body: { revision, ...opts } }),
    declineBooking: (bookingId: string, revision: string, opts: { paymentStatus?: PaymentStatus } = {}) =>
      t.request<{ booking: Booking }>('POST', `/bookings/v2/bookings/${enc(bookingId)}/decline`, { body: { revision, ...opts } }),
    rescheduleBooking: (
      bookingId: string,
      slot: BookedSlot,
      opts: { revision: string; flowControlSettings?: FlowControlSettings & { ignoreReschedulePolicy?: boolean } },
    ) => t.request<{ booking: Booking }>('POST', `/bookings/v2/bookings/${enc(bookingId)}/reschedule`, { body: { slot, ...opts } }),
    markBookingAsPending: (bookingId: string, revision: string) =>
      t.request<{ booking: Booking }>('POST', `/bookings/v2/bookings/${enc(bookingId)}/mark_booking_as_pending`, { body: { revision } }),
    updateNumberOfParticipants: (
      bookingId: string,
      opts: { revision: string; totalParticipants?: number; participantsChoices?: ParticipantsChoices },
    ) => t.request<{ booking: Booking }>('POST', `/bookings/v2/bookings/${enc(bookingId)}/update_number_of_participants`, { body: opts }),
    confirmOrDeclineBooking: (bookingId: string, opts: { paymentStatus?: PaymentStatus } = {}) =>
      t.request<{ booking: Booking }>('POST', `/bookings/v2/confirmation/${enc(bookingId)}:confirmOrDecline`, { body: opts }),
    queryExtendedBookings: (query?: Query) =>
      t.request<{ extendedBookings: ExtendedBooking[]; pagingMetadata: QueryPagingMetadata }>(
        'POST',
        '/bookings-reader/v2/extended-bookings/query',
        { body: { query } },
      ),
  };

  const pricing = {
    ...w.pricing,
    calculatePrice: (booking: Partial<Booking>) =>
      t.request<{ priceInfo: PriceInfo }>('POST', '/bookings/v2/pricing/calculate', { body: { booking } }),
  };

  const orders = {
    getOrder: (orderId: string) => t.request<{ order: EcomOrder }>('GET', `/ecom/v1/orders/${enc(orderId)}`).then((r) => r.order),
    markAsPaid: (orderId: string) => t.request<{ order: EcomOrder }>('POST', `/ecom/v1/orders/${enc(orderId)}/mark-as-paid`, { body: {} }),
  };

  const members = w.members;

  const pricingPlans = {
    listPlans: () => t.request<{ plans: PricingPlan[] }>('GET', '/pricing-plans/v2/plans', { anonymous: true }),
    buyPlan: (planId: string, payment: PaymentInput, opts: Options = {}) =>
      t.request<{ order: MemberPlanOrder }>('POST', '/pricing-plans/v2/orders', {
        body: { planId, payment },
        idempotencyKey: opts.idempotencyKey ?? newIdempotencyKey(),
      }),
    listMyOrders: () => t.request<{ orders: MemberPlanOrder[] }>('GET', '/pricing-plans/v2/member/orders'),
  };

  /** Business accounts (contract section 12): the console signs in with these and sends that token after. */
  const business = {
    login: (email: string, password: string) =>
      t.request<TokenResponse>('POST', '/oauth2/token', {
        body: { grantType: 'password', email, password, scope: 'business' },
        anonymous: true,
      }),
    getMe: () => t.request<{ user: BusinessUser }>('GET', '/business/v1/me').then((r) => r.user),
    /** The business live stream's URL (Server-Sent Events, `event: booking`); the token rides along as EventSource sends no headers. */
    bookingEventsUrl: () => {
      const token = t.currentToken();
      return t.url(`/bookings/v2/events${token ? `?access_token=${enc(token)}` : ''}`);
    },
  };

  /** The owner's list of emails (docs/notifications.md, "The owner's list"): the console's outbox view. */
  const notifications = {
    listEmails: (limit = 100) => t.request<EmailListResponse>('GET', `/notifications/v1/emails?limit=${limit}`),
    /** A sent email's `.eml` file (`files` transport only), fetched with the token. */
    emailMessage: (id: string) => t.blob(`/notifications/v1/emails/${enc(id)}/message.eml`),
  };

  return {
    ...w,
    bookings,
    services,
    pricing,
    orders,
    members,
    pricingPlans,
    business,
    notifications,
    ...bookingCalls(t),
    ...customersCalls(t),
    ...staffCalls(t),
    ...exportCalls(t),
    ...servicesCalls(t),
    ...variantCalls(t),
    ...settingsCalls(t),
    ...webhooksCalls(t),
    ...policyCalls(t),
    ...scheduleCalls(t),
  };
}

export type BookingClient = ReturnType<typeof createClient>;
