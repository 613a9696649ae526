/**
 * The console's new booking as a flow (XState): service → option (when the service has variants) → time →
 * customer → review → book. Every step keeps what was chosen or typed when the owner goes back; a failed call
 * leaves the step as it was, with the error beside it. The calls are named actors, so tests can replace them.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';
import type { Booking, ContactDetails, PriceInfo } from '../../model/booking.js';
import type { CourseAvailability, TimeSlot } from '../../model/availability.js';
import type { Customer } from '../../model/customer.js';
import type { Service, ServiceOptionsAndVariants } from '../../model/service.js';
import { addDays } from '../shared/studio-time.js';
import { errorText } from '../texts.js';
import {
  contactErrors,
  createRequest,
  durationOf,
  hasVariants,
  priceLines,
  todayIn,
  type Choices,
  type ContactErrors,
  type OwnerOptions,
} from './new-booking-rules.js';
import { NEW_BOOKING_TEXT as T } from './new-booking-texts.js';

export interface NewBookingContext extends Choices {
  client: BookingClient;
  services: Service[];
  date: string;
  slots: TimeSlot[];
  contactErrors: ContactErrors;
  price?: PriceInfo;
  error?: string;
  booking?: Booking;
  /** A call answered 401: the session ended (the view signs out). */
  expired?: boolean;
  /** The customer to start with (`#new-booking/<customerId>`), read on start. */
  startCustomerId?: string;
}

export type NewBookingEvent =
  | { type: 'SERVICE'; serviceId: string }
  | { type: 'VARIANT'; variantId: string; participants: number }
  | { type: 'DATE'; date: string }
  | { type: 'STAFF'; staffId: string }
  | { type: 'SLOT'; slot: TimeSlot }
  | { type: 'COURSE' }
  | { type: 'PARTICIPANTS'; participants: number }
  | { type: 'CUSTOMER'; customer: Customer | undefined }
  | { type: 'DETAILS'; details: ContactDetails }
  | { type: 'CONTINUE' }
  | { type: 'OPTIONS'; options: Partial<OwnerOptions> }
  | { type: 'BOOK' }
  | { type: 'BACK' }
  | { type: 'RETRY' }
  | { type: 'RESTART' };

export interface NewBookingInput {
  client: BookingClient;
  /** A customer chosen before the flow starts (`#new-booking/<customerId>`). */
  customerId?: string | undefined;
}

type Start = { services: Service[]; timeZone: string; customer: Customer | undefined };

export const newBookingMachine = setup({
  types: { context: {} as NewBookingContext, events: {} as NewBookingEvent, input: {} as NewBookingInput },
  actors: {
    start: fromPromise<Start, { client: BookingClient; customerId: string | undefined }>(async ({ input: { client, customerId } }) => {
      const [services, site, customer] = await Promise.all([
        client.services.queryServices({ paging: { limit: 100 } }),
        client.services.getSiteProperties(),
        customerId ? client.customers.getCustomer(customerId).then((r) => r.customer) : Promise.resolve(undefined),
      ]);
      return { services: services.services, timeZone: site.properties.timeZone, customer };
    }),
    loadVariants: fromPromise<ServiceOptionsAndVariants | null, { client: BookingClient; serviceId: string }>(async ({ input }) => {
      try {
        return (await input.client.services.getServiceOptionsAndVariantsByServiceId(input.serviceId)).serviceVariants;
      } catch (e) {
        if (e instanceof BookingApiError && e.status === 404) return null; // a service without variants
        throw e;
      }
    }),
    loadSlots: fromPromise<{ slots: TimeSlot[]; course?: CourseAvailability }, NewBookingContext>(async ({ input: c }) => {
      const service = c.service as Service;
      const range = { fromLocalDate: `${c.date}T00:00:00`, toLocalDate: `${addDays(c.date, 1)}T00:00:00`, timeZone: c.timeZone };
      if (service.type === 'COURSE')
        return { slots: [], course: await c.client.timeSlots.getCourseAvailability(service.id, { timeZone: c.timeZone }) };
      if (service.type === 'CLASS') {
        const r = await c.client.timeSlots.listEventTimeSlots({
          serviceIds: [service.id],
          ...range,
          includeNonBookable: true,
          cursorPaging: { limit: 200 },
        });
        return { slots: r.timeSlots };
      }
      const minutes = durationOf(c);
      // Full times too (no `bookable` filter): the owner may double-book one.
      const r = await c.client.timeSlots.listAvailabilityTimeSlots({
        serviceId: service.id,
        ...range,
        ...(minutes ? { customerChoices: { durationInMinutes: minutes } } : {}),
      });
      return { slots: r.timeSlots };
    }),
    preview: fromPromise<PriceInfo | undefined, NewBookingContext>(async ({ input: c }) =>
      c.service?.payment.rateType === 'NO_FEE' ? undefined : (await c.client.pricing.previewPrice(priceLines(c))).priceInfo,
    ),
    book: fromPromise<Booking, NewBookingContext>(async ({ input: c }) => {
      const { booking, ...options } = createRequest(c);
      const created = (await c.client.bookings.createBooking(booking, options)).booking;
      // As a checkout would: the service's own rule (approval or not) decides, unless the owner confirmed already.
      if (created.status !== 'CREATED') return created;
      return (await c.client.bookings.confirmOrDeclineBooking(created.id)).booking;
    }),
  },
  guards: {
    hasVariants: ({ event }) => hasVariants((event as unknown as { output: ServiceOptionsAndVariants | null }).output),
    detailsValid: ({ context }) => context.customer !== undefined || Object.keys(contactErrors(context.details)).length === 0,
    cameWithVariants: ({ context }) => hasVariants(context.variants),
  },
  actions: {
    clearError: assign({ error: undefined }),
    // Used on invoked actors' errors only; setup types the event as the machine's own events, hence the cast.
    noteError: assign(({ event }) => {
      const error = (event as unknown as { error: unknown }).error;
      return { error: errorText(error), expired: error instanceof BookingApiError && error.status === 401 };
    }),
  },
}).createMachine({
  id: 'newBooking',
  context: ({ input }) => ({
    client: input.client,
    services: [],
    participants: 1,
    staffId: '',
    details: {},
    contactErrors: {},
    options: { doubleBook: false, confirmNow: false },
    timeZone: 'UTC',
    date: '',
    slots: [],
    ...(input.customerId ? { startCustomerId: input.customerId } : {}),
  }),
  initial: 'starting',
  states: {
    starting: {
      invoke: {
        src: 'start',
        input: ({ context }) => ({ client: context.client, customerId: context.startCustomerId }),
        onDone: {
          target: 'service',
          actions: assign(({ event }) => ({
            services: event.output.services,
            timeZone: event.output.timeZone,
            date: todayIn(event.output.timeZone),
            customer: event.output.customer,
          })),
        },
        onError: { target: 'startFailed', actions: 'noteError' },
      },
    },
    startFailed: { on: { RETRY: { target: 'starting', actions: 'clearError' } } },
    service: {
      on: {
        SERVICE: {
          target: 'variants',
          actions: assign(({ context, event }) => {
            const service = context.services.find((s) => s.id === event.serviceId);
            const same = service?.id === context.service?.id;
            // Another service: what was chosen for the last one no longer applies.
            return same
              ? {}
              : { service, variants: undefined, variantId: undefined, slot: undefined, course: undefined, participants: 1, staffId: '' };
          }),
        },
      },
    },
    variants: {
      entry: 'clearError',
      invoke: {
        src: 'loadVariants',
        input: ({ context }) => ({ client: context.client, serviceId: context.service?.id ?? '' }),
        onDone: [
          { guard: 'hasVariants', target: 'variant', actions: assign({ variants: ({ event }) => event.output }) },
          { target: 'slot', actions: assign({ variants: ({ event }) => event.output }) },
        ],
        onError: { target: 'service', actions: 'noteError' },
      },
    },
    variant: {
      on: {
        VARIANT: { target: 'slot', actions: assign(({ event }) => ({ variantId: event.variantId, participants: event.participants })) },
        BACK: 'service',
      },
    },
    slot: {
      initial: 'loading',
      on: {
        DATE: { target: '.loading', actions: assign({ date: ({ event }) => event.date, slot: undefined }) },
        STAFF: { actions: assign({ staffId: ({ event }) => event.staffId }) },
        PARTICIPANTS: { actions: assign({ participants: ({ event }) => event.participants }) },
        SLOT: { target: 'customer', actions: assign({ slot: ({ event }) => event.slot }) },
        COURSE: { target: 'customer', guard: ({ context }) => context.course !== undefined },
        BACK: [{ guard: 'cameWithVariants', target: 'variant' }, { target: 'service' }],
      },
      states: {
        loading: {
          entry: 'clearError',
          invoke: {
            src: 'loadSlots',
            input: ({ context }) => context,
            onDone: { target: 'ready', actions: assign(({ event }) => ({ slots: event.output.slots, course: event.output.course })) },
            onError: { target: 'failed', actions: 'noteError' },
          },
        },
        ready: {},
        failed: { on: { RETRY: 'loading' } },
      },
    },
    customer: {
      entry: 'clearError',
      on: {
        CUSTOMER: { actions: assign({ customer: ({ event }) => event.customer }) },
        DETAILS: { actions: assign({ details: ({ event }) => event.details }) },
        CONTINUE: [
          { guard: 'detailsValid', target: 'review', actions: assign({ contactErrors: {} }) },
          { actions: assign({ contactErrors: ({ context }) => contactErrors(context.details) }) },
        ],
        BACK: 'slot.ready',
      },
    },
    review: {
      initial: 'pricing',
      on: {
        OPTIONS: { actions: assign({ options: ({ context, event }) => ({ ...context.options, ...event.options }) }) },
        BACK: 'customer',
      },
      states: {
        pricing: {
          invoke: {
            src: 'preview',
            input: ({ context }) => context,
            onDone: { target: 'ready', actions: assign({ price: ({ event }) => event.output }) },
            // The price is shown when known; the server prices the booking itself either way.
            onError: { target: 'ready', actions: assign({ price: undefined }) },
          },
        },
        ready: { on: { BOOK: 'booking' } },
        booking: {
          entry: 'clearError',
          invoke: {
            src: 'book',
            input: ({ context }) => context,
            onDone: { target: '#newBooking.done', actions: assign({ booking: ({ event }) => event.output }) },
            onError: {
              target: 'ready',
              actions: assign({
                error: ({ event }) => {
                  const e = event.error;
                  const taken = e instanceof BookingApiError && (e.code === 'SLOT_NOT_AVAILABLE' || e.code === 'SESSION_CAPACITY_EXCEEDED');
                  return taken ? T.slotTaken : errorText(e);
                },
              }),
            },
          },
        },
      },
    },
    done: {
      on: {
        RESTART: {
          target: 'service',
          actions: assign({
            booking: undefined,
            slot: undefined,
            customer: undefined,
            details: {},
            options: { doubleBook: false, confirmNow: false },
          }),
        },
      },
    },
  },
});
