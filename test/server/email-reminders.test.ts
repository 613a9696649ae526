/**
 * Reminders before the start, on either backend: a confirmed booking is emailed once when its start comes within
 * 24 hours (through the outbox and a real SMTP server), again after it moves to a new start, never when it was
 * made inside the window; and several scanners at once (instances, restarts) schedule each reminder once.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, type TestServer } from './helpers.js';
import { appointmentBooking, NOW, OWNER_KEY, serviceNamed, visitorToken, type DemoService } from './bookings-fixtures.js';
import { startSmtpInbox, type SmtpInbox } from './smtp-inbox.js';
import { parseCalendar } from './calendar-parse.js';
import { createMailer } from '../../server/notifications/email/index.js';
import { ReminderScheduler } from '../../server/notifications/mail/reminders.js';

const HOUR = 3_600_000;

describe('reminders before the start', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let training: DemoService;
  let visitor: string;
  const clock = { now: NOW };

  before(async () => {
    inbox = await startSmtpInbox();
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: {
        clock: () => clock.now,
        notifications: {
          mailer: createMailer({ smtpUrl: inbox.url, from: 'Harbor <bookings@harbor.example>' }),
          publicUrl: 'https://book.harbor.example',
          reminderHours: 24,
          reminderScanMs: 100,
        },
      },
    });
    training = await serviceNamed(server, 'Personal Training');
    visitor = await visitorToken(server);
  });
  after(async () => {
    await server.close();
    await inbox.close();
  });

  /** A confirmed Personal Training booking at `start` local time (New York), made at the clock's now. */
  async function confirmed(start: string, end: string) {
    const request = appointmentBooking(training, start, end);
    const email = (request['booking'] as { contactDetails: { email: string } }).contactDetails.email;
    const created = await server.call('POST', '/bookings/v2/bookings', { token: visitor, body: request });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const ok = await server.call('POST', `/bookings/v2/bookings/${created.body.booking.id}/confirm`, {
      token: OWNER_KEY,
      body: { revision: created.body.booking.revision },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    return { booking: ok.body.booking, email };
  }
  const reminders = (email: string) => inbox.received.filter((m) => m.to === email && m.subject.startsWith('Reminder:'));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

  it('emails a reminder once when the start is within 24 hours, and again for a new start', async () => {
    // Now is Tuesday 1 December, 10:00 in New York; Thursday 10:00 is 48 hours away.
    const { booking, email } = await confirmed('2026-12-03T10:00:00', '2026-12-03T11:00:00');
    await inbox.waitFor((m) => m.to === email && m.subject.startsWith('Booking confirmed'));
    await settle();
    assert.equal(reminders(email).length, 0, 'no reminder 48 hours before');

    clock.now = new Date(Date.parse(booking.startDate) - 23 * HOUR);
    const [reminder] = await inbox.waitFor((m) => m.to === email && m.subject.startsWith('Reminder:'));
    assert.ok(reminder);
    assert.match(reminder.mail.text ?? '', /manage\?token=/);
    const file = reminder.mail.attachments.find((a) => a.contentType === 'text/calendar');
    assert.equal(file && parseCalendar(file.content.toString('utf8')).startUtc, booking.startDate);
    await settle();
    assert.equal(reminders(email).length, 1, 'once, though the scan ran many times');

    const slot = {
      serviceId: training.id,
      scheduleId: training.scheduleId,
      startDate: '2026-12-04T14:00:00',
      endDate: '2026-12-04T15:00:00',
      timezone: 'America/New_York',
    };
    const moved = await server.call('POST', `/bookings/v2/bookings/${booking.id}/reschedule`, {
      token: OWNER_KEY,
      body: { slot, revision: booking.revision },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    clock.now = new Date(Date.parse(moved.body.booking.startDate) - 2 * HOUR);
    await inbox.waitFor((m) => m.to === email && m.subject.startsWith('Reminder:'), 2);
    await settle();
    assert.equal(reminders(email).length, 2, 'one more for the new start');
  });

  it('sends none for a booking made inside the window, nor for a canceled one', async () => {
    clock.now = NOW;
    const soon = await confirmed('2026-12-01T15:00:00', '2026-12-01T16:00:00');
    const later = await confirmed('2026-12-07T10:00:00', '2026-12-07T11:00:00');
    const canceled = await server.call('POST', `/bookings/v2/bookings/${later.booking.id}/cancel`, {
      token: OWNER_KEY,
      body: { revision: later.booking.revision },
    });
    assert.equal(canceled.status, 200);
    clock.now = new Date(Date.parse(later.booking.startDate) - 3 * HOUR);
    await inbox.waitFor((m) => m.to === later.email && m.subject.startsWith('Booking canceled'));
    await settle();
    await settle();
    assert.equal(reminders(soon.email).length, 0, 'booked 5 hours before: the confirmation is reminder enough');
    assert.equal(reminders(later.email).length, 0, 'canceled');
  });

  it('schedules each reminder once when several scanners run at once (instances, a restart)', async () => {
    clock.now = NOW;
    const booked = await Promise.all([
      confirmed('2026-12-10T09:00:00', '2026-12-10T10:00:00'),
      confirmed('2026-12-10T11:00:00', '2026-12-10T12:00:00'),
      confirmed('2026-12-10T13:00:00', '2026-12-10T14:00:00'),
    ]);
    const at = new Date(Date.parse('2026-12-10T14:00:00Z') - 12 * HOUR);
    const scanners = [1, 2, 3].map(() => new ReminderScheduler(server.storage, { hoursBefore: async () => 24, clock: () => at }));
    clock.now = at; // the server's own scanner joins in as a fourth
    const counts = await Promise.all(scanners.map((s) => s.runOnce()));
    const events = await server.storage.outbox.listEvents({ limit: 10_000 });
    for (const { booking } of booked) {
      const mine = events.filter((e) => e.eventType === 'bookings.booking_reminder_due' && e.entityId === booking.id);
      assert.equal(mine.length, 1, `one reminder event for ${booking.id}`);
    }
    assert.ok(
      counts.reduce((a, b) => a + b, 0) <= booked.length,
      `the scanners together scheduled at most ${booked.length}: ${counts.join(', ')}`,
    );
    for (const { email } of booked) await inbox.waitFor((m) => m.to === email && m.subject.startsWith('Reminder:'));
    await settle();
    for (const { email } of booked) assert.equal(reminders(email).length, 1);
  });
});
