/**
 * Email through a real SMTP server in the test process (`smtp-server` on 127.0.0.1, with a login), each message
 * parsed back with `mailparser`: headers, both parts, the manage link, the customer's zone, escaped names, and an
 * `.ics` attachment that arrives byte for byte.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import {
  BUSINESS_EMAIL_KINDS,
  CUSTOMER_EMAIL_KINDS,
  createMailer,
  escapeHtml,
  renderEmail,
  type Mailer,
} from '../../server/notifications/email/index.js';
import { booking, businessContext, customerContext, HOSTILE_NAME, ICS, MANAGE_URL } from './email-fixtures.js';

interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  user: string | undefined;
  mail: ParsedMail;
}

const FROM = 'Lisbon Yoga Studio <bookings@studio.example>';

describe('email over SMTP', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;
  let mailer: Mailer;

  before(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 's3cret') callback(null, { user: auth.username });
        else callback(new Error('bad login'));
      },
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              user: typeof session.user === 'string' ? session.user : undefined,
              mail,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    mailer = createMailer({ smtpUrl: `smtp://mailer:s3cret@127.0.0.1:${port}`, from: FROM });
  });

  after(async () => {
    mailer.close();
    await new Promise<void>((resolve) => server.close(resolve));
  });

  function toAddress(to: AddressObject | AddressObject[] | undefined): string {
    const first = Array.isArray(to) ? to[0] : to;
    return first?.value[0]?.address ?? '';
  }

  it('sends every customer email with the manage link, in the customer zone, with the .ics intact', async () => {
    const hostile = booking({
      contactDetails: { firstName: HOSTILE_NAME, email: 'maya@customer.example', timeZone: 'America/New_York' },
    });
    const attachments = [{ filename: 'booking.ics', content: ICS, contentType: 'text/calendar; method=REQUEST' }];
    for (const kind of CUSTOMER_EMAIL_KINDS) {
      const before = received.length;
      const email = renderEmail(kind, customerContext({ booking: hostile, attachments }));
      const sent = await mailer.send(email);
      assert.equal(mailer.transport, 'smtp');
      assert.equal(received.length, before + 1, `${kind} arrived`);
      const { mail, envelopeFrom, envelopeTo, user } = received[before] as Received;
      assert.equal(user, 'mailer', 'the SMTP URL’s login was used');
      assert.equal(envelopeFrom, 'bookings@studio.example');
      assert.deepEqual(envelopeTo, ['maya@customer.example']);
      assert.equal(mail.messageId, sent.messageId);
      assert.equal(mail.subject, email.subject, `${kind} subject`);
      assert.equal(mail.from?.value[0]?.address, 'bookings@studio.example');
      assert.equal(mail.from?.value[0]?.name, 'Lisbon Yoga Studio');
      assert.equal(toAddress(mail.to), 'maya@customer.example');
      const text = mail.text ?? '';
      const html = typeof mail.html === 'string' ? mail.html : '';
      assert.ok(text.includes(MANAGE_URL), `${kind}: manage link in the text`);
      assert.ok(html.includes(escapeHtml(MANAGE_URL)), `${kind}: manage link in the HTML`);
      assert.match(text, /1:00\s–\s2:00\sPM/, `${kind}: 18:00 in Lisbon shows as 1:00 PM in New York`);
      assert.ok(text.includes(HOSTILE_NAME), `${kind}: the name is intact in the text`);
      assert.ok(html.includes(escapeHtml(HOSTILE_NAME)), `${kind}: the name is escaped in the HTML`);
      assert.doesNotMatch(html, /<script/i);
      const ics = mail.attachments.find((a) => a.filename === 'booking.ics');
      assert.ok(ics, `${kind}: the .ics arrived`);
      assert.equal(ics.contentType, 'text/calendar');
      assert.equal(ics.content.toString('utf8'), ICS, `${kind}: the .ics is intact`);
    }
  });

  it('sends every business email to the owner, with the console link', async () => {
    for (const kind of BUSINESS_EMAIL_KINDS) {
      const before = received.length;
      await mailer.send(renderEmail(kind, businessContext(kind)));
      const { mail } = received[before] as Received;
      assert.equal(toAddress(mail.to), 'owner@studio.example');
      assert.ok(mail.subject && mail.subject.length > 0);
      assert.ok(mail.text?.includes('https://studio.example/console/bookings/bk_0001'), kind);
      assert.match(mail.text ?? '', /6:00\s–\s7:00\sPM/, `${kind}: the business reads its own zone`);
      assert.ok(typeof mail.html === 'string' && mail.html.includes('Maya Cohen'), kind);
      assert.equal(mail.attachments.length, 0);
    }
  });

  it('a wrong login is an error the caller sees (the outbox retries it)', async () => {
    const bad = createMailer({ smtpUrl: `smtp://mailer:wrong@127.0.0.1:${port}`, from: FROM });
    try {
      await assert.rejects(bad.send(renderEmail('booking-confirmed', customerContext())));
    } finally {
      bad.close();
    }
  });

  it('refuses a URL that is not smtp:// or smtps://', () => {
    assert.throws(() => createMailer({ smtpUrl: 'http://127.0.0.1:25', from: FROM }), /smtp:\/\/ or smtps:\/\//);
  });
});
