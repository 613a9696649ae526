/**
 * The demo server at the fixed clock (bookings-fixtures' NOW) that sends its emails to an SMTP server in the test
 * process, with no reminders: for tests that read what customers are told.
 */
import { Temporal } from 'temporal-polyfill';
import { startServer, type TestServer } from './helpers.js';
import { NOW } from './bookings-fixtures.js';
import { startSmtpInbox, type SmtpInbox } from './smtp-inbox.js';
import { createMailer } from '../../server/notifications/email/index.js';

export interface MailingServer {
  server: TestServer;
  inbox: SmtpInbox;
  close(): Promise<void>;
}

export async function startMailingServer(): Promise<MailingServer> {
  const inbox = await startSmtpInbox();
  const server = await startServer({
    now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
    server: {
      clock: () => NOW,
      notifications: {
        mailer: createMailer({ smtpUrl: inbox.url, from: 'Harbor <bookings@harbor.example>' }),
        publicUrl: 'https://book.harbor.example',
        reminderHours: 0,
      },
    },
  });
  return {
    server,
    inbox,
    async close() {
      await server.close();
      await inbox.close();
    },
  };
}
