/** Availability over real HTTP on the demo business (contract sections 4 and 11), at a fixed "now". */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, OWNER_KEY, errorShape, type TestServer } from './helpers.js';
import { MONDAY_NOW, demoService, demoStaff, insertBooking } from './availability-fixtures.js';
import type { Service } from '../../src/model/service.js';

interface Slot {
  localStartDate: string;
  localEndDate: string;
  bookable: boolean;
  totalCapacity: number;
  remainingCapacity: number;
  bookableCapacity: number;
  availableResources: { resourceTypeId: string; resources: { id: string; name: string }[] }[];
  bookingPolicyViolations: { tooEarlyToBook: boolean; tooLateToBook: boolean; bookOnlineDisabled: boolean };
  nonBookableReasons: { noRemainingCapacity: boolean; violatesBookingPolicy: boolean; eventCancelled: boolean };
  eventInfo?: { eventId: string; eventTitle: string; waitingList?: { totalCapacity: number; remainingCapacity: number } };
}

const WEEK = { fromLocalDate: '2026-06-01T00:00:00', toLocalDate: '2026-06-08T00:00:00' };
const staffNames = (s: Slot) => s.availableResources.flatMap((r) => r.resources.map((x) => x.name));
const minutes = (s: Slot) =>
  Temporal.PlainDateTime.from(s.localStartDate).until(Temporal.PlainDateTime.from(s.localEndDate)).total('minutes');

describe('availability on the demo business', () => {
  let server: TestServer;
  let training: Service;
  let vinyasa: Service;
  before(async () => {
    server = await startServer({ now: MONDAY_NOW, server: { clock: () => new Date(MONDAY_NOW.epochMilliseconds) } });
    training = await demoService(server.storage, 'Personal Training');
    vinyasa = await demoService(server.storage, 'Vinyasa Flow');
  });
  after(() => server.close());

  const appointments = (body: Record<string, unknown>) =>
    server.call('POST', '/service-availability/v2/time-slots', {
      body: { serviceId: training.id, ...WEEK, customerChoices: { durationInMinutes: 60 }, ...body },
    });
  const events = (body: Record<string, unknown>) =>
    server.call('POST', '/service-availability/v2/time-slots/event', { body: { serviceIds: [vinyasa.id], ...WEEK, ...body } });

  it('offers Personal Training for 60 minutes only Monday to Friday 09:00-17:00 New York time, for Alex and Sam', async () => {
    const { status, body } = await appointments({ customerChoices: { durationInMinutes: 60 } });
    assert.equal(status, 200);
    assert.equal(body.timeZone, 'America/New_York');
    const slots = body.timeSlots as Slot[];
    assert.equal(slots.length, 5 * 8);
    for (const s of slots) {
      const start = Temporal.PlainDateTime.from(s.localStartDate);
      assert.ok(start.dayOfWeek <= 5, `${s.localStartDate} is a weekend`);
      assert.ok(start.hour >= 9 && start.hour <= 16, `${s.localStartDate} is outside 09:00-17:00`);
      assert.equal(minutes(s), 60);
      assert.deepEqual(staffNames(s), ['Alex Rivera', 'Sam Patel']);
      assert.equal(s.availableResources[0]?.resourceTypeId, 'staff');
    }
    assert.deepEqual(body.cursorPagingMetadata, { count: 40, cursors: { next: null }, hasNext: false });
  });

  it('cuts 30-minute slots when the customer chooses 30 minutes, and refuses a length the service does not offer', async () => {
    const { body } = await appointments({ customerChoices: { durationInMinutes: 30 } });
    assert.equal(body.timeSlots.length, 5 * 16);
    assert.ok((body.timeSlots as Slot[]).every((s) => minutes(s) === 30));
    const bad = await appointments({ customerChoices: { durationInMinutes: 45 } });
    assert.equal(bad.status, 400);
    assert.deepEqual(errorShape(bad.body), { kind: 'validation', fields: ['customerChoices.durationInMinutes'] });
  });

  it('returns the same slots as local times of the zone asked for', async () => {
    const { body } = await appointments({
      timeZone: 'Europe/London',
      fromLocalDate: '2026-06-02T00:00:00',
      toLocalDate: '2026-06-03T00:00:00',
    });
    assert.equal(body.timeZone, 'Europe/London');
    assert.deepEqual(
      (body.timeSlots as Slot[]).map((s) => s.localStartDate.slice(11, 16)),
      ['14:00', '15:00', '16:00', '17:00', '18:00', '19:00', '20:00', '21:00'],
    );
  });

  it('removes exactly the overlapping slots for Alex when he has a confirmed booking, and none for Sam', async () => {
    const alex = await demoStaff(server.storage, 'Alex');
    await insertBooking(server.storage, {
      serviceId: training.id,
      scheduleId: training.schedule.id,
      resourceId: alex.id,
      startUtc: '2026-06-02T14:30:00.000Z',
      endUtc: '2026-06-02T15:30:00.000Z',
      status: 'CONFIRMED',
    });
    const { body } = await appointments({});
    const slots = body.timeSlots as Slot[];
    const withAlex = slots.filter((s) => staffNames(s).includes('Alex Rivera')).map((s) => s.localStartDate);
    const withSam = slots.filter((s) => staffNames(s).includes('Sam Patel')).map((s) => s.localStartDate);
    assert.equal(withSam.length, 40);
    assert.deepEqual(
      withSam.filter((t) => !withAlex.includes(t)),
      ['2026-06-02T10:00:00', '2026-06-02T11:00:00'],
    );
    const onlySam = await appointments({ resourceTypes: [{ resourceTypeId: 'staff', resourceIds: [alex.id] }] });
    assert.equal(onlySam.body.timeSlots.length, 38);
  });

  it('keeps a staff member free for the sessions they teach', async () => {
    const alex = await demoStaff(server.storage, 'Alex');
    const created = await server.call('POST', '/calendar/v3/session-rules', {
      token: OWNER_KEY,
      body: {
        sessionRule: {
          serviceId: vinyasa.id,
          start: '2026-06-04T12:00:00',
          durationInMinutes: 60,
          staffMemberId: alex.id,
          capacity: 12,
        },
      },
    });
    assert.equal(created.status, 200);
    const { body } = await appointments({
      fromLocalDate: '2026-06-04T00:00:00',
      toLocalDate: '2026-06-05T00:00:00',
      resourceTypes: [{ resourceTypeId: 'staff', resourceIds: [alex.id] }],
    });
    assert.ok(!(body.timeSlots as Slot[]).some((s) => s.localStartDate === '2026-06-04T12:00:00'));
    assert.equal(body.timeSlots.length, 7);
    const removed = await server.call('DELETE', `/calendar/v3/session-rules/${created.body.sessionRule.id}`, { token: OWNER_KEY });
    assert.equal(removed.status, 200);
  });

  it('marks a slot inside the late-booking limit as not bookable, too late to book', async () => {
    const { body } = await appointments({ fromLocalDate: '2026-06-01T09:00:00', toLocalDate: '2026-06-01T11:00:00' });
    const [nine, ten] = body.timeSlots as Slot[];
    assert.ok(nine && ten);
    assert.equal(nine.localStartDate, '2026-06-01T09:00:00');
    assert.equal(nine.bookable, false);
    assert.equal(nine.bookingPolicyViolations.tooLateToBook, true);
    assert.equal(nine.nonBookableReasons.violatesBookingPolicy, true);
    assert.equal(ten.bookable, true);
    assert.deepEqual(ten.bookingPolicyViolations, { tooEarlyToBook: false, tooLateToBook: false, bookOnlineDisabled: false });
    const bookableOnly = await appointments({ fromLocalDate: '2026-06-01T09:00:00', toLocalDate: '2026-06-01T11:00:00', bookable: true });
    assert.deepEqual(
      (bookableOnly.body.timeSlots as Slot[]).map((s) => s.localStartDate),
      ['2026-06-01T10:00:00'],
    );
  });

  it('lists the Vinyasa Flow sessions of the week with capacity and waiting list', async () => {
    const { status, body } = await events({});
    assert.equal(status, 200);
    const slots = body.timeSlots as Slot[];
    assert.deepEqual(
      slots.map((s) => s.localStartDate.slice(5, 16)),
      ['06-01T07:00', '06-01T18:00', '06-03T07:00', '06-03T18:00', '06-05T07:00', '06-05T18:00'],
    );
    const [past, evening] = slots;
    assert.ok(past && evening);
    assert.equal(past.bookable, false);
    assert.equal(past.bookingPolicyViolations.tooLateToBook, true);
    assert.equal(evening.bookable, true);
    assert.equal(evening.totalCapacity, 12);
    assert.equal(evening.remainingCapacity, 12);
    assert.equal(evening.eventInfo?.eventTitle, 'Vinyasa Flow');
    assert.deepEqual(evening.eventInfo?.waitingList, { totalCapacity: 5, remainingCapacity: 5 });
    assert.deepEqual(staffNames(evening), ['Maya Chen']);
  });

  it('shows a Vinyasa Flow session with 12 confirmed participants as full, with its waiting-list room', async () => {
    const before_ = (await events({})).body.timeSlots as Slot[];
    const wednesday = before_.find((s) => s.localStartDate === '2026-06-03T18:00:00');
    assert.ok(wednesday?.eventInfo);
    const at = {
      serviceId: vinyasa.id,
      scheduleId: vinyasa.schedule.id,
      eventId: wednesday.eventInfo.eventId,
      startUtc: '2026-06-03T22:00:00.000Z',
      endUtc: '2026-06-03T23:00:00.000Z',
    };
    for (const participants of [4, 4, 4]) await insertBooking(server.storage, { ...at, participants });
    await insertBooking(server.storage, { ...at, participants: 2, status: 'CANCELED' });
    let full = ((await events({})).body.timeSlots as Slot[]).find((s) => s.localStartDate === '2026-06-03T18:00:00');
    assert.ok(full);
    assert.equal(full.remainingCapacity, 0);
    assert.equal(full.bookableCapacity, 0);
    assert.equal(full.bookable, false);
    assert.equal(full.nonBookableReasons.noRemainingCapacity, true);
    assert.deepEqual(full.eventInfo?.waitingList, { totalCapacity: 5, remainingCapacity: 5 });
    await insertBooking(server.storage, { ...at, participants: 2, status: 'WAITING_LIST' });
    full = ((await events({})).body.timeSlots as Slot[]).find((s) => s.localStartDate === '2026-06-03T18:00:00');
    assert.deepEqual(full?.eventInfo?.waitingList, { totalCapacity: 5, remainingCapacity: 3 });
    const roomy = (await events({ minBookableCapacity: 1 })).body.timeSlots as Slot[];
    assert.ok(!roomy.some((s) => s.localStartDate === '2026-06-03T18:00:00'));
    const bookable = (await events({ includeNonBookable: false })).body.timeSlots as Slot[];
    assert.equal(bookable.length, 4);
  });

  it('marks a session the owner cancelled, and restores it', async () => {
    const friday = ((await events({})).body.timeSlots as Slot[]).find((s) => s.localStartDate === '2026-06-05T07:00:00');
    assert.ok(friday?.eventInfo);
    const path = `/calendar/v3/events/${friday.eventInfo.eventId}`;
    assert.equal((await server.call('POST', `${path}/cancel`)).status, 401);
    assert.equal((await server.call('POST', `${path}/cancel`, { token: OWNER_KEY })).status, 200);
    const cancelled = ((await events({})).body.timeSlots as Slot[]).find((s) => s.localStartDate === '2026-06-05T07:00:00');
    assert.equal(cancelled?.bookable, false);
    assert.equal(cancelled?.nonBookableReasons.eventCancelled, true);
    assert.equal((await server.call('POST', `${path}/restore`, { token: OWNER_KEY })).status, 200);
    const restored = ((await events({})).body.timeSlots as Slot[]).find((s) => s.localStartDate === '2026-06-05T07:00:00');
    assert.equal(restored?.nonBookableReasons.eventCancelled, false);
  });

  it('describes the Strength Foundations course as one schedule', async () => {
    const course = await demoService(server.storage, 'Strength Foundations');
    const { status, body } = await server.call('POST', '/service-availability/v2/time-slots/course', { body: { serviceId: course.id } });
    assert.equal(status, 200);
    assert.equal(body.course.totalSpots, 8);
    assert.equal(body.course.openSpots, 8);
    assert.equal(body.course.firstSessionStart, '2026-06-02T19:00:00');
    assert.equal(body.course.lastSessionEnd, '2026-07-07T20:00:00');
    assert.equal(body.course.sessions.length, 6);
    assert.equal(body.course.bookable, true);
  });

  it('pages appointment slots with an opaque cursor', async () => {
    const all = ((await appointments({ customerChoices: { durationInMinutes: 30 } })).body.timeSlots as Slot[]).map(
      (s) => s.localStartDate,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const {
        status,
        body,
      }: { status: number; body: { timeSlots: Slot[]; cursorPagingMetadata: { hasNext: boolean; cursors: { next: string | null } } } } =
        await appointments({ customerChoices: { durationInMinutes: 30 }, cursorPaging: { limit: 7, ...(cursor ? { cursor } : {}) } });
      assert.equal(status, 200);
      seen.push(...body.timeSlots.map((s) => s.localStartDate));
      cursor = body.cursorPagingMetadata.cursors.next;
      assert.equal(body.cursorPagingMetadata.hasNext, cursor !== null);
      if (!cursor) break;
    }
    assert.deepEqual(seen, all);
    const first = await appointments({ cursorPaging: { limit: 2 } });
    const misuse = await appointments({
      customerChoices: { durationInMinutes: 30 },
      cursorPaging: { cursor: first.body.cursorPagingMetadata.cursors.next },
    });
    assert.equal(misuse.status, 400);
    assert.equal((await appointments({ cursorPaging: { cursor: 'nonsense' } })).status, 400);
  });

  it('answers bad input with the contract error body', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ toLocalDate: '2026-08-03T00:00:00' }, 400, 'toLocalDate'],
      [{ fromLocalDate: 'tomorrow' }, 400, 'fromLocalDate'],
      [{ fromLocalDate: '2026-02-30T00:00:00' }, 400, 'fromLocalDate'],
      [{ timeZone: 'Mars/Olympus' }, 400, 'timeZone'],
      [{ fromLocalDate: '2026-06-05T00:00:00', toLocalDate: '2026-06-01T00:00:00' }, 400, 'toLocalDate'],
      [{ resourceTypes: [{ resourceTypeId: 'room' }] }, 400, 'resourceTypes[0].resourceTypeId'],
      [{ serviceId: vinyasa.id }, 400, 'serviceId'],
      [{ cursorPaging: { limit: 1001 } }, 400, 'cursorPaging.limit'],
    ];
    for (const [body, status, field] of cases) {
      const reply = await appointments(body);
      assert.equal(reply.status, status, JSON.stringify(body));
      assert.deepEqual(errorShape(reply.body), { kind: 'validation', fields: [field] }, JSON.stringify(body));
    }
    const long = await appointments({ toLocalDate: '2026-08-03T00:00:00' });
    assert.match(long.body.message, /62 days/);
    const unknown = await appointments({ serviceId: crypto.randomUUID() });
    assert.equal(unknown.status, 404);
    assert.deepEqual(errorShape(unknown.body), { kind: 'application', code: 'SERVICE_NOT_FOUND' });
    const wrongType = await events({ serviceIds: [training.id] });
    assert.deepEqual(errorShape(wrongType.body), { kind: 'validation', fields: ['serviceIds[0]'] });
    const noService = await server.call('POST', '/service-availability/v2/time-slots', { body: {} });
    assert.equal(noService.status, 400);
    errorShape(noService.body);
  });

  it('starts at now when fromLocalDate is left out', async () => {
    const { body } = await appointments({ fromLocalDate: undefined, toLocalDate: undefined });
    const first = (body.timeSlots as Slot[])[0];
    assert.equal(first?.localStartDate, '2026-06-01T09:00:00');
    assert.equal(body.timeSlots.length, 40);
  });
});
