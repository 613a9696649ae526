/**
 * The booking and notifications views' pure rules, in the browser: which actions a booking offers (lifecycle,
 * payment and role), how its facts read, the reschedule picker's choices, and which notifications are resolved.
 */
import { expect } from '@open-wc/testing';
import type { Booking, BookingStatus, PaymentStatus } from '../../../src/model/booking.js';
import type { TimeSlot } from '../../../src/model/availability.js';
import type { EcomOrder } from '../../../src/model/checkout.js';
import type { OwnerNotification } from '../../../src/model/booking-history.js';
import { detailActions } from '../../../src/console/booking/booking-actions.js';
import { formatRange, historyLine, participantsText } from '../../../src/console/booking/booking-facts.js';
import { choicesFor, dayOf, durationMinutes } from '../../../src/console/reschedule/reschedule-slots.js';
import { addDays } from '../../../src/console/shared/studio-time.js';
import { isResolved, notificationRows } from '../../../src/console/notifications/notification-rows.js';

function aBooking(id: string, status: BookingStatus, extra: Partial<Booking> = {}): Booking {
  return {
    id,
    status,
    revision: '1',
    startDate: '2026-12-03T15:00:00.000Z',
    endDate: '2026-12-03T16:00:00.000Z',
    paymentStatus: 'NOT_PAID',
    bookedEntity: {
      title: 'Personal Training',
      slot: { serviceId: 's1', scheduleId: 'sc1', startDate: '2026-12-03T10:00:00', resource: { id: 'alex', name: 'Alex Rivera' } },
    },
    contactDetails: { firstName: 'Priya' },
    createdDate: '2026-12-01T15:00:00.000Z',
    updatedDate: '2026-12-01T15:00:00.000Z',
    ...extra,
  };
}

const anOrder = (paymentStatus: EcomOrder['paymentStatus'], status: EcomOrder['status'] = 'APPROVED') =>
  ({ status, paymentStatus }) as Pick<EcomOrder, 'status' | 'paymentStatus'>;

describe('console: a booking’s actions', () => {
  it('offers the lifecycle’s actions: PENDING all four, CONFIRMED cancel and reschedule, CANCELED none', () => {
    expect(detailActions(aBooking('a', 'PENDING'), undefined, 'OWNER')).to.deep.equal(['confirm', 'decline', 'cancel', 'reschedule']);
    expect(detailActions(aBooking('a', 'CONFIRMED'), undefined, 'OWNER')).to.deep.equal(['cancel', 'reschedule']);
    expect(detailActions(aBooking('a', 'CANCELED'), undefined, 'OWNER')).to.deep.equal([]);
  });

  it('offers Mark as paid while unpaid, and Refund to the owner only once paid', () => {
    const paid = (p: PaymentStatus) => aBooking('a', 'CONFIRMED', { paymentStatus: p });
    expect(detailActions(paid('NOT_PAID'), anOrder('NOT_PAID'), 'STAFF')).to.include('markPaid');
    expect(detailActions(paid('PARTIALLY_PAID'), anOrder('PARTIALLY_PAID'), 'OWNER')).to.include.members(['markPaid', 'refund']);
    expect(detailActions(paid('PAID'), anOrder('PAID'), 'OWNER')).to.include('refund');
    expect(detailActions(paid('PAID'), anOrder('PAID'), 'STAFF')).not.to.include('refund');
    expect(detailActions(paid('PAID'), anOrder('PENDING'), 'OWNER')).not.to.include('refund', 'a card payment still settling');
    expect(detailActions(paid('REFUNDED'), anOrder('FULLY_REFUNDED'), 'OWNER')).not.to.include.members(['refund', 'markPaid']);
    expect(detailActions(paid('NOT_PAID'), undefined, 'OWNER')).not.to.include('markPaid', 'no order yet');
  });
});

describe('console: how a booking reads', () => {
  it("shows start–end in the studio's zone with its short name", () => {
    expect(formatRange(aBooking('a', 'CONFIRMED'), 'America/New_York')).to.match(/^Thu, Dec 3, 10:00\s?AM EST – 11:00\s?AM$/);
  });

  it('names the participants’ choices', () => {
    const b = aBooking('a', 'CONFIRMED', {
      participantsChoices: {
        serviceChoices: [{ numberOfParticipants: 1, choices: [{ optionId: 'o', duration: { minutes: 60, name: '60 minutes' } }] }],
      },
    });
    expect(participantsText(b)).to.equal('1 (60 minutes)');
    expect(participantsText(aBooking('b', 'CONFIRMED', { totalParticipants: 2 }))).to.equal('2');
  });

  it('says who changed what in the history', () => {
    const entry = { action: 'CONFIRM', fromStatus: 'PENDING', toStatus: 'CONFIRMED', actor: { kind: 'owner' } } as const;
    expect(historyLine({ ...entry, bookingId: 'a', revision: '2', at: '', booking: aBooking('a', 'CONFIRMED') })).to.equal(
      'Confirmed by the owner: PENDING → CONFIRMED',
    );
  });
});

describe('console: the reschedule picker’s choices', () => {
  const slot = (start: string, staff: string[], extra: Partial<TimeSlot> = {}): TimeSlot => ({
    serviceId: 's1',
    scheduleId: 'sc1',
    localStartDate: start,
    localEndDate: start.replace('T1', 'T2'),
    bookable: true,
    totalCapacity: 1,
    remainingCapacity: 1,
    bookableCapacity: 1,
    availableResources: [{ resourceTypeId: 'staff', resources: staff.map((id) => ({ id, name: id })) }],
    bookingPolicyViolations: { tooEarlyToBook: false, tooLateToBook: false, bookOnlineDisabled: false },
    nonBookableReasons: { noRemainingCapacity: false, violatesBookingPolicy: false, eventCancelled: false },
    ...extra,
  });

  it('keeps the staff member, and builds the slot rescheduleBooking takes', () => {
    const choices = choicesFor(
      aBooking('a', 'CONFIRMED'),
      [slot('2026-12-03T13:00:00', ['sam']), slot('2026-12-03T14:00:00', ['alex'])],
      'alex',
      'America/New_York',
    );
    expect(choices.map((c) => c.label)).to.deep.equal(['2:00 PM']);
    expect(choices[0]?.slot).to.deep.include({
      startDate: '2026-12-03T14:00:00',
      timezone: 'America/New_York',
      resource: { id: 'alex', name: 'alex' },
    });
  });

  it('marks a full class session (offered only with the override) and the current one', () => {
    const booking = aBooking('a', 'CONFIRMED', { bookedEntity: { slot: { serviceId: 's1', scheduleId: 'sc1', eventId: 'e1' } } });
    const full = slot('2026-12-03T18:00:00', [], { eventInfo: { eventId: 'e2' }, remainingCapacity: 0 });
    const mine = slot('2026-12-03T10:00:00', [], { eventInfo: { eventId: 'e1' } });
    const choices = choicesFor(booking, [mine, full], undefined, 'America/New_York');
    expect(choices.map((c) => [c.key, c.full, c.current])).to.deep.equal([
      ['e1', false, true],
      ['e2', true, false],
    ]);
    expect(choices[1]?.slot).to.deep.equal({ serviceId: 's1', scheduleId: 'sc1', eventId: 'e2' });
  });

  it("opens on the booking's day in the studio's zone, and keeps its length", () => {
    expect(dayOf('2026-12-03T03:00:00.000Z', 'America/New_York')).to.equal('2026-12-02');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(durationMinutes(aBooking('a', 'CONFIRMED'))).to.equal(60);
  });
});

describe('console: notifications', () => {
  const note = (id: string, bookingId: string, createdDate: string): OwnerNotification => ({
    id,
    type: 'DOUBLE_BOOKING',
    bookingId,
    message: '',
    data: {},
    createdDate,
  });

  it('is resolved once the booking no longer overflows: moved, canceled or declined', () => {
    expect(isResolved(aBooking('a', 'CONFIRMED', { doubleBooked: true }))).to.equal(false);
    expect(isResolved(aBooking('a', 'CONFIRMED'))).to.equal(true);
    expect(isResolved(aBooking('a', 'CANCELED', { doubleBooked: true }))).to.equal(true);
    expect(isResolved(undefined)).to.equal(false, 'unread yet');
  });

  it('lists one row a booking, newest first, with the others in its slot', () => {
    const flagged = aBooking('b', 'CONFIRMED', { doubleBooked: true });
    const mate = aBooking('m', 'CONFIRMED');
    const elsewhere = aBooking('x', 'CONFIRMED', { startDate: '2026-12-04T15:00:00.000Z' });
    const rows = notificationRows(
      [note('1', 'b', '2026-12-01T10:00:00Z'), note('2', 'c', '2026-12-01T11:00:00Z'), note('3', 'b', '2026-12-01T09:00:00Z')],
      new Map([['b', flagged]]),
      [flagged, mate, elsewhere],
    );
    expect(rows.map((r) => r.notification.id)).to.deep.equal(['2', '1']);
    expect(rows[1]?.others.map((o) => o.id)).to.deep.equal(['m']);
  });
});
