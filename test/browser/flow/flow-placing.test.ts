import { expect } from '@open-wc/testing';
import { createActor, fromPromise, waitFor } from 'xstate';
import { BookingApiError } from '../../../src/api/errors.js';
import type { Booking, Checkout } from '../../../src/model/index.js';
import type { CreateBookingCall, CreateCheckoutCall } from '../../../src/flow/types.js';
import { aBooking, aCheckout } from './fixtures.js';
import { fakeFlow, start, step, toReview } from './fake-flow.js';

/** The placing child's state as the root holds it (undefined when no placement runs). */
const placement = (actor: ReturnType<typeof start>) => actor.getSnapshot().children.placement?.getSnapshot().value;

describe('the flow machine placing a booking through its child', () => {
  it('resumes a flow saved mid-placement: the child carries on at the checkout and the booking is made once', async () => {
    const made: string[] = [];
    const createBooking = fromPromise<Booking, CreateBookingCall>(async ({ input }) => {
      made.push(input.key);
      return aBooking();
    });
    const hanging = fakeFlow({ createBooking, createCheckout: fromPromise<Checkout, CreateCheckoutCall>(() => new Promise(() => {})) });
    const first = start(hanging.machine);
    const created: string[] = [];
    first.on('booking-created', (e) => created.push(e.booking.id));
    await toReview(first);
    first.send({ type: 'CONFIRM' });
    await waitFor(first, () => placement(first) === 'checkout');
    // What the element saves to IndexedDB: JSON, child included.
    const saved = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();

    const { machine } = fakeFlow({ createBooking });
    const resumed = createActor(machine, { snapshot: saved, input: {} }).start();
    expect(step(resumed), 'still on the review step while placing').to.equal('review');
    expect(resumed.getSnapshot().context.booking?.id, 'the booking made before the reload').to.equal('bk-1');
    const done = await waitFor(resumed, (s) => s.matches({ status: 'live' }));
    expect(done.context.orderId).to.equal('ord-1');
    expect(made, 'createBooking ran once, before the reload').to.have.length(1);
    expect(created).to.deep.equal(['bk-1']);
    resumed.stop();
  });

  it('announces booking-created as soon as the booking exists, even when the checkout then fails, and not again on retry', async () => {
    let fail = true;
    const { machine } = fakeFlow({
      createCheckout: fromPromise<Checkout, CreateCheckoutCall>(async () => {
        if (fail) throw new BookingApiError(0, 'We could not reach the booking server.');
        return aCheckout('0.00');
      }),
    });
    const actor = start(machine);
    const emitted: string[] = [];
    actor.on('*', (e) => emitted.push(e.type));
    await toReview(actor);
    actor.send({ type: 'CONFIRM' });
    const failed = await waitFor(actor, (s) => s.matches({ placing: 'failed' }));
    expect(failed.context.booking?.id).to.equal('bk-1');
    expect(emitted).to.deep.equal(['booking-created', 'booking-error']);
    fail = false;
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.matches('status'));
    expect(emitted).to.deep.equal(['booking-created', 'booking-error', 'booking-checkout-complete', 'booking-status-change']);
    actor.stop();
  });

  it('lets a member pay with a plan: the order is placed without a card step, even with a price on the checkout', async () => {
    const { machine, asked } = fakeFlow({ createCheckout: fromPromise<Checkout, CreateCheckoutCall>(async () => aCheckout('80.00')) });
    const actor = start(machine);
    const steps: string[] = [];
    actor.subscribe(() => steps.push(step(actor)));
    await toReview(actor, 'svc-pt');
    actor.send({ type: 'SET_PAYMENT', payment: 'MEMBERSHIP', depositSelected: false });
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('status'));
    expect(asked.bookings[0]?.selectedPaymentOption).to.equal('MEMBERSHIP');
    expect(asked.orders).to.have.length(1);
    expect(asked.orders[0]?.cardToken).to.equal(undefined);
    expect(steps).to.not.include('checkout');
    actor.stop();
  });

  it('goes back to review from a failed placement, and CONFIRM starts the child again', async () => {
    let attempts = 0;
    const { machine } = fakeFlow({
      createBooking: fromPromise<Booking, CreateBookingCall>(async () => {
        if (attempts++ === 0) throw new BookingApiError(500, 'boom');
        return aBooking();
      }),
    });
    const actor = start(machine);
    await toReview(actor);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches({ placing: 'failed' }));
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches('review')).to.equal(true);
    expect(actor.getSnapshot().context.error).to.equal(undefined);
    expect(placement(actor), 'the child stopped with its state').to.equal(undefined);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches('status'));
    expect(attempts).to.equal(2);
    actor.stop();
  });
});
