/**
 * Without SMTP_URL every email is an `.eml` file: parsable by a mail reader, named so names sort by time, and
 * listed back in that order. Also the SMTP_URL and MAIL_FROM settings.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createMailer, listMail, mailerFromConfig, renderEmail, type SentMail } from '../../server/notifications/email/index.js';
import { decodeWords } from '../../server/notifications/email/mail-files.js';
import { ConfigError, parseConfig } from '../../server/config.js';
import { booking, businessContext, customerContext, ICS, MANAGE_URL } from './email-fixtures.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'email-files-'));
  dirs.push(dir);
  return dir;
}
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the .eml fallback', () => {
  it('writes parsable files and lists them oldest first', async () => {
    const dir = join(tempDir(), 'mail');
    const mailer = createMailer({ from: 'Studio <bookings@studio.example>', mailDir: dir });
    assert.equal(mailer.transport, 'files');
    assert.deepEqual(await listMail(dir), [], 'no folder yet: no mail');
    const attachments = [{ filename: 'booking.ics', content: ICS, contentType: 'text/calendar' }];
    const emails = [
      renderEmail('booking-received', customerContext({ booking: booking({ status: 'PENDING' }) })),
      renderEmail('business-approval-needed', businessContext('business-approval-needed')),
      renderEmail('booking-confirmed', customerContext({ attachments })),
      renderEmail(
        'booking-canceled',
        customerContext({ booking: booking({ contactDetails: { firstName: 'Zoë 東京', email: 'zoe@x.example' } }) }),
      ),
    ];
    const sent: SentMail[] = [];
    for (const email of emails) sent.push(await mailer.send(email));
    mailer.close();

    const files = readdirSync(dir).sort();
    assert.deepEqual(
      files,
      sent.map((s) => `${s.id}.eml`),
      'file names sort in sending order',
    );
    assert.ok(
      files.every((f) => /^\d{8}T\d{9}Z-[0-9a-f]{10}\.eml$/.test(f)),
      files.join(),
    );
    assert.equal(statSync(join(dir, files[0] as string)).mode & 0o777, 0o600);

    const listed = await listMail(dir);
    assert.deepEqual(
      listed.map((m) => [m.id, m.to, m.subject]),
      emails.map((e, i) => [sent[i]?.id, e.to, e.subject]),
    );
    assert.ok(listed.every((m) => Math.abs(Date.parse(m.date) - Date.now()) < 60_000));

    const confirmed = await simpleParser(readFileSync(join(dir, files[2] as string)));
    assert.equal(confirmed.subject, emails[2]?.subject);
    assert.ok(confirmed.text?.includes(MANAGE_URL));
    assert.ok(typeof confirmed.html === 'string' && confirmed.html.includes('<table'));
    assert.equal(confirmed.attachments[0]?.content.toString('utf8'), ICS);
    const canceled = await simpleParser(readFileSync(join(dir, files[3] as string)));
    assert.ok(canceled.text?.includes('Zoë 東京'));
  });

  it('decodes encoded header words', () => {
    assert.equal(decodeWords('=?UTF-8?Q?Zo=C3=AB_here?='), 'Zoë here');
    assert.equal(decodeWords('=?UTF-8?B?5p2x5Lqs?= =?UTF-8?B?5p2x?= end'), '東京東 end');
    assert.equal(decodeWords('plain'), 'plain');
  });

  it('mailerFromConfig picks files without SMTP_URL and SMTP with it', () => {
    const files = mailerFromConfig({ mailFrom: 'a@b.example' }, tempDir());
    assert.equal(files.transport, 'files');
    files.close();
    const smtp = mailerFromConfig({ mailFrom: 'a@b.example', smtpUrl: 'smtp://127.0.0.1:2525' });
    assert.equal(smtp.transport, 'smtp');
    smtp.close();
  });
});

describe('SMTP_URL and MAIL_FROM', () => {
  it('are read from the environment, with a default sender', () => {
    const none = parseConfig([], {});
    assert.equal(none.smtpUrl, undefined);
    assert.equal(none.mailFrom, 'Bookings <bookings@localhost>');
    const set = parseConfig([], { SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: 'Studio <hi@studio.example>' });
    assert.equal(set.smtpUrl, 'smtps://u:p@mail.example:465');
    assert.equal(set.mailFrom, 'Studio <hi@studio.example>');
  });

  it('refuses a bad URL or sender without echoing the password', () => {
    assert.throws(
      () => parseConfig([], { SMTP_URL: 'https://u:hunter2@mail.example' }),
      (e: Error) => {
        return e instanceof ConfigError && /smtp:\/\//.test(e.message) && !e.message.includes('hunter2');
      },
    );
    assert.throws(() => parseConfig([], { SMTP_URL: 'not a url' }), ConfigError);
    assert.throws(() => parseConfig([], { MAIL_FROM: 'a@b.example\r\nBcc: x@y.example' }), ConfigError);
    assert.throws(() => parseConfig([], { MAIL_FROM: 'nobody' }), ConfigError);
  });
});
