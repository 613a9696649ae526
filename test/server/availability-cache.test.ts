/**
 * Slot queries keep what they derive from the setup (service facts, staff hours, class rules and cancelled
 * sessions, multi-request services, the zone) in caches keyed on storage.setupVersion(). Every owner edit must
 * show in the very next slot query: each test warms the cache with a query, edits over HTTP, and asks again.
 * Bookings are no setup: a new one must show at once too (the kept counts move in its transaction).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, OWNER_KEY, type TestServer } from './helpers.js';
import { MONDAY_NOW, demoService, insertBooking } from './availability-fixtures.js';
import type { Service } from '../../src/model/service.js';

interface Slot {
  localStartDate: string;
  bookable: boolean;
  remainingCapacity: number;
  availableResources: { resources: { id: string; name: string }[] }[];
  bookingPolicyViolations: { bookOnlineDisabled: boolean };
  nonBookableReasons: { eventCancelled: boolean };
  eventInfo?: { eventId: string };
}

const WEEK = { fromLocalDate: '2026-06-01T00:00:00', toLocalDate: '2026-06-08T00:00:00' };

describe('slot queries see every setup edit at once', () => {
  let server: TestServer;
  let training: Service;
  let vinyasa: Service;
  before(async () => {
    server = await startServer({ now: MONDAY_NOW, server: { clock: () => new Date(MONDAY_NOW.epochMilliseconds) } });
    training = await demoService(server.storage, 'Personal Training');
    vinyasa = await demoService(server.storage, 'Vinyasa Flow');
  });
  after(() => server.close());

  const owner = (method: string, path: string, body: unknown) => server.call(method, path, { token: OWNER_KEY, body });
  const appointments = async (body: Record<string, unknown> = {}): Promise<Slot[]> => {
    const r = await server.call('POST', '/service-availability/v2/time-slots', {
      body: { serviceId: training.id, ...WEEK, customerChoices: { durationInMinutes: 60 }, ...body },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.timeSlots as Slot[];
  };
  const sessions = async (): Promise<Slot[]> => {
    const r = await server.call('POST', '/service-availability/v2/time-slots/event', { body: { serviceIds: [vinyasa.id], ...WEEK } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.timeSlots as Slot[];
  };
  const staffOf = (slots: Slot[], id: string) =>
    slots.filter((s) => s.availableResources.some((r) => r.resources.some((x) => x.id === id)));
  const editService = async (patch: Record<string, unknown>) => {
    const current = await demoService(server.storage, 'Personal Training');
    const r = await owner('PATCH', `/bookings/v2/services/${training.id}`, { service: { revision: current.revision, ...patch } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  };

  it('a staff member’s new working hours', async () => {
    const id = training.staffMemberIds[0] ?? '';
    const staff = await server.storage.staff.get(id);
    assert.ok(staff);
    const before = staffOf(await appointments(), id);
    assert.ok(before.length > 1);
    const r = await owner('PATCH', `/bookings/v1/staff-members/${id}`, {
      staffMember: { revision: staff.revision, workingHours: [{ day: 'TUE', startTime: '06:00', endTime: '07:00' }] },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const after = staffOf(await appointments(), id);
    assert.deepEqual(
      after.map((s) => s.localStartDate),
      ['2026-06-02T06:00:00'],
    );
  });

  it('a service edit: online booking off, then on again', async () => {
    assert.ok((await appointments()).every((s) => !s.bookingPolicyViolations.bookOnlineDisabled));
    await editService({ onlineBooking: { ...training.onlineBooking, enabled: false } });
    const off = await appointments();
    assert.ok(off.length > 0 && off.every((s) => s.bookingPolicyViolations.bookOnlineDisabled && !s.bookable));
    await editService({ onlineBooking: { ...training.onlineBooking, enabled: true } });
    assert.ok((await appointments()).every((s) => !s.bookingPolicyViolations.bookOnlineDisabled));
  });

  it('a service that starts allowing multiple requests frees the times its PENDING bookings held', async () => {
    const id = training.staffMemberIds[1] ?? '';
    const first = staffOf(await appointments(), id)[0];
    assert.ok(first, 'a free slot to book');
    const startUtc = new Date(Date.parse(`${first.localStartDate}-04:00`)).toISOString();
    const endUtc = new Date(Date.parse(startUtc) + 3_600_000).toISOString();
    await insertBooking(server.storage, {
      serviceId: training.id,
      scheduleId: training.schedule.id,
      startUtc,
      endUtc,
      status: 'PENDING',
      resourceId: id,
    });
    const held = (slots: Slot[]) => staffOf(slots, id).some((s) => s.localStartDate === first.localStartDate);
    assert.equal(held(await appointments()), false, 'a new PENDING booking blocks at once');
    await editService({ onlineBooking: { ...training.onlineBooking, allowMultipleRequests: true } });
    assert.equal(held(await appointments()), true, 'PENDING no longer blocks');
    await editService({ onlineBooking: { ...training.onlineBooking, allowMultipleRequests: false } });
    assert.equal(held(await appointments()), false);
  });

  it('a cancelled session, then restored', async () => {
    const session = (await sessions())[0];
    const eventId = session?.eventInfo?.eventId ?? '';
    assert.equal(session?.nonBookableReasons.eventCancelled, false);
    const cancel = await owner('POST', `/calendar/v3/events/${eventId}/cancel`, {});
    assert.equal(cancel.status, 200, JSON.stringify(cancel.body));
    const cancelled = (await sessions()).find((s) => s.eventInfo?.eventId === eventId);
    assert.equal(cancelled?.nonBookableReasons.eventCancelled, true);
    assert.equal((await owner('POST', `/calendar/v3/events/${eventId}/restore`, {})).status, 200);
    assert.equal((await sessions()).find((s) => s.eventInfo?.eventId === eventId)?.nonBookableReasons.eventCancelled, false);
  });

  it('a session rule’s new capacity and a booking of that session', async () => {
    const rules = await server.storage.schedules.listRules({ serviceId: vinyasa.id });
    const rule = rules[0];
    assert.ok(rule);
    const session = (await sessions()).find((s) => s.eventInfo?.eventId !== undefined);
    assert.ok(session?.eventInfo);
    const r = await owner('PATCH', `/calendar/v3/session-rules/${rule.id}`, { sessionRule: { revision: rule.revision, capacity: 3 } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const after = (await sessions()).find((s) => s.eventInfo?.eventId === session.eventInfo?.eventId);
    assert.equal(after?.remainingCapacity, 3);
    const startUtc = new Date(Date.parse(`${session.localStartDate}-04:00`)).toISOString();
    await insertBooking(server.storage, {
      serviceId: vinyasa.id,
      scheduleId: vinyasa.schedule.id,
      startUtc,
      endUtc: new Date(Date.parse(startUtc) + rule.durationInMinutes * 60_000).toISOString(),
      participants: 2,
      eventId: session.eventInfo.eventId,
    });
    assert.equal((await sessions()).find((s) => s.eventInfo?.eventId === session.eventInfo?.eventId)?.remainingCapacity, 1);
  });

  it('the business’s zone', async () => {
    const r = await server.call('POST', '/service-availability/v2/time-slots', { body: { serviceId: training.id, ...WEEK } });
    assert.equal(r.body.timeZone, 'America/New_York');
    assert.equal((await owner('PATCH', '/site-properties/v4/properties', { properties: { timeZone: 'Europe/London' } })).status, 200);
    const moved = await server.call('POST', '/service-availability/v2/time-slots', { body: { serviceId: training.id, ...WEEK } });
    assert.equal(moved.body.timeZone, 'Europe/London');
  });
});
