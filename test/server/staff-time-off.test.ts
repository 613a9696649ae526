/**
 * A staff member's time off (extension): saved with the staff member over its revision, checked (real local
 * date-times, end after start, the field's index in the error), kept earliest first, and honoured by appointment
 * availability: a day off empties that day, a part day removes only its hours, a day off across the clocks going
 * forward in New York is that whole 23-hour day. Runs on either backend (BOOKINGS_TEST_STORAGE=postgres).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, OWNER_KEY, type TestServer } from './helpers.js';

const NOW = Temporal.Instant.from('2027-03-01T12:00:00Z');
const ZONE = 'America/New_York';
/** Sunday 14 March 2027: the clocks go forward at 2 AM in New York. */
const SPRING = '2027-03-14';

describe('staff time off', () => {
  let server: TestServer;
  let staffId: string;
  let serviceId: string;
  const owner = (method: string, path: string, body?: unknown) =>
    server.call(method, path, { token: OWNER_KEY, ...(body ? { body } : {}) });

  async function starts(day: string): Promise<string[]> {
    const next = Temporal.PlainDate.from(day).add({ days: 1 }).toString();
    const r = await server.call('POST', '/service-availability/v2/time-slots', {
      body: { serviceId, fromLocalDate: `${day}T00:00:00`, toLocalDate: `${next}T00:00:00` },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return (r.body.timeSlots as { localStartDate: string }[]).map((s) => s.localStartDate.slice(11, 16));
  }

  async function setTimeOff(timeOff: { start: string; end: string }[]) {
    const current = await owner('GET', `/bookings/v1/staff-members/${staffId}`);
    return owner('PATCH', `/bookings/v1/staff-members/${staffId}`, {
      staffMember: { timeOff, revision: current.body.staffMember.revision },
    });
  }

  before(async () => {
    server = await startServer({ now: NOW, server: { clock: () => new Date(NOW.epochMilliseconds) } });
    assert.equal((await owner('PATCH', '/site-properties/v4/properties', { properties: { timeZone: ZONE } })).status, 200);
    const allDay = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day) => ({ day, startTime: '00:00', endTime: '24:00' }));
    const staff = await owner('POST', '/bookings/v1/staff-members', { staffMember: { name: 'Night Owl', workingHours: allDay } });
    assert.equal(staff.status, 200, JSON.stringify(staff.body));
    assert.deepEqual(staff.body.staffMember.timeOff, []);
    staffId = staff.body.staffMember.id;
    const service = await owner('POST', '/bookings/v2/services', {
      service: {
        type: 'APPOINTMENT',
        name: 'Round the clock',
        payment: { rateType: 'NO_FEE' },
        staffMemberIds: [staffId],
        schedule: { availabilityConstraints: { sessionDurations: [60] } },
      },
    });
    assert.equal(service.status, 200, JSON.stringify(service.body));
    serviceId = service.body.service.id;
  });
  after(() => server?.close());

  it('keeps time off earliest first with seconds, and refuses a bad range by its index', async () => {
    const saved = await setTimeOff([
      { start: '2027-03-20T13:00', end: '2027-03-20T17:00' },
      { start: '2027-03-10T00:00:00', end: '2027-03-11T00:00:00' },
    ]);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.staffMember.timeOff, [
      { start: '2027-03-10T00:00:00', end: '2027-03-11T00:00:00' },
      { start: '2027-03-20T13:00:00', end: '2027-03-20T17:00:00' },
    ]);
    const read = await owner('GET', `/bookings/v1/staff-members/${staffId}`);
    assert.deepEqual(read.body.staffMember.timeOff, saved.body.staffMember.timeOff);

    const backwards = await setTimeOff([
      { start: '2027-03-10T00:00:00', end: '2027-03-11T00:00:00' },
      { start: '2027-03-12T10:00:00', end: '2027-03-12T09:00:00' },
    ]);
    assert.equal(backwards.status, 400);
    assert.equal(backwards.body.details.validationError.fieldViolations[0].field, 'staffMember.timeOff[1].end');
    const unreal = await setTimeOff([{ start: '2027-02-30T00:00:00', end: '2027-03-01T00:00:00' }]);
    assert.equal(unreal.status, 400);
    const stale = await owner('PATCH', `/bookings/v1/staff-members/${staffId}`, { staffMember: { timeOff: [], revision: '1' } });
    assert.equal(stale.status, 409);
  });

  it('empties a day off and removes only the hours of a part day', async () => {
    assert.deepEqual(await starts('2027-03-10'), []);
    const partDay = await starts('2027-03-20');
    assert.equal(partDay.length, 20);
    for (const hour of ['13:00', '14:00', '15:00', '16:00']) assert.ok(!partDay.includes(hour), `${hour} is off`);
    assert.ok(partDay.includes('12:00') && partDay.includes('17:00'));
    assert.equal((await starts('2027-03-11')).length, 24, 'the next day is whole');
  });

  it('a day off across the clocks going forward is that whole 23-hour day, and lifting it brings the slots back', async () => {
    assert.equal((await starts(SPRING)).length, 23);
    assert.equal((await setTimeOff([{ start: `${SPRING}T00:00:00`, end: '2027-03-15T00:00:00' }])).status, 200);
    assert.deepEqual(await starts(SPRING), []);
    assert.equal((await starts('2027-03-13')).length, 24);
    assert.equal((await starts('2027-03-15')).length, 24);
    // A part day from the missing hour: 02:30 does not exist, so it starts an hour on (03:30), as the clocks move.
    assert.equal((await setTimeOff([{ start: `${SPRING}T02:30:00`, end: `${SPRING}T06:00:00` }])).status, 200);
    assert.deepEqual(await starts(SPRING), ['00:00', '01:00', ...[...Array(18).keys()].map((h) => `${String(h + 6).padStart(2, '0')}:00`)]);
    assert.equal((await setTimeOff([])).status, 200);
    assert.equal((await starts(SPRING)).length, 23);
  });
});
