/**
 * The console's new booking and customers rules, in the browser: full slots, the contact checks, the create request
 * with the owner's options, and the flow machine driven with its calls swapped out (Back keeps what was typed; a
 * taken slot keeps the review with words on what to do).
 */
import { expect } from '@open-wc/testing';
import { createActor, fromPromise, waitFor } from 'xstate';
import { BookingApiError } from '../../../src/api/errors.js';
import type { BookingClient } from '../../../src/api/client.js';
import type { TimeSlot } from '../../../src/model/availability.js';
import type { Booking, PriceInfo } from '../../../src/model/booking.js';
import type { Customer } from '../../../src/model/customer.js';
import type { Service, ServiceOptionsAndVariants } from '../../../src/model/service.js';
import { contactErrors, createRequest, slotIsFull, type Choices } from '../../../src/console/new-booking/new-booking-rules.js';
import { newBookingMachine } from '../../../src/console/new-booking/new-booking-machine.js';
import { NEW_BOOKING_TEXT } from '../../../src/console/new-booking/new-booking-texts.js';
import { splitByTime } from '../../../src/console/customers/customer-rows.js';

const service = (type: Service['type'], rateType: Service['payment']['rateType'] = 'FIXED') =>
  ({ id: 's1', name: 'Yoga', type, payment: { rateType }, schedule: { id: 'sch' }, staffMemberIds: ['alex'] }) as unknown as Service;

function aSlot(over: Partial<TimeSlot> = {}): TimeSlot {
  return {
    serviceId: 's1',
    scheduleId: 'sch',
    localStartDate: '2026-12-09T10:00:00',
    localEndDate: '2026-12-09T11:00:00',
    bookable: true,
    totalCapacity: 1,
    remainingCapacity: 1,
    bookableCapacity: 1,
    availableResources: [{ resourceTypeId: 'staff', resources: [{ id: 'alex', name: 'Alex' }] }],
    bookingPolicyViolations: {},
    nonBookableReasons: {},
    ...over,
  } as TimeSlot;
}

const choices = (over: Partial<Choices> = {}): Choices => ({
  participants: 1,
  staffId: '',
  details: { firstName: ' Noor ', lastName: 'Haddad', email: 'noor@example.com', phone: '' },
  options: { doubleBook: false, confirmNow: false },
  timeZone: 'America/New_York',
  ...over,
});

describe('console: new booking rules', () => {
  it('marks a slot full when it has no room, or when the staff member asked for is not free', () => {
    expect(slotIsFull(aSlot(), '')).to.equal(false);
    expect(slotIsFull(aSlot({ bookable: false, remainingCapacity: 0, availableResources: [] }), '')).to.equal(true);
    expect(slotIsFull(aSlot(), 'sam')).to.equal(true);
    expect(slotIsFull(aSlot(), 'alex')).to.equal(false);
  });

  it('checks the contact fields, each with its own message; the phone is optional', () => {
    expect(contactErrors({})).to.have.keys('firstName', 'lastName', 'email');
    expect(contactErrors({ firstName: 'A', lastName: 'B', email: 'nope' })).to.deep.equal({ email: NEW_BOOKING_TEXT.badEmail });
    expect(contactErrors({ firstName: 'A', lastName: 'B', email: 'a@b.co', phone: 'call me' })).to.have.keys('phone');
    expect(contactErrors({ firstName: 'A', lastName: 'B', email: 'a@b.co' })).to.deep.equal({});
  });

  it('asks for payment in person, and turns the owner options into flow control', () => {
    const plain = createRequest(choices({ service: service('APPOINTMENT'), slot: aSlot() }));
    expect(plain.booking.selectedPaymentOption).to.equal('OFFLINE');
    expect(plain.booking.contactDetails).to.deep.equal({
      firstName: 'Noor',
      lastName: 'Haddad',
      email: 'noor@example.com',
      timeZone: 'America/New_York',
    });
    expect(plain.booking.bookedEntity?.slot?.resource).to.deep.equal({ id: 'alex' });
    expect(plain.flowControlSettings).to.deep.equal({ skipSelectedPaymentOptionValidation: true });

    const owner = createRequest(
      choices({ service: service('CLASS', 'NO_FEE'), slot: aSlot(), options: { doubleBook: true, confirmNow: true } }),
    );
    expect(owner.flowControlSettings).to.deep.equal({ skipAvailabilityValidation: true, skipBusinessConfirmation: true });
    expect(owner.booking.selectedPaymentOption).to.equal(undefined, 'a free class has nothing to pay');
    expect(owner.booking.bookedEntity?.slot?.resource).to.equal(undefined);
  });

  it('splits a customer’s bookings into upcoming (soonest first) and past (latest first)', () => {
    const b = (id: string, startDate: string) => ({ id, startDate }) as Booking;
    const { upcoming, past } = splitByTime(
      [b('p1', '2026-11-01T00:00:00Z'), b('u2', '2026-12-20T00:00:00Z'), b('u1', '2026-12-10T00:00:00Z'), b('p2', '2026-11-20T00:00:00Z')],
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(upcoming.map((x) => x.id)).to.deep.equal(['u1', 'u2']);
    expect(past.map((x) => x.id)).to.deep.equal(['p2', 'p1']);
  });
});

describe('console: new booking machine', () => {
  const yoga = service('CLASS');
  const slot = aSlot({ totalCapacity: 10, remainingCapacity: 3, availableResources: [] });
  const machine = (book: () => Promise<Booking>) =>
    newBookingMachine.provide({
      actors: {
        start: fromPromise(async () => ({ services: [yoga], timeZone: 'America/New_York', customer: undefined as Customer | undefined })),
        loadVariants: fromPromise(async (): Promise<ServiceOptionsAndVariants | null> => null),
        loadSlots: fromPromise(async () => ({ slots: [slot] })),
        preview: fromPromise(async (): Promise<PriceInfo | undefined> => undefined),
        book: fromPromise(book),
      },
    });

  async function toReview(actor: ReturnType<typeof createActor<ReturnType<typeof machine>>>) {
    await waitFor(actor, (s) => s.matches('service'));
    actor.send({ type: 'SERVICE', serviceId: 's1' });
    await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
    actor.send({ type: 'SLOT', slot });
    actor.send({ type: 'CONTINUE' });
    expect(actor.getSnapshot().matches('customer'), 'empty fields keep the customer step').to.equal(true);
    expect(actor.getSnapshot().context.contactErrors).to.have.keys('firstName', 'lastName', 'email');
    actor.send({ type: 'DETAILS', details: { firstName: 'Noor', lastName: 'Haddad', email: 'noor@example.com' } });
    actor.send({ type: 'CONTINUE' });
    await waitFor(actor, (s) => s.matches({ review: 'ready' }));
  }

  it('goes service → time → customer → review, and Back keeps what was typed', async () => {
    const actor = createActor(
      machine(async () => ({ id: 'b1', status: 'CONFIRMED' }) as Booking),
      { input: { client: {} as BookingClient } },
    ).start();
    await toReview(actor);
    actor.send({ type: 'BACK' });
    expect(actor.getSnapshot().matches('customer')).to.equal(true);
    expect(actor.getSnapshot().context.details.email).to.equal('noor@example.com');
    actor.send({ type: 'CONTINUE' });
    await waitFor(actor, (s) => s.matches({ review: 'ready' }));
    actor.send({ type: 'BOOK' });
    await waitFor(actor, (s) => s.matches('done'));
    expect(actor.getSnapshot().context.booking?.id).to.equal('b1');
    actor.stop();
  });

  it('keeps the review and says what to do when the time was taken meanwhile', async () => {
    const taken = new BookingApiError(428, 'full', { code: 'SLOT_NOT_AVAILABLE', description: 'full', data: {} });
    const actor = createActor(
      machine(async () => {
        throw taken;
      }),
      { input: { client: {} as BookingClient } },
    ).start();
    await toReview(actor);
    actor.send({ type: 'OPTIONS', options: { confirmNow: true } });
    actor.send({ type: 'BOOK' });
    await waitFor(actor, (s) => s.matches({ review: 'ready' }) && s.context.error !== undefined);
    expect(actor.getSnapshot().context.error).to.equal(NEW_BOOKING_TEXT.slotTaken);
    expect(actor.getSnapshot().context.options.confirmNow).to.equal(true);
    expect(actor.getSnapshot().context.details.lastName).to.equal('Haddad');
    actor.stop();
  });
});
