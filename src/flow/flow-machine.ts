/**
 * The widget's flow: service → variant and participants → slot → details → review → checkout → status.
 * Every API call is an invoked actor named in `setup` (bound to a client by `createFlowActors`, replaced by
 * fakes in tests); the context is plain JSON, so `getPersistedSnapshot()` can be saved after every step and a
 * reload resumes at the same step with the same choices.
 */
import { assign, emit, enqueueActions, fromPromise, setup } from 'xstate';
import type { Booking } from '../model/booking.js';
import { BookingApiError } from '../api/errors.js';
import { isFinalStatus } from '../lifecycle/decide.js';
import type { FlowActors } from './actors.js';
import { chosenDuration, createBookingRequest, maxParticipants, previewLines, singleChoice } from './booking-request.js';
import { addMonths, monthOf, monthRange, openDays, slotDay, todayIn } from './calendar.js';
import { cleanDetails, detailsValid } from './details.js';
import { estimatePrice, isZero, paymentChoices, totalParticipants } from './price.js';
import { toFlowError } from './retry.js';
import { uuid } from '../api/uuid.js';
import type { FlowContext, FlowEmitted, FlowEvent, FlowInput, Step } from './types.js';

export const FLOW_VERSION = 1;
/** How many empty months the calendar skips by itself before showing "no open times". */
const AUTO_ADVANCE_MONTHS = 2;

const newKeys = () => ({ booking: uuid(), checkout: uuid(), order: uuid() });

const ACTOR_NAMES = [
  'loadCatalogue',
  'loadVariants',
  'loadSlots',
  'previewPrice',
  'startSession',
  'createBooking',
  'createCheckout',
  'createOrder',
  'fetchBooking',
  'cancelBooking',
  'watchBooking',
  'login',
  'logout',
] as const;

/** Placeholders until `provide` supplies the real actors: each fails loudly, naming itself. */
function missingActors(): FlowActors {
  const logic = (name: string) =>
    fromPromise(async () => {
      throw new Error(`flow actor "${name}" was not provided`);
    });
  // The placeholders never resolve, so their output types don't matter: cast to the real actors' shape.
  return Object.fromEntries(ACTOR_NAMES.map((n) => [n, logic(n)])) as unknown as FlowActors;
}

export function initialContext(input: FlowInput): FlowContext {
  const customerTimeZone = input.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const today = input.today ?? todayIn(customerTimeZone);
  return {
    version: FLOW_VERSION,
    presetServiceId: input.serviceId || undefined,
    categoryId: input.categoryId || undefined,
    memberLogin: input.memberLogin ?? 'optional',
    customerTimeZone,
    services: [],
    business: undefined,
    service: undefined,
    variants: undefined,
    variantShown: false,
    counts: {},
    timeZone: customerTimeZone,
    month: monthOf(today),
    today,
    slots: [],
    autoAdvance: AUTO_ADVANCE_MONTHS,
    course: undefined,
    day: undefined,
    staffId: undefined,
    slot: undefined,
    details: { ...input.prefill },
    remember: input.remembered ?? false,
    member: undefined,
    payment: 'ONLINE',
    depositSelected: false,
    priceInfo: undefined,
    keys: newKeys(),
    booking: undefined,
    checkout: undefined,
    orderId: undefined,
    raceLost: false,
    paymentError: undefined,
    error: undefined,
  };
}

/** The visible step for a snapshot value (loading and transient states show the step they belong to). */
export function stepOf(value: unknown, ctx: Pick<FlowContext, 'presetServiceId'>): Step {
  const top = typeof value === 'string' ? value : Object.keys(value as object)[0];
  switch (top) {
    case 'variant':
    case 'slot':
    case 'details':
    case 'review':
    case 'checkout':
    case 'status':
    case 'service':
      return top;
    case 'placing':
      return 'review';
    default:
      return ctx.presetServiceId ? 'variant' : 'service';
  }
}

const SLOT_TAKEN = new Set(['SLOT_NOT_AVAILABLE', 'SESSION_CAPACITY_EXCEEDED']);

export const flowMachine = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
    emitted: {} as FlowEmitted,
  },
  actors: missingActors(),
  guards: {
    hasPreset: ({ context, event }) => {
      const services = (event as unknown as { output: { services: FlowContext['services'] } }).output.services;
      return !!context.presetServiceId && services.some((s) => s.id === context.presetServiceId);
    },
    skipVariants: ({ context, event }) => (event as unknown as { output: unknown }).output === null && maxParticipants(context) <= 1,
    countsValid: ({ context }) => {
      const n = totalParticipants(context.counts);
      return n >= 1 && n <= maxParticipants(context);
    },
    variantShown: ({ context }) => context.variantShown,
    canLeaveServiceStep: ({ context }) => !context.presetServiceId,
    hasSlot: ({ context }) =>
      context.service?.type === 'COURSE' ? !!context.course?.bookable && (context.course?.openSpots ?? 0) > 0 : !!context.slot,
    detailsOk: ({ context, event }) =>
      event.type === 'SUBMIT_DETAILS' && detailsValid(event.details) && (context.memberLogin !== 'required' || !!context.member),
    slotTaken: ({ event }) => {
      const e = (event as unknown as { error: unknown }).error;
      return e instanceof BookingApiError && SLOT_TAKEN.has(e.code);
    },
    // Guards run before the transition's actions: read the checkout from the event that brings it.
    paysNow: ({ context, event }) => {
      const checkout = (event as unknown as { output?: FlowContext['checkout'] }).output ?? context.checkout;
      return context.payment === 'ONLINE' && !!checkout && !isZero(checkout.payNow.total);
    },
    bookingFinal: ({ context }) => !!context.booking && isFinalStatus(context.booking.status),
  },
  actions: {
    reportError: emit(({ context }) => ({
      type: 'booking-error' as const,
      code: context.error?.code ?? 'UNKNOWN',
      message: context.error?.message ?? '',
    })),
    setError: assign({ error: ({ event }) => toFlowError((event as unknown as { error: unknown }).error) }),
    clearError: assign({ error: undefined }),
    /** Take a newer copy of the booking (from a fetch, the live stream or a cancel) and tell the host. */
    applyBooking: enqueueActions(({ context, event, enqueue }) => {
      const booking = ('output' in event ? event.output : 'booking' in event ? event.booking : undefined) as Booking | undefined;
      if (!booking?.id || (context.booking && Number(booking.revision) < Number(context.booking.revision))) return;
      const previousStatus = context.booking?.status ?? null;
      enqueue.assign({ booking, raceLost: context.raceLost || booking.status === 'DECLINED' });
      if (previousStatus !== booking.status) enqueue.emit({ type: 'booking-status-change', booking, previousStatus });
    }),
    chooseService: assign(({ context }, serviceId: string) => {
      const service = context.services.find((s) => s.id === serviceId);
      const sameService = service?.id === context.service?.id;
      return {
        service,
        ...(sameService
          ? {}
          : {
              variants: undefined,
              counts: {},
              slot: undefined,
              day: undefined,
              staffId: undefined,
              course: undefined,
              slots: [],
              month: monthOf(context.today),
              autoAdvance: AUTO_ADVANCE_MONTHS,
            }),
        priceInfo: undefined,
        raceLost: false,
        ...defaultPayment(service),
      };
    }),
  },
}).createMachine({
  id: 'flow',
  initial: 'boot',
  context: ({ input }) => initialContext(input),
  on: {
    SET_CUSTOMER_TIME_ZONE: {
      actions: assign(({ context, event }) => ({
        customerTimeZone: event.timeZone,
        // Follow the new zone unless the customer switched to the business's.
        timeZone: context.timeZone === context.customerTimeZone ? event.timeZone : context.timeZone,
      })),
    },
    PREFILL: { actions: assign({ details: ({ context, event }) => ({ ...event.details, ...cleanDetails(context.details) }) }) },
    SET_MEMBER_LOGIN: { actions: assign({ memberLogin: ({ event }) => event.mode }) },
  },
  states: {
    boot: {
      invoke: {
        src: 'loadCatalogue',
        onDone: [
          {
            guard: 'hasPreset',
            target: 'variant',
            actions: [
              assign({ services: ({ event }) => event.output.services, business: ({ event }) => event.output.business }),
              { type: 'chooseService', params: ({ context }) => context.presetServiceId ?? '' },
            ],
          },
          {
            target: 'service',
            actions: assign({ services: ({ event }) => event.output.services, business: ({ event }) => event.output.business }),
          },
        ],
        onError: { target: 'failed', actions: ['setError', 'reportError'] },
      },
    },
    failed: { on: { RETRY: { target: 'boot', actions: 'clearError' } } },

    service: {
      on: {
        SET_CATEGORY: { actions: assign({ categoryId: ({ event }) => event.categoryId }) },
        SELECT_SERVICE: { target: 'variant', actions: { type: 'chooseService', params: ({ event }) => event.serviceId } },
      },
    },

    variant: {
      initial: 'loading',
      on: { BACK: { guard: 'canLeaveServiceStep', target: 'service' } },
      states: {
        loading: {
          invoke: {
            src: 'loadVariants',
            input: ({ context }) => ({ serviceId: context.service?.id ?? '' }),
            onDone: [
              { guard: 'skipVariants', target: '#flow.slot', actions: assign({ variants: null, variantShown: false, counts: { '': 1 } }) },
              {
                target: 'choosing',
                actions: assign(({ context, event }) => ({
                  variants: event.output,
                  variantShown: true,
                  counts:
                    Object.keys(context.counts).length > 0 && context.variants !== undefined ? context.counts : firstCounts(event.output),
                })),
              },
            ],
            onError: { target: 'error', actions: ['setError', 'reportError'] },
          },
        },
        error: { on: { RETRY: { target: 'loading', actions: 'clearError' } } },
        choosing: {
          on: {
            SET_COUNT: {
              actions: assign({
                counts: ({ context, event }) => {
                  const count = Math.max(0, Math.min(maxParticipants(context), Math.floor(event.count)));
                  if (singleChoice(context)) return { [event.key]: 1 };
                  return { ...context.counts, [event.key]: count };
                },
                slot: undefined,
                priceInfo: undefined,
              }),
            },
            NEXT: { guard: 'countsValid', target: '#flow.slot' },
          },
        },
      },
    },

    slot: {
      initial: 'loading',
      on: {
        BACK: [
          { guard: 'variantShown', target: 'variant.choosing' },
          { guard: 'canLeaveServiceStep', target: 'service' },
        ],
        MONTH: { target: '.loading', actions: assign({ month: ({ event }) => event.month, autoAdvance: 0 }) },
        SET_TIME_ZONE: {
          target: '.loading',
          actions: assign({ timeZone: ({ event }) => event.timeZone, slot: undefined, day: undefined }),
        },
      },
      states: {
        loading: {
          invoke: {
            src: 'loadSlots',
            input: ({ context }) => ({
              service: context.service!, // the slot step is only entered with a service chosen
              timeZone: context.timeZone,
              durationInMinutes: chosenDuration(context),
              ...monthRange(context.month, context.today),
            }),
            onDone: [
              {
                // Nothing open this month (e.g. late in the month): look at the next one before asking the customer.
                guard: ({ context, event }) =>
                  context.autoAdvance > 0 && !event.output.course && openDays(event.output.slots, context.staffId).size === 0,
                target: 'loading',
                reenter: true,
                actions: assign(({ context }) => ({ month: addMonths(context.month, 1), autoAdvance: context.autoAdvance - 1 })),
              },
              {
                target: 'ready',
                actions: assign(({ context, event }) => {
                  const days = openDays(event.output.slots, context.staffId);
                  const stillThere =
                    context.slot && event.output.slots.some((s) => s.localStartDate === context.slot?.localStartDate && s.bookable);
                  const day = context.day && days.has(context.day) ? context.day : [...days].sort()[0];
                  return {
                    slots: event.output.slots,
                    course: event.output.course,
                    day,
                    slot: stillThere ? context.slot : undefined,
                    autoAdvance: 0,
                  };
                }),
              },
            ],
            onError: { target: 'error', actions: ['setError', 'reportError'] },
          },
        },
        error: { on: { RETRY: { target: 'loading', actions: 'clearError' } } },
        ready: {
          on: {
            SELECT_DAY: { actions: assign({ day: ({ event }) => event.day, slot: undefined }) },
            SELECT_STAFF: {
              actions: assign(({ context, event }) => {
                const days = openDays(context.slots, event.staffId);
                return {
                  staffId: event.staffId,
                  slot: undefined,
                  day: context.day && days.has(context.day) ? context.day : [...days].sort()[0],
                };
              }),
            },
            SELECT_SLOT: {
              actions: assign({
                slot: ({ event }) => event.slot,
                day: ({ event }) => slotDay(event.slot),
                raceLost: false,
                error: undefined,
              }),
            },
            NEXT: { guard: 'hasSlot', target: '#flow.details' },
          },
        },
      },
    },

    details: {
      initial: 'editing',
      on: { BACK: 'slot' },
      states: {
        editing: {
          on: {
            SUBMIT_DETAILS: [
              {
                guard: 'detailsOk',
                target: '#flow.review',
                actions: assign({ details: ({ event }) => cleanDetails(event.details), remember: ({ event }) => event.remember }),
              },
              // Keep what was typed, so a failed submit loses nothing.
              { actions: assign({ details: ({ event }) => event.details, remember: ({ event }) => event.remember }) },
            ],
            LOGIN: 'loggingIn',
            LOGOUT: 'loggingOut',
          },
        },
        loggingIn: {
          invoke: {
            src: 'login',
            input: ({ event }) => (event.type === 'LOGIN' ? { email: event.email, password: event.password } : { email: '', password: '' }),
            onDone: {
              target: 'editing',
              actions: [
                assign(({ context, event }) => ({
                  member: event.output,
                  error: undefined,
                  details: {
                    firstName: event.output.profile.firstName,
                    lastName: event.output.profile.lastName,
                    email: event.output.loginEmail,
                    ...cleanDetails(context.details),
                  },
                })),
                emit(({ event }) => ({ type: 'member-login' as const, member: event.output })),
              ],
            },
            onError: { target: 'editing', actions: ['setError', 'reportError'] },
          },
        },
        loggingOut: {
          invoke: {
            src: 'logout',
            onDone: { target: 'editing', actions: [assign({ member: undefined }), emit({ type: 'member-logout' as const })] },
            onError: { target: 'editing', actions: [assign({ member: undefined }), emit({ type: 'member-logout' as const })] },
          },
        },
      },
    },

    review: {
      initial: 'pricing',
      entry: assign(({ context }) => ({
        priceInfo: context.service ? estimatePrice(context.service, context.variants, context.counts) : undefined,
      })),
      on: {
        BACK: 'details',
        SET_PAYMENT: { actions: assign({ payment: ({ event }) => event.payment, depositSelected: ({ event }) => event.depositSelected }) },
        CONFIRM: { target: 'placing', actions: 'clearError' },
      },
      states: {
        pricing: {
          invoke: {
            src: 'previewPrice',
            input: ({ context }) => ({ lines: previewLines(context) }),
            onDone: { target: 'ready', actions: assign({ priceInfo: ({ event }) => event.output }) },
            // The estimate stays: the server checks the price again when the booking is made.
            onError: 'ready',
          },
        },
        ready: {},
      },
    },

    placing: {
      initial: 'session',
      states: {
        session: {
          invoke: { src: 'startSession', onDone: 'booking', onError: { target: 'failed', actions: ['setError', 'reportError'] } },
        },
        booking: {
          invoke: {
            src: 'createBooking',
            input: ({ context }) => ({ request: createBookingRequest(context), key: context.keys.booking }),
            onDone: {
              target: 'checkout',
              actions: [
                assign({ booking: ({ event }) => event.output }),
                emit(({ event }) => ({ type: 'booking-created' as const, booking: event.output })),
              ],
            },
            onError: [
              {
                guard: 'slotTaken',
                target: '#flow.slot',
                actions: [
                  assign({ raceLost: true, slot: undefined, keys: newKeys, autoAdvance: AUTO_ADVANCE_MONTHS }),
                  'setError',
                  'reportError',
                ],
              },
              { target: 'failed', actions: ['setError', 'reportError'] },
            ],
          },
        },
        checkout: {
          invoke: {
            src: 'createCheckout',
            input: ({ context }) => ({ bookingId: context.booking?.id ?? '', key: context.keys.checkout }),
            onDone: [
              { guard: 'paysNow', target: '#flow.checkout', actions: assign({ checkout: ({ event }) => event.output }) },
              { target: 'order', actions: assign({ checkout: ({ event }) => event.output }) },
            ],
            onError: { target: 'failed', actions: ['setError', 'reportError'] },
          },
        },
        order: {
          invoke: {
            src: 'createOrder',
            input: ({ context }) => ({ checkoutId: context.checkout?.id ?? '', key: context.keys.order }),
            onDone: {
              target: '#flow.status',
              actions: [
                assign({ orderId: ({ event }) => event.output.orderId }),
                emit(({ context, event }) => ({
                  type: 'booking-checkout-complete' as const,
                  orderId: event.output.orderId,
                  booking: context.booking,
                })),
              ],
            },
            onError: { target: 'failed', actions: ['setError', 'reportError'] },
          },
        },
        // Retrying reuses the attempt's Idempotency-Keys: whatever was already created is answered again, not doubled.
        failed: { on: { RETRY: { target: 'session', actions: 'clearError' }, BACK: { target: '#flow.review', actions: 'clearError' } } },
      },
    },

    checkout: {
      initial: 'entering',
      states: {
        entering: {
          on: {
            // A new key per card: the same key with another card would be refused as a reused key.
            PAY: {
              target: 'paying',
              actions: assign({ paymentError: undefined, keys: ({ context }) => ({ ...context.keys, order: uuid() }) }),
            },
          },
        },
        paying: {
          invoke: {
            src: 'createOrder',
            input: ({ context, event }) => ({
              checkoutId: context.checkout?.id ?? '',
              key: context.keys.order,
              cardToken: event.type === 'PAY' ? event.cardToken : undefined,
            }),
            onDone: {
              target: '#flow.status',
              actions: [
                assign({ orderId: ({ event }) => event.output.orderId }),
                emit(({ context, event }) => ({
                  type: 'booking-checkout-complete' as const,
                  orderId: event.output.orderId,
                  booking: context.booking,
                })),
              ],
            },
            onError: {
              target: 'entering',
              actions: [assign({ paymentError: ({ event }) => toFlowError(event.error).message }), 'setError', 'reportError'],
            },
          },
        },
      },
    },

    status: {
      initial: 'loading',
      on: {
        OTHER_TIMES: {
          target: 'slot',
          actions: assign({
            booking: undefined,
            checkout: undefined,
            orderId: undefined,
            slot: undefined,
            keys: newKeys,
            error: undefined,
            paymentError: undefined,
            autoAdvance: AUTO_ADVANCE_MONTHS,
          }),
        },
        BOOK_ANOTHER: {
          target: 'service',
          actions: assign(({ context }) => ({
            ...initialContext({
              timeZone: context.customerTimeZone,
              memberLogin: context.memberLogin,
              categoryId: context.categoryId,
              today: context.today,
            }),
            services: context.services,
            business: context.business,
            details: context.remember ? context.details : {},
            remember: context.remember,
            member: context.member,
          })),
        },
      },
      states: {
        loading: {
          invoke: {
            src: 'fetchBooking',
            input: ({ context }) => ({ bookingId: context.booking?.id ?? '' }),
            onDone: [{ actions: 'applyBooking', target: 'live' }],
            onError: 'live',
          },
        },
        live: {
          always: { guard: 'bookingFinal', target: 'settled' },
          invoke: { src: 'watchBooking', input: ({ context }) => ({ bookingId: context.booking?.id ?? '' }) },
          on: {
            BOOKING_UPDATED: { actions: 'applyBooking', target: 'live', reenter: false },
            CANCEL_BOOKING: 'canceling',
          },
        },
        canceling: {
          invoke: {
            src: 'cancelBooking',
            input: ({ context }) => ({ bookingId: context.booking?.id ?? '', revision: context.booking?.revision ?? '' }),
            onDone: { target: 'live', actions: ['clearError', 'applyBooking'] },
            onError: { target: 'live', actions: ['setError', 'reportError'] },
          },
        },
        settled: {},
      },
    },
  },
});

function firstCounts(variants: FlowContext['variants']): Record<string, number> {
  const first = variants?.variants.values[0]?.id;
  return first !== undefined ? { [first]: 1 } : { '': 1 };
}

function defaultPayment(service: FlowContext['service']): Pick<FlowContext, 'payment' | 'depositSelected'> {
  const choice = service ? paymentChoices(service)[0] : undefined;
  return { payment: choice?.payment ?? 'OFFLINE', depositSelected: choice?.depositSelected ?? false };
}
