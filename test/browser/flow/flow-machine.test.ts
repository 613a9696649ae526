import { expect } from '@open-wc/testing';
import { createActor, fromCallback, fromPromise, waitFor } from 'xstate';
import { BookingApiError } from '../../../src/api/errors.js';
import type { Booking } from '../../../src/model/index.js';
import type { CreateBookingCall, FlowEvent, OrderRequest } from '../../../src/flow/types.js';
import { aBooking } from './fixtures.js';
import { checkoutOf, fakeFlow, start, step, toReview, type BookingRef } from './fake-flow.js';

describe('the flow machine', () => {
  it('walks a free class from service to CONFIRMED, skipping the variant step, and emits the host events', async () => {
    const { machine, asked } = fakeFlow();
    const actor = start(machine);
    const emitted: string[] = [];
    actor.on('*', (e) => emitted.push(e.type));
    await toReview(actor);
    expect(step(actor)).to.equal('review');
    expect(actor.getSnapshot().context.variantShown).to.equal(false);
    actor.send({ type: 'CONFIRM' });
    const done = await waitFor(actor, (s) => s.matches({ status: 'settled' }) || s.matches({ status: 'live' }));
    expect(done.context.booking?.status).to.equal('CONFIRMED');
    expect(asked.bookings[0]?.totalParticipants).to.equal(1);
    expect(asked.bookings[0]?.bookedEntity?.slot?.eventId).to.equal('ev-2026-11-28T10:00:00');
    expect(asked.bookings[0]?.selectedPaymentOption, 'a free booking sends no payment option').to.equal(undefined);
    expect(emitted).to.deep.equal(['booking-created', 'booking-checkout-complete', 'booking-status-change']);
    actor.stop();
  });

  it('asks slots for the month in the chosen zone, and again in the business zone when switched', async () => {
    const { machine, asked } = fakeFlow();
    const actor = start(machine, { timeZone: 'Europe/Berlin' });
    await waitFor(actor, (s) => s.matches('service'));
    actor.send({ type: 'SELECT_SERVICE', serviceId: 'svc-yoga' });
    await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    actor.send({ type: 'SET_TIME_ZONE', timeZone: 'America/New_York' });
    await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    expect(asked.slots.map((q) => (q as { timeZone: string }).timeZone)).to.deep.equal(['Europe/Berlin', 'America/New_York']);
    expect((asked.slots[0] as { fromLocalDate: string }).fromLocalDate).to.equal('2026-11-24T00:00:00');
    expect((asked.slots[0] as { toLocalDate: string }).toLocalDate).to.equal('2026-12-01T00:00:00');
    actor.stop();
  });

  it('starts at the service-id service and shows the variant step only for a service with variants', async () => {
    const { machine, asked } = fakeFlow();
    const actor = start(machine, { serviceId: 'svc-pt' });
    await waitFor(actor, (s) => s.matches({ variant: 'choosing' }));
    expect(actor.getSnapshot().can({ type: 'BACK' }), 'no service step to go back to').to.equal(false);
    actor.send({ type: 'SET_COUNT', key: 'v30', count: 1 });
    actor.send({ type: 'NEXT' });
    await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    expect((asked.slots[0] as { durationInMinutes: number }).durationInMinutes).to.equal(30);
    actor.stop();
  });

  it('prices the deposit now and the balance later, and stops at checkout when something is due now', async () => {
    const { machine, asked } = fakeFlow({ createCheckout: checkoutOf('20.00') });
    const actor = start(machine);
    await toReview(actor, 'svc-pt');
    const ctx = actor.getSnapshot().context;
    expect(ctx.priceInfo?.calculatedPrice?.value).to.equal('80.00');
    expect(ctx.priceInfo?.deposit?.value).to.equal('20.00');
    expect(ctx.payment).to.equal('ONLINE');
    expect(ctx.depositSelected).to.equal(true);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches({ checkout: 'entering' }));
    expect(asked.orders).to.have.length(0);
    actor.send({ type: 'PAY', cardToken: 'tok_visa' });
    await waitFor(actor, (s) => s.matches('status'));
    expect(asked.orders[0]?.cardToken).to.equal('tok_visa');
    actor.stop();
  });

  it('keeps the customer on checkout with the reason when the card is declined, with a new key for the next card', async () => {
    let calls = 0;
    const keys: string[] = [];
    const { machine } = fakeFlow({
      createCheckout: checkoutOf('20.00'),
      createOrder: fromPromise<{ orderId: string }, OrderRequest>(async ({ input }) => {
        keys.push(input.key);
        if (calls++ === 0)
          throw new BookingApiError(402, 'Your card was declined.', { code: 'PAYMENT_DECLINED', description: '', data: {} });
        return { orderId: 'ord-1' };
      }),
    });
    const actor = start(machine);
    await toReview(actor, 'svc-pt');
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches({ checkout: 'entering' }));
    actor.send({ type: 'PAY', cardToken: 'tok_declined' });
    const declined = await waitFor(actor, (s) => s.matches({ checkout: 'entering' }) && !!s.context.paymentError);
    expect(declined.context.paymentError).to.equal('Your card was declined.');
    actor.send({ type: 'PAY', cardToken: 'tok_visa' });
    await waitFor(actor, (s) => s.matches('status'));
    expect(keys[0]).to.not.equal(keys[1]);
    actor.stop();
  });

  it('goes back to the slot step with "taken" when the slot filled up (428), and offers other times', async () => {
    const { machine } = fakeFlow({
      createBooking: fromPromise<Booking, CreateBookingCall>(async () => {
        throw new BookingApiError(428, 'full', { code: 'SLOT_NOT_AVAILABLE', description: 'full', data: {} });
      }),
    });
    const actor = start(machine);
    await toReview(actor);
    const keyBefore = actor.getSnapshot().context.keys.booking;
    actor.send({ type: 'CONFIRM' });
    const back = await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    expect(back.context.raceLost).to.equal(true);
    expect(back.context.slot).to.equal(undefined);
    expect(back.context.keys.booking, 'a new attempt gets new keys').to.not.equal(keyBefore);
    actor.stop();
  });

  it('shows DECLINED after the order when the race was lost, and OTHER_TIMES returns to the slots', async () => {
    const { machine } = fakeFlow({
      fetchBooking: fromPromise<Booking, BookingRef>(async () => aBooking({ status: 'DECLINED', revision: '2' })),
    });
    const actor = start(machine);
    await toReview(actor);
    actor.send({ type: 'CONFIRM' });
    const declined = await waitFor(actor, (s) => s.matches({ status: 'settled' }));
    expect(declined.context.booking?.status).to.equal('DECLINED');
    actor.send({ type: 'OTHER_TIMES' });
    const slots = await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    expect(slots.context.booking).to.equal(undefined);
    expect(slots.context.details.email, 'details kept').to.equal('ada@example.com');
    actor.stop();
  });

  it('follows the live stream: PENDING turns CONFIRMED, and a stale revision is ignored', async () => {
    let push: (e: FlowEvent) => void = () => {};
    const { machine } = fakeFlow({
      fetchBooking: fromPromise<Booking, BookingRef>(async () => aBooking({ status: 'PENDING', revision: '2' })),
      watchBooking: fromCallback<FlowEvent, BookingRef>(({ sendBack }) => {
        push = sendBack;
        return () => undefined;
      }),
    });
    const actor = start(machine);
    const changes: string[] = [];
    actor.on('booking-status-change', (e) => changes.push(`${e.previousStatus}->${e.booking.status}`));
    await toReview(actor);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches({ status: 'live' }) && s.context.booking?.status === 'PENDING');
    push({ type: 'BOOKING_UPDATED', booking: aBooking({ status: 'CREATED', revision: '1' }) });
    expect(actor.getSnapshot().context.booking?.status).to.equal('PENDING');
    push({ type: 'BOOKING_UPDATED', booking: aBooking({ status: 'CONFIRMED', revision: '3' }) });
    expect(actor.getSnapshot().context.booking?.status).to.equal('CONFIRMED');
    expect(changes).to.deep.equal(['CREATED->PENDING', 'PENDING->CONFIRMED']);
    actor.send({ type: 'CANCEL_BOOKING' });
    await waitFor(actor, (s) => s.matches({ status: 'settled' }));
    expect(actor.getSnapshot().context.booking?.status).to.equal('CANCELED');
    actor.stop();
  });

  it('shows an error with a retry when placing fails, and retries with the same idempotency keys', async () => {
    let fail = true;
    const keys: string[] = [];
    const { machine } = fakeFlow({
      createBooking: fromPromise<Booking, CreateBookingCall>(async ({ input }) => {
        keys.push(input.key);
        if (fail) throw new BookingApiError(0, 'We could not reach the booking server.');
        return aBooking();
      }),
    });
    const actor = start(machine);
    const errors: string[] = [];
    actor.on('booking-error', (e) => errors.push(e.code));
    await toReview(actor);
    actor.send({ type: 'CONFIRM' });
    await waitFor(actor, (s) => s.matches({ placing: 'failed' }));
    expect(actor.getSnapshot().context.error?.code).to.equal('NETWORK_ERROR');
    expect(errors).to.deep.equal(['NETWORK_ERROR']);
    fail = false;
    actor.send({ type: 'RETRY' });
    await waitFor(actor, (s) => s.matches('status'));
    expect(keys).to.have.length(2);
    expect(keys[0]).to.equal(keys[1]);
    actor.stop();
  });

  it('refuses invalid details and keeps what was typed', async () => {
    const { machine } = fakeFlow();
    const actor = start(machine);
    await waitFor(actor, (s) => s.matches('service'));
    actor.send({ type: 'SELECT_SERVICE', serviceId: 'svc-yoga' });
    const ready = await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    actor.send({ type: 'SELECT_SLOT', slot: ready.context.slots[0]! });
    actor.send({ type: 'NEXT' });
    actor.send({ type: 'SUBMIT_DETAILS', details: { firstName: 'Ada', email: 'not-an-email' }, remember: true });
    expect(step(actor)).to.equal('details');
    expect(actor.getSnapshot().context.details.email).to.equal('not-an-email');
    actor.stop();
  });

  it('resumes from a persisted snapshot at the same step with the same choices', async () => {
    const { machine } = fakeFlow();
    const actor = start(machine);
    await waitFor(actor, (s) => s.matches('service'));
    actor.send({ type: 'SELECT_SERVICE', serviceId: 'svc-yoga' });
    const ready = await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    actor.send({ type: 'SELECT_SLOT', slot: ready.context.slots[1]! });
    actor.send({ type: 'NEXT' });
    const saved = JSON.parse(JSON.stringify(actor.getPersistedSnapshot()));
    actor.stop();

    const resumed = createActor(machine, { snapshot: saved, input: {} }).start();
    expect(step(resumed)).to.equal('details');
    expect(resumed.getSnapshot().context.slot?.localStartDate).to.equal('2026-12-05T10:00:00');
    resumed.send({ type: 'BACK' });
    await waitFor(resumed, (s) => s.matches({ slot: 'ready' }));
    expect(resumed.getSnapshot().context.slot?.localStartDate).to.equal('2026-12-05T10:00:00');
    resumed.stop();
  });
});
