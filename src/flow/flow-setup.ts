/**
 * The flow's vocabulary, named once in `setup`: its actors (typed stand-ins until `provide`), its guards and
 * its actions. The logic lives in small modules (./guards.ts, ./actions/*.ts); this file only binds it, adding
 * the events the host page hears. The states in ./states/ and ./flow-machine.ts refer to these by name.
 */
import { assign, enqueueActions, setup } from 'xstate';
import type { BookedSlot, Booking, PriceInfo } from '../model/booking.js';
import type { Member } from '../model/members.js';
import type { ServiceOptionsAndVariants } from '../model/service.js';
import * as booking from './actions/booking.js';
import * as details from './actions/details.js';
import * as service from './actions/service.js';
import * as slot from './actions/slot.js';
import { afterCancel, afterReschedule, startReschedule, withRefusals } from './managed.js';
import { flowGuards } from './guards.js';
import { callbackNotProvided, notProvided } from './not-provided.js';
import { placeBookingMachine, type PlacementOutput } from './place-booking.machine.js';
import type {
  CalendarFile,
  Catalogue,
  FlowContext,
  FlowEmitted,
  FlowError,
  FlowEvent,
  FlowInput,
  ManagedBooking,
  OrderRequest,
  PriceLines,
  RegisterDetails,
  SlotsQuery,
  SlotsResult,
} from './types.js';

type BookingRef = { bookingId: string };

const bookingError = (error: FlowError) => ({ type: 'booking-error' as const, code: error.code, message: error.message });

export const flowSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
    emitted: {} as FlowEmitted,
    // The placing child's id, so `snapshot.children.placement` is typed as that machine.
    children: {} as { placement: 'placeBooking' },
  },
  actors: {
    loadCatalogue: notProvided<Catalogue>('loadCatalogue'),
    loadVariants: notProvided<ServiceOptionsAndVariants | null, { serviceId: string }>('loadVariants'),
    loadSlots: notProvided<SlotsResult, SlotsQuery>('loadSlots'),
    previewPrice: notProvided<PriceInfo, { lines: PriceLines }>('previewPrice'),
    login: notProvided<Member, { email: string; password: string }>('login'),
    logout: notProvided<void>('logout'),
    register: notProvided<Member, RegisterDetails>('register'),
    requestPasswordReset: notProvided<void, { email: string }>('requestPasswordReset'),
    resetPassword: notProvided<void, { token: string; password: string }>('resetPassword'),
    placeBooking: placeBookingMachine,
    createOrder: notProvided<{ orderId: string }, OrderRequest>('createOrder'),
    fetchBooking: notProvided<Booking, BookingRef>('fetchBooking'),
    cancelBooking: notProvided<Booking, BookingRef & { revision: string }>('cancelBooking'),
    watchBooking: callbackNotProvided<FlowEvent, BookingRef>('watchBooking'),
    calendarFile: notProvided<CalendarFile, { booking: Booking | undefined }>('calendarFile'),
    loadLinkedBooking: notProvided<ManagedBooking[], { token: string }>('loadLinkedBooking'),
    loadMyBookings: notProvided<ManagedBooking[]>('loadMyBookings'),
    cancelManaged: notProvided<Booking, ManagedBooking>('cancelManaged'),
    rescheduleManaged: notProvided<Booking, { row: ManagedBooking; slot: BookedSlot }>('rescheduleManaged'),
  },
  guards: flowGuards,
  actions: {
    rememberCatalogue: assign(service.rememberCatalogue),
    setCategory: assign(service.setCategory),
    chooseService: assign(service.chooseService),
    skipVariants: assign(service.skipVariants),
    showVariants: assign(service.showVariants),
    setCount: assign(service.setCount),

    showMonth: assign(slot.showMonth),
    skipToNextMonth: assign(slot.skipToNextMonth),
    setTimeZone: assign(slot.setTimeZone),
    setCustomerTimeZone: assign(slot.setCustomerTimeZone),
    showSlots: assign(slot.showSlots),
    selectDay: assign(slot.selectDay),
    selectStaff: assign(slot.selectStaff),
    selectSlot: assign(slot.selectSlot),

    prefill: assign(details.prefill),
    setMemberLogin: assign(details.setMemberLogin),
    acceptDetails: assign(details.acceptDetails),
    keepTypedDetails: assign(details.keepTypedDetails),
    signIn: enqueueActions(({ context, enqueue }, member: Member) => {
      enqueue.assign(details.signedIn({ context }, member));
      enqueue.emit({ type: 'member-login', member });
    }),
    signOut: enqueueActions(({ enqueue }) => {
      enqueue.assign({ member: undefined });
      enqueue.emit({ type: 'member-logout' });
    }),
    resetRequested: assign({ accountNotice: 'reset-sent' as const }),
    passwordSet: assign({ accountNotice: 'password-set' as const, resetToken: undefined }),
    clearAccountNotice: assign({ accountNotice: undefined }),
    forgetResetToken: assign({ resetToken: undefined, accountNotice: undefined, error: undefined }),

    estimate: assign(booking.estimate),
    rememberPrice: assign(booking.rememberPrice),
    setPayment: assign(booking.setPayment),
    newCardKey: assign(booking.newCardKey),
    declineCard: assign((_, error: FlowError) => ({ paymentError: error.message })),
    otherTimes: assign(booking.otherTimes),
    startOver: assign(booking.startOver),

    showManaged: assign(({ context }, rows: ManagedBooking[]) => ({ managed: withRefusals(rows, context.services, new Date()) })),
    markCanceling: assign((_, bookingId: string) => ({ cancelingId: bookingId })),
    /** The server canceled a managed booking: its row shows it, and the host hears of it as from the status step. */
    takeManagedCancel: enqueueActions(({ context, enqueue }, canceled: Booking) => {
      const previous = context.managed?.find((row) => row.booking.id === canceled.id)?.booking.status ?? null;
      enqueue.assign({ managed: afterCancel(context.managed ?? [], canceled), cancelingId: undefined });
      enqueue.emit({ type: 'booking-status-change', booking: canceled, previousStatus: previous });
    }),
    startReschedule: assign(({ context }, bookingId: string) => startReschedule(context, bookingId)),
    takeReschedule: assign(({ context }, moved: Booking) => ({
      managed: afterReschedule(context.managed ?? [], moved),
      reschedulingId: undefined,
    })),
    rescheduleRaceLost: assign({ raceLost: true, slot: undefined }),
    endReschedule: assign({ reschedulingId: undefined, slot: undefined, raceLost: false, error: undefined }),
    /** Out of my bookings or a manage link, on to booking: the link's token and the rows are left behind. */
    leaveManaged: assign({
      reschedulingId: undefined,
      bookingToken: undefined,
      startView: undefined,
      managed: undefined,
      cancelingId: undefined,
      error: undefined,
    }),

    showError: enqueueActions(({ enqueue }, error: FlowError) => {
      enqueue.assign({ error });
      enqueue.emit(bookingError(error));
    }),
    clearError: assign({ error: undefined }),
    showCalendarFile: assign((_, calendarFile: CalendarFile) => ({ calendarFile })),

    /** The placing child made the booking: keep it and tell the host, once per booking. */
    announceBooking: enqueueActions(({ context, enqueue }, created: Booking | undefined) => {
      if (!created || created.id === context.booking?.id) return;
      enqueue.assign({ booking: created });
      enqueue.emit({ type: 'booking-created', booking: created });
    }),
    /** What the flow keeps from the placing child's outcome, and what the host hears of it. */
    takePlacement: enqueueActions(({ enqueue }, output: PlacementOutput) => {
      switch (output.result) {
        case 'placed':
          enqueue.assign({ booking: output.booking, checkout: output.checkout, orderId: output.orderId });
          enqueue.emit({ type: 'booking-checkout-complete', orderId: output.orderId, booking: output.booking });
          return;
        case 'payment-due':
          enqueue.assign({ booking: output.booking, checkout: output.checkout });
          return;
        case 'slot-taken':
          enqueue.assign({ ...booking.loseRace(), error: output.error });
          enqueue.emit(bookingError(output.error));
          return;
        case 'failed':
          enqueue.assign({ error: output.error });
          enqueue.emit(bookingError(output.error));
      }
    }),
    completeOrder: enqueueActions(({ context, enqueue }, { orderId }: { orderId: string }) => {
      enqueue.assign({ orderId });
      enqueue.emit({ type: 'booking-checkout-complete', orderId, booking: context.booking });
    }),
    /** Take a newer copy of the booking (from a fetch, the live stream or a cancel) and tell the host. */
    applyBooking: enqueueActions(({ context, enqueue }, next: Booking) => {
      if (!booking.isNewer(context.booking, next)) return;
      const previousStatus = context.booking?.status ?? null;
      enqueue.assign({ booking: next, raceLost: context.raceLost || next.status === 'DECLINED' });
      if (previousStatus !== next.status) enqueue.emit({ type: 'booking-status-change', booking: next, previousStatus });
    }),
  },
});
