/**
 * The agenda's pure rules in the browser: days and their starts in the studio's zone across the DST changes of
 * New York (a 23-hour and a 25-hour day), where sessions and bookings of such a week land, what a session counts,
 * the STAFF filter, and the period in the address.
 */
import { expect } from '@open-wc/testing';
import type { TimeSlot } from '../../../src/model/availability.js';
import type { Booking, BookingStatus } from '../../../src/model/booking.js';
import { buildAgenda, type SessionItem } from '../../../src/console/agenda/agenda-items.js';
import { agendaHash, parseAgendaParam, periodDays, periodRange, stepPeriod } from '../../../src/console/agenda/agenda-time.js';
import { localParts, shortZoneName, startOfDay } from '../../../src/console/shared/studio-time.js';

const NY = 'America/New_York';
const iso = (ms: number) => new Date(ms).toISOString();

function aSession(
  eventId: string,
  localStartDate: string,
  extra: { teacher?: string; taken?: number; waiting?: number; canceled?: boolean } = {},
): TimeSlot {
  const capacity = 12;
  const end = `${localStartDate.slice(0, 11)}${String(Number(localStartDate.slice(11, 13)) + 1).padStart(2, '0')}${localStartDate.slice(13)}`;
  return {
    serviceId: 'vinyasa',
    scheduleId: 'vinyasa-schedule',
    localStartDate,
    localEndDate: end,
    bookable: !extra.canceled,
    totalCapacity: capacity,
    remainingCapacity: capacity - (extra.taken ?? 0),
    bookableCapacity: capacity - (extra.taken ?? 0),
    eventInfo: {
      eventId,
      eventTitle: 'Vinyasa Flow',
      ...(extra.waiting !== undefined ? { waitingList: { totalCapacity: 5, remainingCapacity: 5 - extra.waiting } } : {}),
    },
    availableResources: [
      { resourceTypeId: 'staff', resources: [{ id: extra.teacher ?? 'maya', name: extra.teacher === 'jordan' ? 'Jordan' : 'Maya Chen' }] },
    ],
    bookingPolicyViolations: { tooEarlyToBook: false, tooLateToBook: false, bookOnlineDisabled: false },
    nonBookableReasons: { noRemainingCapacity: false, violatesBookingPolicy: false, eventCancelled: extra.canceled ?? false },
  };
}

function aBooking(id: string, startDate: string, extra: Partial<Booking> = {}, status: BookingStatus = 'CONFIRMED'): Booking {
  return {
    id,
    status,
    revision: '1',
    startDate,
    endDate: iso(Date.parse(startDate) + 3_600_000),
    paymentStatus: 'NOT_PAID',
    bookedEntity: { title: 'Personal Training', slot: { serviceId: 'training', scheduleId: 'training-schedule' } },
    contactDetails: { firstName: 'Priya' },
    totalParticipants: 1,
    createdDate: '2027-03-01T15:00:00.000Z',
    updatedDate: '2027-03-01T15:00:00.000Z',
    ...extra,
  };
}

describe('console: agenda days in the studio zone', () => {
  it('starts each day at its local midnight, including the 23-hour and 25-hour days of DST', () => {
    expect(iso(startOfDay('2027-03-13', NY))).to.equal('2027-03-13T05:00:00.000Z');
    expect(iso(startOfDay('2027-03-14', NY))).to.equal('2027-03-14T05:00:00.000Z');
    expect(iso(startOfDay('2027-03-15', NY))).to.equal('2027-03-15T04:00:00.000Z');
    expect(startOfDay('2027-03-15', NY) - startOfDay('2027-03-14', NY)).to.equal(23 * 3_600_000);
    expect(startOfDay('2027-11-08', NY) - startOfDay('2027-11-07', NY)).to.equal(25 * 3_600_000);
    // Where DST skips midnight itself (Santiago, 2022-09-11), the day starts at 01:00, the first moment it has.
    const santiago = startOfDay('2022-09-11', 'America/Santiago');
    expect(localParts(santiago, 'America/Santiago')).to.deep.equal({ day: '2022-09-11', hour: 1, minute: 0 });
  });

  it('shows a Monday-to-Sunday week and steps a day or a week at a time', () => {
    expect(periodDays('2027-03-17', 'week')).to.deep.equal([
      '2027-03-15',
      '2027-03-16',
      '2027-03-17',
      '2027-03-18',
      '2027-03-19',
      '2027-03-20',
      '2027-03-21',
    ]);
    expect(periodDays('2026-12-02', 'day')).to.deep.equal(['2026-12-02']);
    expect(stepPeriod('2026-12-31', 'day', 1)).to.equal('2027-01-01');
    expect(stepPeriod('2026-12-02', 'week', -1)).to.equal('2026-11-23');
    const week = periodRange(periodDays('2027-03-10', 'week'), NY);
    expect(iso(week.fromMs)).to.equal('2027-03-08T05:00:00.000Z');
    expect(iso(week.toMs)).to.equal('2027-03-15T04:00:00.000Z');
    expect(shortZoneName(NY, week.fromMs)).to.equal('EST');
    expect(shortZoneName(NY, week.toMs - 1)).to.equal('EDT');
  });

  it('reads and writes the period in the address, refusing dates that do not exist', () => {
    expect(parseAgendaParam(undefined)).to.deep.equal({ mode: 'day', day: undefined });
    expect(parseAgendaParam('week')).to.deep.equal({ mode: 'week', day: undefined });
    expect(parseAgendaParam('week/2027-03-14')).to.deep.equal({ mode: 'week', day: '2027-03-14' });
    expect(parseAgendaParam('day/2027-02-30')).to.deep.equal({ mode: 'day', day: undefined });
    expect(agendaHash('day', '2026-12-02')).to.equal('#agenda/day/2026-12-02');
  });
});

describe('console: agenda entries', () => {
  it('puts the sessions and bookings of the DST week of 2027-03-14 at their New York hours', () => {
    const days = periodDays('2027-03-14', 'week'); // Monday 8 to Sunday 14 March; the change is Sunday 2 AM
    const agenda = buildAgenda({
      days,
      timeZone: NY,
      sessions: [aSession('e-sat', '2027-03-13T10:00:00'), aSession('e-sun', '2027-03-14T10:00:00')],
      // 10 AM on both days: 15:00Z on Saturday (EST), 14:00Z on Sunday (EDT).
      bookings: [aBooking('b-sat', '2027-03-13T15:00:00.000Z'), aBooking('b-sun', '2027-03-14T14:00:00.000Z')],
    });
    expect(agenda.map((d) => d.day)).to.deep.equal(days);
    const saturday = agenda[5];
    const sunday = agenda[6];
    expect(saturday?.hours.map((h) => [h.hour, h.items.length])).to.deep.equal([[10, 2]]);
    expect(sunday?.hours.map((h) => [h.hour, h.items.length])).to.deep.equal([[10, 2]]);
    expect(sunday?.hours[0]?.items.map((i) => i.start)).to.deep.equal(['2027-03-14T10:00:00', '2027-03-14T10:00:00']);
    expect(agenda[0]?.hours).to.deep.equal([]);
  });

  it('counts a session from the server and its bookings, with the waiting list and a cancellation', () => {
    const [day] = buildAgenda({
      days: ['2026-12-02'],
      timeZone: NY,
      sessions: [
        aSession('e1', '2026-12-02T07:00:00', { taken: 12, waiting: 2 }),
        aSession('e2', '2026-12-02T18:00:00', { canceled: true }),
      ],
      bookings: [
        // A thirteenth place the owner added past capacity: the server's count stops at 12.
        ...Array.from({ length: 13 }, (_, i) =>
          aBooking(`c${i}`, '2026-12-02T12:00:00.000Z', {
            bookedEntity: { slot: { serviceId: 'vinyasa', scheduleId: 's', eventId: 'e1' } },
          }),
        ),
        aBooking(
          'w1',
          '2026-12-02T12:00:00.000Z',
          { bookedEntity: { slot: { serviceId: 'vinyasa', scheduleId: 's', eventId: 'e1' } } },
          'WAITING_LIST',
        ),
        aBooking(
          'gone',
          '2026-12-02T12:00:00.000Z',
          { bookedEntity: { slot: { serviceId: 'vinyasa', scheduleId: 's', eventId: 'e1' } } },
          'CANCELED',
        ),
      ],
    });
    const [morning, evening] = (day?.hours ?? []).map((h) => h.items[0] as SessionItem);
    expect(morning?.booked).to.equal(13);
    expect(morning?.capacity).to.equal(12);
    expect(morning?.waiting).to.equal(2);
    expect(morning?.bookings.map((b) => b.id))
      .to.include('w1')
      .and.not.include('gone');
    expect(morning?.teacher).to.equal('Maya Chen');
    expect(evening?.canceled).to.equal(true);
    expect(evening?.waiting).to.equal(undefined);
  });

  it('shows a STAFF account only the sessions its staff member teaches, and bookings outside a session as cards', () => {
    const [day] = buildAgenda({
      days: ['2026-12-02'],
      timeZone: NY,
      sessions: [aSession('mine', '2026-12-02T07:00:00', { teacher: 'jordan' }), aSession('not-mine', '2026-12-02T09:00:00')],
      bookings: [aBooking('appointment', '2026-12-02T16:00:00.000Z', {}, 'PENDING'), aBooking('next-day', '2026-12-03T16:00:00.000Z')],
      staffMemberId: 'jordan',
    });
    const items = (day?.hours ?? []).flatMap((h) => h.items);
    expect(items.map((i) => (i.kind === 'session' ? i.eventId : i.booking.id))).to.deep.equal(['mine', 'appointment']);
  });
});
