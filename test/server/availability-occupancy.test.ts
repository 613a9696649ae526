/**
 * The aggregate occupancy reads (issue 12): staff busy times from the covering index and session spots summed in
 * SQL give the same slots and remaining capacities as counting the booking rows one by one, on a seeded day with
 * bookings in every status, a double-booked one, and a PENDING one of a service that allows multiple requests.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BookingStatus } from '../../src/model/booking.js';
import type { Service } from '../../src/model/service.js';
import type { StaffMember } from '../../src/model/business.js';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import { AvailabilityService } from '../../server/domain/availability/service.js';
import { createSlotResolver } from '../../server/domain/availability/resolver.js';
import { freeAppointmentSlots, type Interval } from '../../server/domain/availability/appointments.js';
import { localText } from '../../server/domain/availability/time.js';
import { MONDAY_NOW, demoService, demoStaff, insertBooking } from './availability-fixtures.js';

const ZONE = 'America/New_York';
const DAY = { fromLocalDate: '2026-06-02T00:00:00', toLocalDate: '2026-06-03T00:00:00' };
const WEEK = { fromLocalDate: '2026-06-01T00:00:00', toLocalDate: '2026-06-08T00:00:00' };
const ALL: BookingStatus[] = ['CREATED', 'PENDING', 'CONFIRMED', 'WAITING_LIST', 'CANCELED', 'DECLINED'];

/** The rule before the aggregate reads: CONFIRMED blocks; PENDING unless its own service allows multiple requests. */
const blocksByRow = (status: BookingStatus, allowMultiple: boolean) => status === 'CONFIRMED' || (status === 'PENDING' && !allowMultiple);

describe('aggregate occupancy reads give the same answers as counting booking rows', () => {
  let dir: string;
  let storage: SqliteStorage;
  let availability: AvailabilityService;
  let training: Service;
  let relaxed: Service;
  let vinyasa: Service;
  let alex: StaffMember;
  let sam: StaffMember;
  const ids: Record<string, string> = {};

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'occupancy-test-'));
    storage = createSqliteStorage(join(dir, 'bookings.sqlite'));
    await seedDemo(storage, MONDAY_NOW);
    availability = new AvailabilityService(storage, () => new Date(MONDAY_NOW.epochMilliseconds));
    training = await demoService(storage, 'Personal Training');
    vinyasa = await demoService(storage, 'Vinyasa Flow');
    alex = await demoStaff(storage, 'Alex');
    sam = await demoStaff(storage, 'Sam');
    // Another appointment service whose PENDING requests do not block its staff.
    relaxed = {
      ...training,
      id: crypto.randomUUID(),
      name: 'Relaxed Training',
      schedule: { ...training.schedule, id: crypto.randomUUID() },
      onlineBooking: { ...training.onlineBooking, allowMultipleRequests: true },
    };
    await storage.catalogue.insertService(relaxed);

    // Tuesday 2 June 2026 (New York is UTC-4): one booking per hour and status.
    const at = (service: Service, staff: StaffMember, hour: number, status: BookingStatus) =>
      insertBooking(storage, {
        serviceId: service.id,
        scheduleId: service.schedule.id,
        resourceId: staff.id,
        startUtc: `2026-06-02T${String(hour + 4).padStart(2, '0')}:00:00.000Z`,
        endUtc: `2026-06-02T${String(hour + 5).padStart(2, '0')}:00:00.000Z`,
        status,
      });
    ids.alexConfirmed = await at(training, alex, 10, 'CONFIRMED');
    await at(training, alex, 11, 'PENDING');
    await at(training, alex, 12, 'CREATED');
    await at(training, alex, 13, 'CANCELED');
    await at(training, alex, 14, 'DECLINED');
    await at(relaxed, alex, 15, 'PENDING');
    ids.samDouble = await at(training, sam, 10, 'CONFIRMED');
    await at(training, sam, 14, 'WAITING_LIST');
    await at(relaxed, sam, 16, 'CONFIRMED');
    await storage.executor.exec((db) => db.prepare('UPDATE bookings SET double_booked = 1 WHERE id = ?').run(ids.samDouble));

    // Vinyasa Flow sessions of that week: Wednesday 18:00 in every status, Friday 07:00 full.
    const week = (await availability.eventSlots({ serviceIds: [vinyasa.id], ...WEEK })).timeSlots;
    const wednesday = week.find((s) => s.localStartDate === '2026-06-03T18:00:00');
    const friday = week.find((s) => s.localStartDate === '2026-06-05T07:00:00');
    assert.ok(wednesday?.eventInfo && friday?.eventInfo);
    const session = (slot: typeof wednesday, startUtc: string, endUtc: string) => ({
      serviceId: vinyasa.id,
      scheduleId: vinyasa.schedule.id,
      eventId: slot.eventInfo?.eventId ?? null,
      startUtc,
      endUtc,
    });
    const wed = session(wednesday, '2026-06-03T22:00:00.000Z', '2026-06-03T23:00:00.000Z');
    ids.wedConfirmed = await insertBooking(storage, { ...wed, status: 'CONFIRMED', participants: 3 });
    await insertBooking(storage, { ...wed, status: 'PENDING', participants: 2 });
    await insertBooking(storage, { ...wed, status: 'CREATED', participants: 4 });
    await insertBooking(storage, { ...wed, status: 'CANCELED', participants: 4 });
    await insertBooking(storage, { ...wed, status: 'DECLINED', participants: 4 });
    await insertBooking(storage, { ...wed, status: 'WAITING_LIST', participants: 2 });
    const double = await insertBooking(storage, { ...wed, status: 'CONFIRMED', participants: 1 });
    await storage.executor.exec((db) => db.prepare('UPDATE bookings SET double_booked = 1 WHERE id = ?').run(double));
    const fri = session(friday, '2026-06-05T11:00:00.000Z', '2026-06-05T12:00:00.000Z');
    for (const participants of [6, 6]) await insertBooking(storage, { ...fri, status: 'CONFIRMED', participants });
  });
  after(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Busy intervals of the staff from every booking row, the old way (Alex and Sam teach no sessions). */
  async function busyByRows(staff: StaffMember[]): Promise<Map<string, Interval[]>> {
    const rows = await storage.occupancy.listOccupying({
      statuses: ALL,
      fromUtc: '2026-05-01T00:00:00.000Z',
      toUtc: '2026-07-01T00:00:00.000Z',
      resourceIds: staff.map((s) => s.id),
    });
    const flags = new Map((await storage.catalogue.listServices()).map((s) => [s.id, s.onlineBooking.allowMultipleRequests]));
    const busy = new Map<string, Interval[]>(staff.map((s) => [s.id, []]));
    for (const r of rows) {
      if (r.resourceId && blocksByRow(r.status, flags.get(r.serviceId) ?? false)) {
        busy.get(r.resourceId)?.push({ startMs: Date.parse(r.startUtc), endMs: Date.parse(r.endUtc) });
      }
    }
    return busy;
  }

  it('leaves out exactly the appointment slots blocked by CONFIRMED (double-booked too) and blocking PENDING bookings', async () => {
    for (const s of [alex, sam]) assert.deepEqual(await storage.schedules.listRules({ staffMemberId: s.id }), []);
    const got = (await availability.appointmentSlots({ serviceId: training.id, ...DAY, customerChoices: { durationInMinutes: 60 } }))
      .timeSlots;
    const staff = [alex, sam];
    const range = { fromMs: Date.parse('2026-06-02T04:00:00Z'), toMs: Date.parse('2026-06-03T04:00:00Z') };
    const expected = freeAppointmentSlots(staff, await busyByRows(staff), {
      zone: ZONE,
      ...range,
      durationMinutes: 60,
      gapMinutes: training.schedule.availabilityConstraints.timeBetweenSessions,
    });
    const shape = (start: string, names: string[]) => `${start.slice(11, 16)} ${names.join('+')}`;
    assert.deepEqual(
      got.map((s) =>
        shape(
          s.localStartDate,
          s.availableResources.flatMap((r) => r.resources.map((x) => x.name)),
        ),
      ),
      expected.map((s) =>
        shape(
          localText(s.startMs, ZONE),
          s.staff.map((x) => x.name),
        ),
      ),
    );
    const byHour = new Map(
      got.map((s) => [s.localStartDate.slice(11, 13), s.availableResources.flatMap((r) => r.resources.map((x) => x.id))]),
    );
    assert.equal(byHour.has('10'), false, 'Alex CONFIRMED, Sam double-booked CONFIRMED');
    assert.deepEqual(byHour.get('11'), [sam.id], 'Alex PENDING blocks');
    assert.deepEqual(byHour.get('12'), [alex.id, sam.id], 'CREATED does not block');
    assert.deepEqual(byHour.get('13'), [alex.id, sam.id], 'CANCELED does not block');
    assert.deepEqual(byHour.get('14'), [alex.id, sam.id], 'DECLINED and WAITING_LIST do not block');
    assert.deepEqual(byHour.get('15'), [alex.id, sam.id], 'PENDING of a service allowing multiple requests does not block');
    assert.deepEqual(byHour.get('16'), [alex.id], 'CONFIRMED of another service blocks');
  });

  it('counts session spots and waiting lists per event as the rows do', async () => {
    const slots = (await availability.eventSlots({ serviceIds: [vinyasa.id], ...WEEK })).timeSlots;
    const rows = await storage.occupancy.listOccupying({
      statuses: ALL,
      fromUtc: '2026-05-01T00:00:00.000Z',
      toUtc: '2026-07-01T00:00:00.000Z',
      eventIds: slots.map((s) => s.eventInfo?.eventId ?? ''),
    });
    for (const slot of slots) {
      const mine = rows.filter((r) => r.eventId === slot.eventInfo?.eventId);
      const taken = mine.filter((r) => blocksByRow(r.status, false)).reduce((n, r) => n + r.participants, 0);
      const waiting = mine.filter((r) => r.status === 'WAITING_LIST').reduce((n, r) => n + r.participants, 0);
      assert.equal(slot.remainingCapacity, Math.max(0, slot.totalCapacity - taken), slot.localStartDate);
      assert.equal(slot.eventInfo?.waitingList?.remainingCapacity, Math.max(0, 5 - waiting), slot.localStartDate);
    }
    const wednesday = slots.find((s) => s.localStartDate === '2026-06-03T18:00:00');
    assert.equal(wednesday?.remainingCapacity, 12 - (3 + 2 + 1));
    assert.deepEqual(wednesday?.eventInfo?.waitingList, { totalCapacity: 5, remainingCapacity: 3 });
    const friday = slots.find((s) => s.localStartDate === '2026-06-05T07:00:00');
    assert.equal(friday?.remainingCapacity, 0);
    assert.equal(friday?.bookable, false);
    assert.equal(slots.filter((s) => s.remainingCapacity === 12).length, slots.length - 2);
  });

  it("gives the resolver's remaining capacity, leaving out the booking being decided", async () => {
    const resolver = createSlotResolver(storage);
    const now = new Date(MONDAY_NOW.epochMilliseconds);
    const slots = (await availability.eventSlots({ serviceIds: [vinyasa.id], ...WEEK })).timeSlots;
    const eventId = slots.find((s) => s.localStartDate === '2026-06-03T18:00:00')?.eventInfo?.eventId;
    assert.ok(eventId);
    const session = await resolver.resolve(vinyasa, { slot: { serviceId: vinyasa.id, scheduleId: vinyasa.schedule.id, eventId } }, now);
    assert.equal(await resolver.remainingCapacity(vinyasa, session), 6);
    assert.equal(await resolver.remainingCapacity(vinyasa, session, { excludeBookingId: ids.wedConfirmed }), 9);

    const appointment = (hour: number, staff: StaffMember) =>
      resolver.resolve(
        training,
        {
          slot: {
            serviceId: training.id,
            scheduleId: training.schedule.id,
            startDate: `2026-06-02T${hour}:00:00`,
            endDate: `2026-06-02T${hour + 1}:00:00`,
            resource: { id: staff.id },
          },
        },
        now,
      );
    const alexTen = await appointment(10, alex);
    assert.equal(await resolver.remainingCapacity(training, alexTen), 0);
    assert.equal(await resolver.remainingCapacity(training, alexTen, { excludeBookingId: ids.alexConfirmed }), 1);
    assert.equal(await resolver.remainingCapacity(training, await appointment(11, alex)), 0);
    assert.equal(await resolver.remainingCapacity(training, await appointment(12, alex)), 1);
    assert.equal(await resolver.remainingCapacity(training, await appointment(15, alex)), 1);
    assert.equal(await resolver.remainingCapacity(training, await appointment(10, sam)), 0);
    assert.equal(await resolver.remainingCapacity(training, await appointment(14, sam)), 1);
  });
});
