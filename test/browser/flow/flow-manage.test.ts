import { expect } from '@open-wc/testing';
import { fromPromise, waitFor } from 'xstate';
import { BookingApiError } from '../../../src/api/errors.js';
import type { BookedSlot, Booking } from '../../../src/model/index.js';
import type { ManagedBooking } from '../../../src/flow/types.js';
import { rescheduleRefusalOf } from '../../../src/flow/managed.js';
import { fakeFlow, start, step } from './fake-flow.js';
import { aBooking } from './fixtures.js';

const row = (over: Partial<ManagedBooking> = {}): ManagedBooking => ({
  booking: aBooking({ status: 'CONFIRMED', revision: '4', startDate: '2099-11-28T15:00:00.000Z' }),
  allowedActions: { cancel: true, reschedule: true },
  ...over,
});

describe('the flow machine: my bookings, a manage link, reschedule', () => {
  it("opens a manage link's booking by its token, and says why Cancel is not offered in the policy's words", async () => {
    const tokens: string[] = [];
    const started = row({ booking: aBooking({ status: 'CONFIRMED' }), allowedActions: { cancel: false, reschedule: false }, token: 't' });
    const { machine } = fakeFlow({
      loadLinkedBooking: fromPromise<ManagedBooking[], { token: string }>(async ({ input }) => (tokens.push(input.token), [started])),
    });
    const actor = start(machine, { bookingToken: 'link-token' });
    const shown = await waitFor(actor, (s) => s.matches({ manage: 'shown' }));
    expect(step(actor)).to.equal('manage');
    expect(tokens).to.deep.equal(['link-token']);
    expect(shown.context.managed?.[0]?.cancelRefusal).to.deep.equal({ code: 'started' });
    // Reschedule's reason too, for a booking that is not over (this one has ended: nothing to say).
    expect(shown.context.managed?.[0]?.rescheduleRefusal).to.equal(undefined);
    const hour = 3_600_000;
    const now = new Date();
    const running = aBooking({
      status: 'CONFIRMED',
      startDate: new Date(+now - hour).toISOString(),
      endDate: new Date(+now + hour).toISOString(),
    });
    const services = shown.context.services;
    expect(
      rescheduleRefusalOf(row({ booking: running, allowedActions: { cancel: false, reschedule: false } }), services, now),
    ).to.deep.equal({
      code: 'off',
    });
    expect(rescheduleRefusalOf(row({ booking: running }), services, now), 'offered: no reason').to.equal(undefined);
    actor.send({ type: 'CANCEL_MANAGED', bookingId: 'bk-1' });
    expect(actor.getSnapshot().matches({ manage: 'shown' }), 'the server does not allow it: nothing is sent').to.equal(true);
    actor.send({ type: 'BOOK_ANOTHER' });
    expect(step(actor)).to.equal('service');
    expect(actor.getSnapshot().context.bookingToken).to.equal(undefined);
    actor.stop();
  });

  it('reschedules with the revision; a time taken meanwhile brings the times back with the lost-race flag', async () => {
    const asked: { revision: string; slot: BookedSlot }[] = [];
    const { machine } = fakeFlow({
      loadMyBookings: fromPromise<ManagedBooking[]>(async () => [row()]),
      rescheduleManaged: fromPromise<Booking, { row: ManagedBooking; slot: BookedSlot }>(async ({ input }) => {
        asked.push({ revision: input.row.booking.revision, slot: input.slot });
        if (asked.length === 1)
          throw new BookingApiError(428, 'That time was just taken.', { code: 'SLOT_NOT_AVAILABLE', description: '', data: {} });
        return { ...input.row.booking, startDate: '2026-12-05T15:00:00.000Z', revision: '5' };
      }),
    });
    const actor = start(machine, { view: 'my-bookings' });
    await waitFor(actor, (s) => s.matches({ myBookings: 'shown' }));
    actor.send({ type: 'RESCHEDULE_MANAGED', bookingId: 'bk-1' });
    const ready = await waitFor(actor, (s) => s.matches({ reschedule: 'ready' }));
    expect(step(actor)).to.equal('reschedule');
    expect(ready.context.service?.id).to.equal('svc-yoga');
    actor.send({ type: 'SELECT_SLOT', slot: ready.context.slots[0]! });
    actor.send({ type: 'NEXT' });
    const lost = await waitFor(actor, (s) => s.matches({ reschedule: 'ready' }) && s.context.raceLost);
    expect(lost.context.slot).to.equal(undefined);
    expect(lost.context.error?.code).to.equal('SLOT_NOT_AVAILABLE');
    actor.send({ type: 'SELECT_SLOT', slot: lost.context.slots[1]! });
    actor.send({ type: 'NEXT' });
    const moved = await waitFor(actor, (s) => s.matches({ myBookings: 'shown' }));
    expect(asked.map((a) => a.revision)).to.deep.equal(['4', '4']);
    expect(asked[1]?.slot).to.include({ serviceId: 'svc-yoga', startDate: '2026-12-05T10:00:00' });
    expect(moved.context.managed?.[0]?.booking.revision).to.equal('5');
    actor.stop();
  });
});
