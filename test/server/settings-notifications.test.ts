/**
 * The owner's notification settings (extension): reminder hours and the mail sender stored over the environment's
 * REMINDER_HOURS and MAIL_FROM, validated, owner-only, and used from the next email on: here the environment has
 * reminders off, the stored setting turns them on without a restart, and the emails carry the stored sender.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { startServer, type TestServer } from './helpers.js';
import { appointmentBooking, NOW, OWNER_KEY, serviceNamed, staffToken, visitorToken } from './bookings-fixtures.js';
import { startSmtpInbox, type SmtpInbox } from './smtp-inbox.js';
import { createMailer } from '../../server/notifications/email/index.js';

const PATH = '/business/v1/settings/notifications';
const ENV_FROM = 'Harbor <env@harbor.example>';
const HOUR = 3_600_000;

describe('notification settings', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  const clock = { now: NOW };

  before(async () => {
    inbox = await startSmtpInbox();
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: {
        clock: () => clock.now,
        notifications: {
          mailer: createMailer({ smtpUrl: inbox.url, from: ENV_FROM }),
          publicUrl: 'https://book.harbor.example',
          reminderHours: 0,
          reminderScanMs: 100,
        },
      },
    });
  });
  after(async () => {
    await server.close();
    await inbox.close();
  });

  const patch = (body: unknown, token: string | null = OWNER_KEY) => server.call('PATCH', PATH, { ...(token ? { token } : {}), body });

  it('answers the environment defaults, and refuses bad values beside their field', async () => {
    const read = await server.call('GET', PATH, { token: OWNER_KEY });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body, {
      notifications: { reminderHours: 0, mailFrom: ENV_FROM },
      defaults: { reminderHours: 0, mailFrom: ENV_FROM },
    });
    assert.equal((await patch({ reminderHours: 337 })).status, 400);
    assert.equal((await patch({ reminderHours: 1.5 })).status, 400);
    for (const mailFrom of ['Studio', 'Studio <a@b.example>\nBcc: x@y.example']) {
      const refused = await patch({ mailFrom });
      assert.equal(refused.status, 400, mailFrom);
      assert.equal(refused.body.details.validationError.fieldViolations[0].field, 'mailFrom');
    }
  });

  it('is the owner’s only', async () => {
    assert.equal((await server.call('GET', PATH)).status, 401);
    assert.equal((await patch({ reminderHours: 2 }, null)).status, 401);
    assert.equal((await patch({ reminderHours: 2 }, await staffToken(server))).status, 403);
  });

  it('reminds and sends from the stored values from the next email on, and null goes back to the default', async () => {
    const saved = await patch({ reminderHours: 24, mailFrom: 'Studio <hello@studio.example>' });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.notifications, { reminderHours: 24, mailFrom: 'Studio <hello@studio.example>' });

    const training = await serviceNamed(server, 'Personal Training');
    const request = appointmentBooking(training, '2026-12-03T10:00:00', '2026-12-03T11:00:00');
    const email = (request['booking'] as { contactDetails: { email: string } }).contactDetails.email;
    const created = await server.call('POST', '/bookings/v2/bookings', { token: await visitorToken(server), body: request });
    const { id, revision } = created.body.booking;
    const confirmed = await server.call('POST', `/bookings/v2/bookings/${id}/confirm`, { token: OWNER_KEY, body: { revision } });
    assert.equal(confirmed.status, 200);
    const [confirmation] = await inbox.waitFor((m) => m.to === email && m.subject.startsWith('Booking confirmed'));
    assert.equal(confirmation?.mail.from?.value[0]?.address, 'hello@studio.example');

    clock.now = new Date(Date.parse(confirmed.body.booking.startDate) - 23 * HOUR);
    const [reminder] = await inbox.waitFor((m) => m.to === email && m.subject.startsWith('Reminder:'));
    assert.equal(reminder?.mail.from?.value[0]?.address, 'hello@studio.example');
    assert.equal(reminder?.mail.from?.value[0]?.name, 'Studio');

    const reset = await patch({ reminderHours: null, mailFrom: null });
    assert.deepEqual(reset.body.notifications, { reminderHours: 0, mailFrom: ENV_FROM });
  });
});
