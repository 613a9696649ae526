/**
 * The owner's session list (`GET /calendar/v3/events`, extension): class and course sessions of a range sorted by
 * start, hidden services' and cancelled ones included, places taken per session (a course's for each of its
 * sessions), filtered by a comma-separated `serviceId`; a range past 62 days or backwards is 400, and only the
 * owner may list. Runs on either backend (BOOKINGS_TEST_STORAGE=postgres).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorShape, type TestServer } from './helpers.js';
import {
  classBooking,
  eventIdAt,
  OWNER_KEY,
  serviceNamed,
  startBookingServer,
  visitorToken,
  type DemoService,
} from './bookings-fixtures.js';
import { book } from './money-fixtures.js';
import { createClient } from '../../src/api/client.js';

interface Listed {
  id: string;
  serviceId: string;
  localStartDate: string;
  localEndDate: string;
  status: string;
  bookedCount: number;
  capacity: number;
  timeZone: string;
}

describe('the session list', () => {
  let server: TestServer;
  let vinyasa: DemoService;
  let course: DemoService;
  let climb: DemoService;

  before(async () => {
    ({ server } = await startBookingServer());
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    course = await serviceNamed(server, 'Strength Foundations');
    climb = await serviceNamed(server, 'Family Climb');
  });
  after(() => server.close());

  const list = (query: string, token: string | null = OWNER_KEY) =>
    server.call('GET', `/calendar/v3/events?${query}`, token ? { token } : {});
  const week = 'fromLocalDate=2026-12-07T00:00:00&toLocalDate=2026-12-14T00:00:00';

  it('lists class and course sessions by start, hidden and cancelled ones too, with the places taken', async () => {
    const wednesday = await eventIdAt(server, vinyasa, '2026-12-09T18:00:00');
    const friday = await eventIdAt(server, vinyasa, '2026-12-11T07:00:00');
    for (let i = 0; i < 2; i++)
      await book(server, OWNER_KEY, { ...classBooking(vinyasa, wednesday), flowControlSettings: { skipBusinessConfirmation: true } });
    await book(server, OWNER_KEY, {
      booking: {
        bookedEntity: { schedule: { scheduleId: course.scheduleId, serviceId: course.id } },
        contactDetails: { firstName: 'Course', lastName: 'Member', email: 'course.member@example.com' },
        totalParticipants: 1,
        selectedPaymentOption: 'OFFLINE',
      },
      flowControlSettings: { skipBusinessConfirmation: true, skipSelectedPaymentOptionValidation: true },
    });
    assert.equal((await server.call('POST', `/calendar/v3/events/${friday}/cancel`, { token: OWNER_KEY })).status, 200);
    const current = (await server.call('GET', `/bookings/v2/services/${climb.id}`)).body.service;
    const hidden = await server.call('PATCH', `/bookings/v2/services/${climb.id}`, {
      token: OWNER_KEY,
      body: { service: { id: climb.id, hidden: true, revision: current.revision } },
    });
    assert.equal(hidden.status, 200, JSON.stringify(hidden.body));

    const r = await list(week);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const events = r.body.events as Listed[];
    const starts = events.map((e) => e.localStartDate);
    assert.deepEqual(starts, [...starts].sort(), 'sorted by start');
    const countOf = (serviceId: string) => events.filter((e) => e.serviceId === serviceId).length;
    assert.equal(countOf(vinyasa.id), 6, 'Mon, Wed, Fri at 07:00 and 18:00');
    assert.equal(countOf(climb.id), 2, "a hidden service's sessions are listed");
    assert.equal(countOf(course.id), 1, "the course's Tuesday session");
    const byId = new Map(events.map((e) => [e.id, e]));
    assert.deepEqual(
      { ...byId.get(wednesday) },
      { ...byId.get(wednesday), localStartDate: '2026-12-09T18:00:00', localEndDate: '2026-12-09T19:00:00', status: 'CONFIRMED' },
    );
    assert.equal(byId.get(wednesday)?.bookedCount, 2);
    assert.equal(byId.get(wednesday)?.timeZone, 'America/New_York');
    assert.equal(byId.get(friday)?.status, 'CANCELLED');
    assert.equal(byId.get(friday)?.bookedCount, 0);
    assert.equal(events.find((e) => e.serviceId === course.id)?.bookedCount, 1, "the course's participants");

    const filtered = await list(`${week}&serviceId=${course.id},${climb.id}`);
    assert.equal(filtered.status, 200, JSON.stringify(filtered.body));
    assert.deepEqual(new Set((filtered.body.events as Listed[]).map((e) => e.serviceId)), new Set([course.id, climb.id]));
  });

  it('refuses a range past 62 days or backwards, and anyone but the owner', async () => {
    const long = await list('fromLocalDate=2026-12-01T00:00:00&toLocalDate=2027-02-02T00:00:01');
    assert.equal(long.status, 400, JSON.stringify(long.body));
    assert.deepEqual(errorShape(long.body), { kind: 'validation', fields: ['toLocalDate'] });
    assert.equal((await list('fromLocalDate=2026-12-01T00:00:00&toLocalDate=2027-02-01T00:00:00')).status, 200, '62 days is fine');
    const backwards = await list('fromLocalDate=2026-12-08T00:00:00&toLocalDate=2026-12-07T00:00:00');
    assert.equal(backwards.status, 400);
    assert.equal((await list(week, null)).status, 401);
    assert.equal((await list(week, await visitorToken(server))).status, 403);
  });

  it("the client's schedule calls: rules, list, move, cancel, restore", async () => {
    const client = createClient({ apiBase: server.url, token: OWNER_KEY });
    assert.equal((await client.schedule.listRules(vinyasa.id)).length, 2);
    const rule = await client.schedule.createRule({ serviceId: vinyasa.id, start: '2026-12-26T12:00:00', durationInMinutes: 45 });
    const renamed = await client.schedule.updateRule(rule.id, { title: 'Boxing Day Flow', revision: rule.revision });
    assert.equal(renamed.title, 'Boxing Day Flow');
    const [single] = await client.schedule.listEvents({
      fromLocalDate: '2026-12-26T00:00:00',
      toLocalDate: '2026-12-27T00:00:00',
      serviceIds: [vinyasa.id],
    });
    assert.equal(single?.title, 'Boxing Day Flow');
    assert.ok(single);
    const moved = await client.schedule.moveEvent(single.id, { localStartDate: '2026-12-26T13:00:00' });
    assert.deepEqual([moved.id, moved.localStartDate, moved.movedFrom], [single.id, '2026-12-26T13:00:00', '2026-12-26T12:00:00']);
    assert.deepEqual(await client.schedule.cancelEvent(single.id, { notifyParticipants: false }), {
      event: { eventId: single.id, status: 'CANCELLED' },
      canceledBookingIds: [],
    });
    assert.equal((await client.schedule.restoreEvent(single.id)).event.status, 'CONFIRMED');
    await client.schedule.deleteRule(rule.id);
    assert.equal((await client.schedule.listRules(vinyasa.id)).length, 2);
  });
});
