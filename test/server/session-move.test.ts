/**
 * Moving one class session (`PATCH /calendar/v3/events/{eventId}`, extension): the session keeps its event id,
 * availability shows it at its new time and not at the old one, its bookings are rescheduled by the business (the
 * customer's "rescheduled" email: the same UID, a higher SEQUENCE), moving it back clears the override, and a time
 * in the past, in a DST gap, on another session of the rule, or a cancelled session are refused. Across the US
 * spring-forward week the local times hold. Runs on either backend (BOOKINGS_TEST_STORAGE=postgres).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { errorShape, type TestServer } from './helpers.js';
import { classBooking, eventIdAt, OWNER_KEY, serviceNamed, type DemoService } from './bookings-fixtures.js';
import { book, getBooking } from './money-fixtures.js';
import type { SmtpInbox } from './smtp-inbox.js';
import { startMailingServer, type MailingServer } from './mailing-server.js';
import { parseCalendar } from './calendar-parse.js';

describe('moving a session', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let vinyasa: DemoService;

  let mailing: MailingServer;

  before(async () => {
    mailing = await startMailingServer();
    ({ server, inbox } = mailing);
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
  });
  after(() => mailing.close());

  const move = (eventId: string, event: Record<string, unknown>) =>
    server.call('PATCH', `/calendar/v3/events/${eventId}`, { token: OWNER_KEY, body: { event } });

  /** The class's time slots on `day` (local dates), as "start → end" by event id. */
  async function slotsOn(day: string): Promise<Map<string, string>> {
    const next = Temporal.PlainDate.from(day).add({ days: 1 }).toString();
    const r = await server.call('POST', '/service-availability/v2/time-slots/event', {
      body: { serviceIds: [vinyasa.id], fromLocalDate: `${day}T00:00:00`, toLocalDate: `${next}T00:00:00`, includeNonBookable: true },
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const slots = r.body.timeSlots as { localStartDate: string; localEndDate: string; eventInfo: { eventId: string } }[];
    return new Map(slots.map((s) => [s.eventInfo.eventId, `${s.localStartDate} → ${s.localEndDate}`]));
  }

  const phoneBooking = (eventId: string) =>
    book(server, OWNER_KEY, { ...classBooking(vinyasa, eventId), flowControlSettings: { skipBusinessConfirmation: true } });

  const calendarOf = async (email: string, subject: RegExp) => {
    const [mail] = await inbox.waitFor((m) => m.to === email && subject.test(m.subject));
    const file = mail?.mail.attachments.find((a) => a.contentType === 'text/calendar');
    assert.ok(file, `a calendar file in "${mail?.subject}"`);
    return parseCalendar(file.content.toString('utf8'));
  };

  it('moves the session with its id: availability shows the new time only, the booking is rescheduled and told; back clears it', async () => {
    const eventId = await eventIdAt(server, vinyasa, '2026-12-09T18:00:00');
    const booked = await phoneBooking(eventId);
    const email = (await getBooking(server, booked.id)).contactDetails.email as string;
    const invite = await calendarOf(email, /^Booking confirmed/);

    const r = await move(eventId, { localStartDate: '2026-12-10T19:30:00', durationInMinutes: 75 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.event.id, eventId, 'the same event id');
    assert.equal(r.body.event.localStartDate, '2026-12-10T19:30:00');
    assert.equal(r.body.event.localEndDate, '2026-12-10T20:45:00');
    assert.equal(r.body.event.movedFrom, '2026-12-09T18:00:00');
    assert.equal(r.body.event.bookedCount, 1);
    assert.equal((await slotsOn('2026-12-09')).has(eventId), false, 'not at the old time');
    assert.equal((await slotsOn('2026-12-10')).get(eventId), '2026-12-10T19:30:00 → 2026-12-10T20:45:00');
    const single = await server.call('GET', `/service-availability/v2/time-slots/event/${eventId}`);
    assert.equal(single.status, 200, JSON.stringify(single.body));
    assert.equal(single.body.timeSlot.localStartDate, '2026-12-10T19:30:00');

    const moved = await getBooking(server, booked.id);
    assert.equal(moved.status, 'CONFIRMED');
    assert.equal(moved.startDate, '2026-12-11T00:30:00.000Z');
    assert.equal(moved.bookedEntity.slot.startDate, '2026-12-10T19:30:00');
    assert.equal(moved.bookedEntity.slot.eventId, eventId);
    const update = await calendarOf(email, /^Booking moved/);
    assert.equal(update.uid, invite.uid);
    assert.ok(update.sequence > invite.sequence, 'a higher SEQUENCE');
    assert.equal(update.startUtc, '2026-12-11T00:30:00.000Z');

    const back = await move(eventId, { localStartDate: '2026-12-09T18:00:00', durationInMinutes: 60 });
    assert.equal(back.status, 200, JSON.stringify(back.body));
    assert.equal(back.body.event.movedFrom, undefined, 'the override is gone');
    assert.equal((await slotsOn('2026-12-09')).get(eventId), '2026-12-09T18:00:00 → 2026-12-09T19:00:00');
    assert.equal((await getBooking(server, booked.id)).startDate, '2026-12-09T23:00:00.000Z');
  });

  it('refuses a time in the past, in a DST gap, on another session of the rule, and a cancelled session', async () => {
    const eventId = await eventIdAt(server, vinyasa, '2026-12-16T18:00:00');
    const field = async (localStartDate: string) => {
      const r = await move(eventId, { localStartDate });
      assert.equal(r.status, 400, JSON.stringify(r.body));
      return errorShape(r.body);
    };
    const refused = { kind: 'validation', fields: ['event.localStartDate'] };
    assert.deepEqual(await field('2026-11-30T18:00:00'), refused, 'in the past');
    assert.deepEqual(await field('2027-03-14T02:30:00'), refused, 'no such time in New York');
    assert.deepEqual(await field('2026-12-18T18:00:00'), refused, "Friday's session of the same rule");
    assert.equal((await server.call('POST', `/calendar/v3/events/${eventId}/cancel`, { token: OWNER_KEY })).status, 200);
    const cancelled = await move(eventId, { localStartDate: '2026-12-17T18:00:00' });
    assert.equal(cancelled.status, 409, JSON.stringify(cancelled.body));
    assert.deepEqual(errorShape(cancelled.body), { kind: 'application', code: 'EVENT_CANCELLED' });
  });

  it('across the spring-forward week keeps local times: 18:00 EST moved to 18:00 EDT', async () => {
    const eventId = await eventIdAt(server, vinyasa, '2027-03-10T18:00:00');
    const booked = await phoneBooking(eventId);
    assert.equal((await getBooking(server, booked.id)).startDate, '2027-03-10T23:00:00.000Z');
    const r = await move(eventId, { localStartDate: '2027-03-18T18:00:00' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.event.localStartDate, '2027-03-18T18:00:00');
    assert.equal(r.body.event.localEndDate, '2027-03-18T19:00:00');
    assert.equal((await slotsOn('2027-03-18')).get(eventId), '2027-03-18T18:00:00 → 2027-03-18T19:00:00');
    assert.equal((await getBooking(server, booked.id)).startDate, '2027-03-18T22:00:00.000Z', 'EDT: UTC-4');
  });
});
