import { expect } from '@open-wc/testing';
import { createActor, fromPromise, waitFor } from 'xstate';
import { placeBookingMachine, type PlacementInput } from '../../../src/flow/place-booking.machine.js';
import { BookingApiError } from '../../../src/api/errors.js';
import type { Booking, Checkout } from '../../../src/model/index.js';
import type { CreateBookingCall, CreateCheckoutCall, OrderRequest } from '../../../src/flow/types.js';
import { aBooking, aCheckout } from './fixtures.js';

type PlacingActors = NonNullable<Parameters<typeof placeBookingMachine.provide>[0]['actors']>;

const input = (over: Partial<PlacementInput> = {}): PlacementInput => ({
  request: { bookedEntity: { slot: { serviceId: 'svc-yoga', scheduleId: 'sch-yoga' } }, contactDetails: {} },
  keys: { booking: 'key-b', checkout: 'key-c', order: 'key-o' },
  paysOnline: true,
  ...over,
});

const refused = (status: number, code: string) => new BookingApiError(status, code, { code, description: code, data: {} });

/** The child with its four calls faked (`over` replaces some); records each call's input in order. */
function placing(over: PlacingActors = {}) {
  const calls: string[] = [];
  const keys: string[] = [];
  const machine = placeBookingMachine.provide({
    actors: {
      startSession: fromPromise<void>(async () => {
        calls.push('session');
      }),
      createBooking: fromPromise<Booking, CreateBookingCall>(async ({ input }) => {
        calls.push('booking');
        keys.push(input.key);
        return aBooking();
      }),
      createCheckout: fromPromise<Checkout, CreateCheckoutCall>(async ({ input }) => {
        calls.push(`checkout ${input.bookingId}`);
        keys.push(input.key);
        return aCheckout('0.00');
      }),
      createOrder: fromPromise<{ orderId: string }, OrderRequest>(async ({ input }) => {
        calls.push(`order ${input.checkoutId}${input.cardToken ? ` ${input.cardToken}` : ''}`);
        keys.push(input.key);
        return { orderId: 'ord-1' };
      }),
      ...over,
    },
  });
  return { machine, calls, keys };
}

describe('placing a booking (the child machine alone)', () => {
  it('places a free booking: session, booking, checkout, order, each with its own key, and outputs the order', async () => {
    const { machine, calls, keys } = placing();
    const actor = createActor(machine, { input: input() }).start();
    const end = await waitFor(actor, (s) => s.status === 'done');
    expect(calls).to.deep.equal(['session', 'booking', 'checkout bk-1', 'order co-1']);
    expect(keys).to.deep.equal(['key-b', 'key-c', 'key-o']);
    expect(end.output).to.deep.include({ result: 'placed', orderId: 'ord-1' });
    expect(end.value).to.equal('placed');
  });

  it('stops before the order when something is due now and the customer pays online: the card comes next', async () => {
    const { machine, calls } = placing({ createCheckout: fromPromise<Checkout, CreateCheckoutCall>(async () => aCheckout('20.00')) });
    const end = await waitFor(createActor(machine, { input: input() }).start(), (s) => s.status === 'done');
    expect(end.output?.result).to.equal('payment-due');
    expect(calls).to.deep.equal(['session', 'booking']);
  });

  it('orders without a card when the customer pays in person or with a plan, even with an amount on the checkout', async () => {
    const { machine, calls } = placing({ createCheckout: fromPromise<Checkout, CreateCheckoutCall>(async () => aCheckout('20.00')) });
    const end = await waitFor(createActor(machine, { input: input({ paysOnline: false }) }).start(), (s) => s.status === 'done');
    expect(end.output?.result).to.equal('placed');
    expect(calls.at(-1)).to.equal('order co-1');
  });

  for (const code of ['SLOT_NOT_AVAILABLE', 'SESSION_CAPACITY_EXCEEDED']) {
    it(`ends as slot-taken when the booking is refused with ${code}, asking for no checkout`, async () => {
      const { machine, calls } = placing({
        createBooking: fromPromise<Booking, CreateBookingCall>(async () => {
          throw refused(428, code);
        }),
      });
      const end = await waitFor(createActor(machine, { input: input() }).start(), (s) => s.status === 'done');
      expect(end.output).to.deep.equal({ result: 'slot-taken', error: { code, message: code } });
      expect(calls).to.deep.equal(['session']);
    });
  }

  it('ends as failed with the reason when a later call fails, keeping the booking it made in its context', async () => {
    const { machine } = placing({
      createCheckout: fromPromise<Checkout, CreateCheckoutCall>(async () => {
        throw new BookingApiError(0, 'We could not reach the booking server.');
      }),
    });
    const end = await waitFor(createActor(machine, { input: input() }).start(), (s) => s.status === 'done');
    expect(end.output).to.deep.equal({
      result: 'failed',
      error: { code: 'NETWORK_ERROR', message: 'We could not reach the booking server.' },
    });
    expect(end.context.booking?.id).to.equal('bk-1');
  });

  it('resumes from a snapshot saved mid-way: the checkout is asked again, the booking is not made twice', async () => {
    const hanging = placing({ createCheckout: fromPromise<Checkout, CreateCheckoutCall>(() => new Promise<Checkout>(() => {})) });
    const first = createActor(hanging.machine, { input: input() }).start();
    await waitFor(first, (s) => s.matches('checkout'));
    const saved = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();

    const { machine, calls, keys } = placing();
    const resumed = createActor(machine, { snapshot: saved, input: input() }).start();
    const end = await waitFor(resumed, (s) => s.status === 'done');
    expect(calls).to.deep.equal(['checkout bk-1', 'order co-1']);
    expect(keys).to.deep.equal(['key-c', 'key-o']);
    expect(end.output?.result).to.equal('placed');
  });
});
