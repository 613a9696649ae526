/**
 * Password reset by email (contract section 15): asking answers 202 alike for any address and only a member's
 * gets the link (a real SMTP server in this process); the link sets a new password once, within the hour (the
 * clock is the server's, moved by the test), ends the member's old sessions, and its door is rate limited like
 * a sign-in. Only the sha256 of the link's token is stored. Runs on either backend (BOOKINGS_TEST_STORAGE=postgres).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { startServer, type TestServer } from './helpers.js';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from './smtp-inbox.js';
import { createMailer } from '../../server/notifications/email/index.js';
import { renderAccountEmail } from '../../server/notifications/email/account-email.js';
import type { Business } from '../../src/model/business.js';

const PUBLIC_URL = 'https://book.example';
const ASK = '/members/v1/members/password-reset';
const CONFIRM = '/members/v1/members/password-reset/confirm';
const EMAIL = 'reset.me@example.com';
const OLD_PASSWORD = 'the old passphrase';
const NEW_PASSWORD = 'a brand new passphrase';

async function askRaw(server: TestServer, email: string) {
  const response = await fetch(server.url + ASK, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  return { status: response.status, text: await response.text() };
}

/** The token in the newest reset email to `address`, after `count` of them arrived. */
async function linkToken(inbox: SmtpInbox, address: string, count = 1): Promise<{ token: string; mail: ReceivedMail }> {
  const mails = await inbox.waitFor((m) => m.to === address && /Reset your password/.test(m.subject), count);
  const mail = mails[mails.length - 1];
  assert.ok(mail);
  const match = /\/reset-password\.html\?reset=([A-Za-z0-9_-]+)/.exec(mail.mail.text ?? '');
  assert.ok(match?.[1], 'the email has the link');
  return { token: match[1], mail };
}

describe('password reset by email', () => {
  let inbox: SmtpInbox;
  let server: TestServer;
  let now = new Date('2026-12-01T09:00:00Z');

  const login = (email: string, password: string) =>
    server.call('POST', '/oauth2/token', { body: { grantType: 'password', email, password } });
  const confirm = (token: string, password: string) => server.call('POST', CONFIRM, { body: { token, password } });

  before(async () => {
    inbox = await startSmtpInbox();
    server = await startServer({
      server: {
        clock: () => now,
        notifications: {
          mailer: createMailer({ smtpUrl: inbox.url, from: 'Harbor <bookings@harbor.example>' }),
          publicUrl: PUBLIC_URL,
          reminderHours: 0,
        },
      },
    });
    const registered = await server.call('POST', '/members/v1/members/register', {
      body: { email: EMAIL, password: OLD_PASSWORD, firstName: 'Rhea' },
    });
    assert.equal(registered.status, 202);
  });
  after(async () => {
    await server.close();
    await inbox.close();
  });

  it('answers a member and a stranger with the same 202; only the member is emailed, and only a hash is stored', async () => {
    const known = await askRaw(server, 'Reset.Me@Example.com');
    const unknown = await askRaw(server, 'nobody.here@example.com');
    assert.deepEqual([known.status, unknown.status], [202, 202]);
    assert.equal(known.text, unknown.text, 'the same bytes');

    const { token, mail } = await linkToken(inbox, EMAIL);
    assert.match(mail.mail.text ?? '', /Hello Rhea,/);
    assert.match(mail.mail.text ?? '', /works once, within one hour/);
    const html = typeof mail.mail.html === 'string' ? mail.mail.html : '';
    assert.ok(html.includes(`href="${PUBLIC_URL}/reset-password.html?reset=${token}"`), 'the button links to the page');
    assert.deepEqual(
      inbox.received.filter((m) => m.to === 'nobody.here@example.com'),
      [],
      'a stranger gets no email',
    );
    const rows = await server.sql<{ token_hash: string }>('SELECT token_hash FROM member_password_resets');
    assert.deepEqual(
      rows.map((r) => r.token_hash),
      [createHash('sha256').update(token).digest('hex')],
    );
  });

  it('sets the new password once, ends the old sessions, and refuses the link a second time', async () => {
    const before = await login(EMAIL, OLD_PASSWORD);
    assert.equal(before.status, 200);
    const weak = await confirm((await linkToken(inbox, EMAIL)).token, 'short');
    assert.equal(weak.status, 400, 'the rules of registration');
    assert.equal(weak.body.details.validationError.fieldViolations[0].field, 'password');

    const { token } = await linkToken(inbox, EMAIL);
    const done = await confirm(token, NEW_PASSWORD);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal((await login(EMAIL, OLD_PASSWORD)).status, 401, 'the old password no longer works');
    assert.equal((await login(EMAIL, NEW_PASSWORD)).status, 200, 'the new one does');
    assert.equal((await server.call('GET', '/members/v1/members/my', { token: before.body.access_token })).status, 401, 'old access token');
    const refreshed = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'refresh_token', refresh_token: before.body.refresh_token },
    });
    assert.equal(refreshed.status, 400, 'old refresh token');

    const again = await confirm(token, 'yet another passphrase');
    assert.equal(again.status, 410);
    assert.equal(again.body.details.applicationError.code, 'PASSWORD_RESET_LINK_USED');
    assert.match(again.body.message, /already used.*Forgot password/);
    assert.equal((await login(EMAIL, NEW_PASSWORD)).status, 200, 'the refused use changed nothing');
  });

  it('refuses a link after its hour, and a made-up one', async () => {
    assert.equal((await askRaw(server, EMAIL)).status, 202);
    const { token } = await linkToken(inbox, EMAIL, 2);
    now = new Date(now.getTime() + 61 * 60 * 1000);
    const late = await confirm(token, 'too late passphrase');
    assert.equal(late.status, 410);
    assert.equal(late.body.details.applicationError.code, 'PASSWORD_RESET_LINK_EXPIRED');
    assert.match(late.body.message, /one hour/);
    const madeUp = await confirm('not-a-real-token', 'whatever passphrase');
    assert.equal(madeUp.status, 400);
    assert.equal(madeUp.body.details.applicationError.code, 'PASSWORD_RESET_LINK_INVALID');
    assert.equal((await login(EMAIL, NEW_PASSWORD)).status, 200);
  });

  it('writes the email in each language of the business, the link in the button', () => {
    const subjects = new Set<string>();
    for (const locale of ['en', 'es', 'fr', 'de', 'he']) {
      const business = { name: 'Harbor Studio', locale } as Business;
      const url = `${PUBLIC_URL}/reset-password.html?reset=abc`;
      const email = renderAccountEmail('password-reset', { business, recipient: { email: EMAIL }, resetUrl: url });
      assert.ok(email.html.includes(`href="${url}"`), locale);
      assert.ok(email.text.includes(url), locale);
      subjects.add(email.subject);
    }
    assert.equal(subjects.size, 5, 'five languages, five subjects');
  });
});

describe('password reset doors', () => {
  it('limits the confirm door like sign-in, per address', async () => {
    const server = await startServer({ seed: false, server: { rateLimits: { login: { max: 2, windowSeconds: 60 } } } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++)
        statuses.push((await server.call('POST', CONFIRM, { body: { token: `guess-${i}`, password: 'a guessed passphrase' } })).status);
      assert.deepEqual(statuses, [400, 400, 429]);
    } finally {
      await server.close();
    }
  });
});
