/**
 * The emails of a booking's life, end to end on either backend: the API changes a booking, the outbox delivers,
 * and a real SMTP server in this process receives each message (parsed with mailparser). Each customer and
 * business email arrives once, with the manage link and the right calendar file: an invite on confirmation,
 * the same UID with a higher SEQUENCE on a reschedule, METHOD:CANCEL on a cancellation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, type TestServer } from './helpers.js';
import {
  appointmentBooking,
  classBooking,
  eventIdAt,
  NOW,
  OWNER_KEY,
  serviceNamed,
  visitorToken,
  type DemoService,
} from './bookings-fixtures.js';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from './smtp-inbox.js';
import { parseCalendar } from './calendar-parse.js';
import { createMailer } from '../../server/notifications/email/index.js';

const PUBLIC_URL = 'https://book.harbor.example';
const OWNER = 'hello@harbor.example';

describe('emails of a booking, through the outbox and SMTP', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let training: DemoService;
  let vinyasa: DemoService;
  let visitor: string;

  before(async () => {
    inbox = await startSmtpInbox();
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: {
        clock: () => NOW,
        notifications: {
          mailer: createMailer({ smtpUrl: inbox.url, from: 'Harbor <bookings@harbor.example>' }),
          publicUrl: PUBLIC_URL,
          reminderHours: 0,
        },
      },
    });
    training = await serviceNamed(server, 'Personal Training');
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    visitor = await visitorToken(server);
  });
  after(async () => {
    await server.close();
    await inbox.close();
  });

  const to = (address: string, subject: RegExp) => (m: ReceivedMail) => m.to === address && subject.test(m.subject);
  const ics = (m: ReceivedMail) => {
    const file = m.mail.attachments.find((a) => a.contentType === 'text/calendar');
    assert.ok(file, `${m.subject} has a calendar file`);
    return { name: file.filename, calendar: parseCalendar(file.content.toString('utf8')) };
  };
  async function act(id: string, action: string, token: string, body: Record<string, unknown>) {
    const r = await server.call('POST', `/bookings/v2/bookings/${id}/${action}`, { token, body });
    assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
    return r.body.booking;
  }

  it('request, approval, confirmation, reschedule and cancellation each email the customer and the business once', async () => {
    const request = appointmentBooking(training, '2026-12-09T10:00:00', '2026-12-09T11:00:00');
    const customer = (request['booking'] as { contactDetails: { email: string } }).contactDetails.email;
    const created = await server.call('POST', '/bookings/v2/bookings', { token: visitor, body: request });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const pending = await act(created.body.booking.id, 'mark_booking_as_pending', OWNER_KEY, { revision: created.body.booking.revision });
    assert.equal(pending.status, 'PENDING');
    const staff = (await server.storage.staff.get(pending.bookedEntity.slot.resource.id))?.email;
    assert.ok(staff, 'the appointment has a staff member with an email');

    const [received] = await inbox.waitFor(to(customer, /^Booking request received/));
    assert.ok(received);
    assert.equal(received.mail.attachments.length, 0, 'a request has no calendar file yet');
    assert.match(received.mail.text ?? '', new RegExp(`${PUBLIC_URL}/manage\\?token=[\\w-]{20,}`));
    await inbox.waitFor(to(OWNER, /approval|waiting/i));
    await inbox.waitFor(to(staff, /approval|waiting/i));

    const confirmed = await act(pending.id, 'confirm', OWNER_KEY, { revision: pending.revision });
    const [confirmation] = await inbox.waitFor(to(customer, /^Booking confirmed/));
    assert.ok(confirmation);
    const invite = ics(confirmation);
    assert.equal(invite.name, 'invite.ics');
    assert.equal(invite.calendar.method, 'REQUEST');
    assert.equal(invite.calendar.uid, `${pending.id}@bookings.local`);
    assert.equal(invite.calendar.sequence, 0);
    assert.equal(invite.calendar.startUtc, pending.startDate);

    // The manage link in the email works: its token reads the booking.
    const token = /manage\?token=([\w-]+)/.exec(confirmation.mail.text ?? '')?.[1];
    const byLink = await server.call('GET', `/v1/anonymous-bookings/${token}`);
    assert.equal(byLink.status, 200, JSON.stringify(byLink.body));
    assert.equal(byLink.body.booking.id, pending.id);

    const slot = {
      serviceId: training.id,
      scheduleId: training.scheduleId,
      startDate: '2026-12-10T14:00:00',
      endDate: '2026-12-10T15:00:00',
      timezone: 'America/New_York',
    };
    const moved = await act(pending.id, 'reschedule', visitor, { slot, revision: confirmed.revision });
    const [rescheduled] = await inbox.waitFor(to(customer, /^Booking moved/));
    assert.ok(rescheduled);
    const update = ics(rescheduled);
    assert.equal(update.calendar.uid, invite.calendar.uid);
    assert.equal(update.calendar.sequence, 1);
    assert.equal(update.calendar.startUtc, moved.startDate);
    assert.match(rescheduled.mail.text ?? '', /it was on/, 'the email says when it was');

    await act(pending.id, 'cancel', visitor, { revision: moved.revision });
    const [cancellation] = await inbox.waitFor(to(customer, /^Booking canceled/));
    assert.ok(cancellation);
    const cancel = ics(cancellation);
    assert.equal(cancel.name, 'cancel.ics');
    assert.equal(cancel.calendar.method, 'CANCEL');
    assert.equal(cancel.calendar.uid, invite.calendar.uid);
    assert.equal(cancel.calendar.sequence, 2);
    await inbox.waitFor(to(OWNER, /cancel/i));
    await inbox.waitFor(to(staff, /cancel/i));

    // Nothing twice: give the worker time for any duplicate, then count per recipient and subject.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const mine = inbox.received.filter((m) => m.mail.text?.includes(pending.id) || m.mail.html?.toString().includes(pending.id));
    const keys = mine.map((m) => `${m.to} ${m.subject}`);
    assert.deepEqual(keys, [...new Set(keys)], 'each email once');
    assert.deepEqual(
      mine.filter((m) => m.to === customer).map((m) => m.subject.split(':')[0]),
      ['Booking request received', 'Booking confirmed', 'Booking moved', 'Booking canceled'],
    );
    assert.equal(mine.filter((m) => m.to === OWNER).length, 2, 'approval needed and the cancellation');
    assert.ok(
      mine.every((m) => !m.mail.text?.includes('{{') && typeof m.mail.html === 'string' && m.mail.html.includes('<html')),
      'each email has a filled plain text part and an HTML part',
    );
  });

  it('a booking confirmed at once tells the business; a waitlisted one promoted by the owner hears it; a declined one too', async () => {
    const eventId = await eventIdAt(server, vinyasa, '2026-12-16T18:00:00');
    const first = classBooking(vinyasa, eventId, { selectedPaymentOption: 'OFFLINE' });
    const firstEmail = (first['booking'] as { contactDetails: { email: string } }).contactDetails.email;
    const direct = await server.call('POST', '/bookings/v2/bookings', {
      token: OWNER_KEY,
      body: { ...first, flowControlSettings: { skipBusinessConfirmation: true } },
    });
    assert.equal(direct.body.booking.status, 'CONFIRMED', JSON.stringify(direct.body));
    await inbox.waitFor(to(firstEmail, /^Booking confirmed/));
    await inbox.waitFor((m) => m.to === OWNER && m.mail.text?.includes(direct.body.booking.id) === true && /new booking/i.test(m.subject));
    // The class's teacher (Maya, from the session's rule) hears of it too.
    await inbox.waitFor((m) => m.to === 'maya@harbor.example' && m.mail.text?.includes(direct.body.booking.id) === true);

    for (let i = 0; i < 11; i++) {
      await server.call('POST', '/bookings/v2/bookings', {
        token: OWNER_KEY,
        body: { ...classBooking(vinyasa, eventId), flowControlSettings: { skipBusinessConfirmation: true } },
      });
    }
    const waiting = async () => {
      const request = classBooking(vinyasa, eventId, { selectedPaymentOption: 'ONLINE' });
      const r = await server.call('POST', '/bookings/v2/bookings', { token: visitor, body: request });
      assert.equal(r.body.booking.status, 'WAITING_LIST', JSON.stringify(r.body));
      return { booking: r.body.booking, email: (request['booking'] as { contactDetails: { email: string } }).contactDetails.email };
    };
    const promoted = await waiting();
    await act(promoted.booking.id, 'confirm', OWNER_KEY, { revision: promoted.booking.revision });
    const [offTheList] = await inbox.waitFor(to(promoted.email, /^A place opened up/));
    assert.ok(offTheList);
    assert.equal(ics(offTheList).calendar.method, 'REQUEST');
    // Confirming into a full class double-books it: the business hears of it once.
    await inbox.waitFor((m) => m.to === OWNER && /double/i.test(m.subject) && m.mail.text?.includes(promoted.booking.id) === true);

    const declined = await waiting();
    await act(declined.booking.id, 'decline', OWNER_KEY, { revision: declined.booking.revision });
    const [no] = await inbox.waitFor(to(declined.email, /^Booking declined/));
    assert.equal(no?.mail.attachments.length, 0);
    assert.equal(inbox.received.filter((m) => m.to === declined.email).length, 1, 'joining the waiting list sends nothing');
  });
});
