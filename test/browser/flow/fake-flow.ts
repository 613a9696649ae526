/** The flow machine with every API actor faked, and the walk to the review step most tests start from. */
import { createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import { flowMachine, stepOf } from '../../../src/flow/flow-machine.js';
import { placeBookingMachine } from '../../../src/flow/place-booking.machine.js';
import { BookingApiError } from '../../../src/api/errors.js';
import type { Booking, Checkout, CreateBookingRequest, Member, PriceInfo, ServiceOptionsAndVariants } from '../../../src/model/index.js';
import type {
  Catalogue,
  CreateBookingCall,
  CreateCheckoutCall,
  FlowEvent,
  OrderRequest,
  PriceLines,
  SlotsQuery,
  SlotsResult,
} from '../../../src/flow/types.js';
import { aBooking, aCheckout, aService, aSlot } from './fixtures.js';

export const yoga = aService();
export const training = aService({
  id: 'svc-pt',
  name: 'Personal Training',
  type: 'APPOINTMENT',
  payment: {
    rateType: 'VARIED',
    varied: { defaultPrice: { value: '80.00', currency: 'USD' }, deposit: { value: '20.00', currency: 'USD' } },
    options: { online: true, inPerson: false, deposit: true, pricingPlan: false },
    pricingPlanIds: [],
  },
});
const ptVariants: ServiceOptionsAndVariants = {
  id: 'v',
  serviceId: 'svc-pt',
  revision: '1',
  options: { values: [{ id: 'o', type: 'DURATION', durationData: { name: 'Length' } }] },
  variants: {
    values: [
      {
        id: 'v30',
        choices: [{ optionId: 'o', duration: { minutes: 30, name: '30 minutes' } }],
        price: { value: '45.00', currency: 'USD' },
      },
      {
        id: 'v60',
        choices: [{ optionId: 'o', duration: { minutes: 60, name: '60 minutes' } }],
        price: { value: '80.00', currency: 'USD' },
      },
    ],
  },
};

export type BookingRef = { bookingId: string };
export const checkoutOf = (payNow: string) => fromPromise<Checkout, CreateCheckoutCall>(async () => aCheckout(payNow));

type StepActors = NonNullable<Parameters<typeof flowMachine.provide>[0]['actors']>;
type PlacingActors = NonNullable<Parameters<typeof placeBookingMachine.provide>[0]['actors']>;

/**
 * The machine with every API actor faked; `over` replaces some (the placing child's four included, and
 * `createOrder` in both places it is used). Records what the actors were asked.
 */
export function fakeFlow(over: StepActors & PlacingActors = {}) {
  const asked: { slots: unknown[]; bookings: CreateBookingRequest['booking'][]; orders: OrderRequest[] } = {
    slots: [],
    bookings: [],
    orders: [],
  };
  const createOrder =
    over.createOrder ??
    fromPromise<{ orderId: string }, OrderRequest>(async ({ input }) => {
      asked.orders.push(input);
      return { orderId: 'ord-1' };
    });
  const placing: PlacingActors = {
    startSession: over.startSession ?? fromPromise<void>(async () => undefined),
    createBooking:
      over.createBooking ??
      fromPromise(async ({ input }: { input: CreateBookingCall }) => {
        asked.bookings.push(input.request);
        return aBooking();
      }),
    createCheckout: over.createCheckout ?? checkoutOf('0.00'),
    createOrder,
  };
  const machine = flowMachine.provide({
    actors: {
      loadCatalogue: fromPromise<Catalogue>(async () => ({
        services: [yoga, training],
        business: { name: 'Harbor', timeZone: 'America/New_York', currency: 'USD' },
      })),
      loadVariants: fromPromise<ServiceOptionsAndVariants | null, { serviceId: string }>(async ({ input }) =>
        input.serviceId === 'svc-pt' ? ptVariants : null,
      ),
      loadSlots: fromPromise<SlotsResult, SlotsQuery>(async ({ input }) => {
        asked.slots.push(input);
        return { slots: [aSlot('2026-11-28T10:00:00'), aSlot('2026-12-05T10:00:00')], course: undefined };
      }),
      previewPrice: fromPromise<PriceInfo, { lines: PriceLines }>(async () => {
        throw new BookingApiError(404, 'no preview');
      }),
      fetchBooking: fromPromise<Booking, BookingRef>(async () => aBooking({ status: 'CONFIRMED', revision: '2' })),
      cancelBooking: fromPromise<Booking, BookingRef & { revision: string }>(async () => aBooking({ status: 'CANCELED', revision: '3' })),
      watchBooking: fromCallback<FlowEvent, BookingRef>(() => () => undefined),
      login: fromPromise<Member, { email: string; password: string }>(async () => {
        throw new Error('no members');
      }),
      logout: fromPromise<void>(async () => undefined),
      ...over,
      createOrder,
      placeBooking: placeBookingMachine.provide({ actors: placing }),
    },
  });
  return { machine, asked };
}

export const start = (machine: ReturnType<typeof fakeFlow>['machine'], input = {}) =>
  createActor(machine, { input: { timeZone: 'America/New_York', today: '2026-11-24', ...input } }).start();
export const step = (actor: ReturnType<typeof start>) => stepOf(actor.getSnapshot().value, actor.getSnapshot().context);
export const details = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };

export async function toReview(actor: ReturnType<typeof start>, serviceId = 'svc-yoga') {
  await waitFor(actor, (s) => s.matches('service'));
  actor.send({ type: 'SELECT_SERVICE', serviceId });
  if (serviceId === 'svc-pt') {
    await waitFor(actor, (s) => s.matches({ variant: 'choosing' }));
    actor.send({ type: 'SET_COUNT', key: 'v60', count: 1 });
    actor.send({ type: 'NEXT' });
  }
  const ready = await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
  actor.send({ type: 'SELECT_SLOT', slot: ready.context.slots[0]! });
  actor.send({ type: 'NEXT' });
  actor.send({ type: 'SUBMIT_DETAILS', details, remember: false });
  await waitFor(actor, (s) => s.matches({ review: 'ready' }));
}
