/**
 * DST over real HTTP: a business in each zone (set up through the owner endpoints), queried from a customer zone
 * that differs from the business's. No slot at a wall time that does not exist, one slot at an ambiguous one,
 * none missing, none extra, every one its full length.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, OWNER_KEY, type TestServer } from './helpers.js';

const NOW = Temporal.Instant.from('2026-01-01T00:00:00Z');
/** Tokyo keeps no DST, so a slot's local length there is its real length. */
const CUSTOMER_ZONE = 'Asia/Tokyo';

interface ZoneCase {
  zone: string;
  /** The Sunday the clocks go forward, and a wall time that does not exist that day. */
  spring: string;
  gapHour: number;
  /** The Sunday the clocks go back, and the hour that happens twice. */
  fall: string;
  repeatedHour: number;
}

const CASES: ZoneCase[] = [
  { zone: 'America/New_York', spring: '2026-03-08', gapHour: 2, fall: '2026-11-01', repeatedHour: 1 },
  { zone: 'Europe/London', spring: '2026-03-29', gapHour: 1, fall: '2026-10-25', repeatedHour: 1 },
  { zone: 'Australia/Sydney', spring: '2026-10-04', gapHour: 2, fall: '2026-04-05', repeatedHour: 2 },
];

interface Slot {
  localStartDate: string;
  localEndDate: string;
}
const instantIn = (local: string, zone: string) => Temporal.PlainDateTime.from(local).toZonedDateTime(zone).toInstant();

for (const c of CASES) {
  describe(`DST in ${c.zone}`, () => {
    let server: TestServer;
    let appointmentId: string;
    let classId: string;
    const owner = (method: string, path: string, body?: unknown) =>
      server.call(method, path, { token: OWNER_KEY, ...(body ? { body } : {}) });

    before(async () => {
      server = await startServer({ now: NOW, server: { clock: () => new Date(NOW.epochMilliseconds) } });
      assert.equal((await owner('PATCH', '/site-properties/v4/properties', { properties: { timeZone: c.zone } })).status, 200);
      const allDay = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day) => ({ day, startTime: '00:00', endTime: '24:00' }));
      const staff = await owner('POST', '/bookings/v1/staff-members', { staffMember: { name: 'Night Owl', workingHours: allDay } });
      assert.equal(staff.status, 200, JSON.stringify(staff.body));
      const payment = { rateType: 'NO_FEE' };
      const appointment = await owner('POST', '/bookings/v2/services', {
        service: {
          type: 'APPOINTMENT',
          name: 'Round the clock',
          payment,
          staffMemberIds: [staff.body.staffMember.id],
          schedule: { availabilityConstraints: { sessionDurations: [60] } },
        },
      });
      assert.equal(appointment.status, 200, JSON.stringify(appointment.body));
      appointmentId = appointment.body.service.id;
      const klass = await owner('POST', '/bookings/v2/services', {
        service: { type: 'CLASS', name: 'Night class', payment, defaultCapacity: 5 },
      });
      classId = klass.body.service.id;
      const at = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:30:00`;
      const weekBefore = (date: string) => Temporal.PlainDate.from(date).subtract({ days: 7 }).toString();
      for (const [date, hour] of [
        [c.spring, c.gapHour],
        [c.fall, c.repeatedHour],
      ] as const) {
        const rule = await owner('POST', '/calendar/v3/session-rules', {
          sessionRule: {
            serviceId: classId,
            start: at(weekBefore(date), hour),
            durationInMinutes: 60,
            recurrence: { frequency: 'WEEKLY', days: ['SUN'], count: 3 },
          },
        });
        assert.equal(rule.status, 200, JSON.stringify(rule.body));
      }
    });
    after(() => server.close());

    const day = (date: string) => ({
      fromLocalDate: `${date}T00:00:00`,
      toLocalDate: `${Temporal.PlainDate.from(date).add({ days: 1 })}T00:00:00`,
    });
    /** Slots of the business's day `date`, asked from the customer's zone, as instants. */
    async function appointmentStarts(date: string): Promise<{ start: Temporal.Instant; end: Temporal.Instant }[]> {
      const from = instantIn(`${date}T00:00:00`, c.zone).toZonedDateTimeISO(CUSTOMER_ZONE).toPlainDateTime().toString();
      const to = instantIn(`${Temporal.PlainDate.from(date).add({ days: 1 })}T00:00:00`, c.zone)
        .toZonedDateTimeISO(CUSTOMER_ZONE)
        .toPlainDateTime()
        .toString();
      const { status, body } = await server.call('POST', '/service-availability/v2/time-slots', {
        body: { serviceId: appointmentId, fromLocalDate: from, toLocalDate: to, timeZone: CUSTOMER_ZONE },
      });
      assert.equal(status, 200, JSON.stringify(body));
      assert.equal(body.timeZone, CUSTOMER_ZONE);
      return (body.timeSlots as Slot[]).map((s) => ({
        start: instantIn(s.localStartDate, CUSTOMER_ZONE),
        end: instantIn(s.localEndDate, CUSTOMER_ZONE),
      }));
    }
    const businessHour = (i: Temporal.Instant) => i.toZonedDateTimeISO(c.zone).hour;

    it('skips the hour that does not exist when the clocks go forward, and keeps every other', async () => {
      const slots = await appointmentStarts(c.spring);
      assert.deepEqual(
        slots.map((s) => businessHour(s.start)),
        [...Array(24).keys()].filter((h) => h !== c.gapHour),
      );
      for (const s of slots) assert.equal(s.start.until(s.end).total('minutes'), 60);
      for (let i = 1; i < slots.length; i++) assert.ok(Temporal.Instant.compare(slots[i - 1]!.end, slots[i]!.start) <= 0, 'slots overlap');
    });

    it('offers the repeated hour once (the earlier) when the clocks go back, and keeps every other', async () => {
      const slots = await appointmentStarts(c.fall);
      assert.deepEqual(
        slots.map((s) => businessHour(s.start)),
        [...Array(24).keys()],
      );
      for (const s of slots) assert.equal(s.start.until(s.end).total('minutes'), 60);
      const repeated = slots.find((s) => businessHour(s.start) === c.repeatedHour);
      const earlier = Temporal.PlainDateTime.from(`${c.fall}T${String(c.repeatedHour).padStart(2, '0')}:00`)
        .toZonedDateTime(c.zone, { disambiguation: 'earlier' })
        .toInstant();
      assert.ok(repeated && Temporal.Instant.compare(repeated.start, earlier) === 0);
    });

    it('the same day asked in the business zone gives the same slots', async () => {
      const { body } = await server.call('POST', '/service-availability/v2/time-slots', {
        body: { serviceId: appointmentId, ...day(c.fall) },
      });
      const mine = (body.timeSlots as Slot[]).map((s) => instantIn(s.localStartDate, c.zone).toString());
      assert.deepEqual(
        mine,
        (await appointmentStarts(c.fall)).map((s) => s.start.toString()),
      );
    });

    it('holds no class session at a wall time that does not exist, and one at a repeated time, each an hour long', async () => {
      const sessions = async (date: string) => {
        const range = day(Temporal.PlainDate.from(date).subtract({ days: 7 }).toString());
        const wide = { fromLocalDate: range.fromLocalDate, toLocalDate: `${Temporal.PlainDate.from(date).add({ days: 8 })}T00:00:00` };
        const { status, body } = await server.call('POST', '/service-availability/v2/time-slots/event', {
          body: { serviceIds: [classId], ...wide },
        });
        assert.equal(status, 200, JSON.stringify(body));
        return (body.timeSlots as Slot[]).filter((s) => s.localStartDate.startsWith(date));
      };
      const gap = await sessions(c.spring);
      assert.equal(gap.length, 0);
      const repeated = await sessions(c.fall);
      assert.equal(repeated.length, 1);
      const [only] = repeated;
      assert.ok(only);
      const start = Temporal.PlainDateTime.from(only.localStartDate).toZonedDateTime(c.zone, { disambiguation: 'earlier' }).toInstant();
      const end = Temporal.PlainDateTime.from(only.localEndDate).toZonedDateTime(c.zone, { disambiguation: 'later' }).toInstant();
      assert.equal(start.until(end).total('minutes'), 60);
    });
  });
}
