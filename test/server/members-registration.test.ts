/**
 * Registration tells no one who is a member (docs/security.md): a new email and a member's email get the same
 * 202 answer, byte for byte apart from the echoed email; a member's email makes no second account and instead
 * gets one "you already have an account" email through the outbox and a real SMTP server in this process. Runs
 * on either backend (BOOKINGS_TEST_STORAGE=postgres).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from './helpers.js';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from './smtp-inbox.js';
import { createMailer } from '../../server/notifications/email/index.js';
import { KNOWN_EMAIL_NOTICES_PER_DAY } from '../../server/domain/members/member-service.js';

const PUBLIC_URL = 'https://book.example';
const REGISTER = '/members/v1/members/register';
const HOSTILE_NAME = '<b>Zoë & "Co"</b>';

/** The answer as sent: status, content type and the exact body text. */
async function registerRaw(server: TestServer, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(server.url + REGISTER, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('registration answers alike for new and known emails', () => {
  let inbox: SmtpInbox;
  let server: TestServer;

  before(async () => {
    inbox = await startSmtpInbox();
    server = await startServer({
      server: {
        notifications: {
          mailer: createMailer({ smtpUrl: inbox.url, from: 'Harbor <bookings@harbor.example>' }),
          publicUrl: PUBLIC_URL,
          reminderHours: 0,
        },
      },
    });
  });
  after(async () => {
    await server.close();
    await inbox.close();
  });

  const login = (email: string, password: string) =>
    server.call('POST', '/oauth2/token', { body: { grantType: 'password', email, password } });
  const accountEmails = (address: string) => (m: ReceivedMail) => m.to === address && /already have an account/.test(m.subject);

  it('answers a new email and a known one with the same 202, and the known one makes no second account', async () => {
    const first = await registerRaw(server, { email: 'known@example.com', password: 'the first passphrase', firstName: HOSTILE_NAME });
    assert.equal(first.status, 202, first.text);

    const fresh = await registerRaw(server, { email: 'Fresh@Example.com', password: 'a fresh passphrase', firstName: 'Fay' });
    const known = await registerRaw(server, { email: 'KNOWN@example.com', password: 'a second passphrase', firstName: 'Mallory' });
    assert.equal(fresh.status, 202);
    assert.equal(known.status, 202);
    assert.equal(known.type, fresh.type);
    assert.equal(fresh.text, '{"registration":{"loginEmail":"fresh@example.com","status":"ACCEPTED"}}');
    assert.equal(known.text.replace('known@example.com', 'fresh@example.com'), fresh.text, 'the same bytes, apart from the email');

    assert.equal((await login('known@example.com', 'a second passphrase')).status, 401, 'the second password opens nothing');
    const token = (await login('known@example.com', 'the first passphrase')).body.access_token;
    assert.ok(token, 'the first password still signs in');
    const me = await server.call('GET', '/members/v1/members/my', { token });
    assert.equal(me.body.member.profile.firstName, HOSTILE_NAME, 'the account is the first one, untouched');
    const rows = await server.sql<{ n: number | string }>("SELECT COUNT(*) AS n FROM members WHERE email = 'known@example.com'");
    assert.equal(Number(rows[0]?.n), 1);
    assert.equal((await login('fresh@example.com', 'a fresh passphrase')).status, 200, 'the new email is a member at once');
  });

  it('emails the known address once, in plain text and HTML with its own name escaped; the new address gets nothing', async () => {
    const [mail] = await inbox.waitFor(accountEmails('known@example.com'));
    assert.ok(mail);
    assert.equal(mail.subject, 'You already have an account with Harbor Studio');
    const text = mail.mail.text ?? '';
    const html = typeof mail.mail.html === 'string' ? mail.mail.html : '';
    assert.match(text, /Hello <b>Zoë & "Co"<\/b>,/, "the member's own name, as plain text");
    assert.match(text, /Forgot password/);
    assert.ok(text.includes(`Sign in: ${PUBLIC_URL}/`));
    assert.ok(html.includes('Hello &lt;b&gt;Zoë &amp; &quot;Co&quot;&lt;/b&gt;,'), 'the name escaped in HTML');
    assert.ok(!html.includes('<b>Zoë'), 'no markup from the name');
    assert.ok(html.includes(`href="${PUBLIC_URL}/"`));
    for (const part of [text, html]) {
      assert.ok(!part.includes('Mallory'), "the stranger's text is not in the member's email");
      assert.ok(!part.includes('passphrase'), 'no password');
    }

    const deliveries = await server.storage.outbox.listDeliveries({ channelPrefix: 'email:account-exists' });
    assert.deepEqual(
      deliveries.map((d) => [d.channel, d.status]),
      [['email:account-exists:member', 'DONE']],
    );
    assert.equal(inbox.received.filter(accountEmails('known@example.com')).length, 1, 'exactly one');
    assert.deepEqual(
      inbox.received.filter((m) => m.to === 'fresh@example.com'),
      [],
      'a new email gets no email',
    );
  });

  it('refuses a bad email or a weak password with the same 400 for a new email and a known one', async () => {
    for (const password of ['short', 'known@example.com']) {
      const fresh = await registerRaw(server, { email: 'other@example.com', password: password.replace('known', 'other') });
      const known = await registerRaw(server, { email: 'known@example.com', password });
      assert.equal(fresh.status, 400);
      assert.equal(known.text, fresh.text);
    }
    const badFresh = await registerRaw(server, { email: 'not an email', password: 'a fine passphrase' });
    assert.equal(badFresh.status, 400);
    assert.match(badFresh.text, /"field":"email"/);
  });

  it('replays with an Idempotency-Key alike for both, and sends no second email for a replay', async () => {
    const body = { email: 'known@example.com', password: 'a third passphrase' };
    const known = await registerRaw(server, body, { 'idempotency-key': 'reg-known-1' });
    const replay = await registerRaw(server, body, { 'idempotency-key': 'reg-known-1' });
    const fresh = await registerRaw(server, { ...body, email: 'keyed@example.com' }, { 'idempotency-key': 'reg-fresh-1' });
    assert.deepEqual([known.status, replay.status, fresh.status], [202, 202, 202]);
    assert.equal(replay.text, known.text);
    assert.equal(known.text.replace('known@example.com', 'keyed@example.com'), fresh.text);
    await inbox.waitFor(accountEmails('known@example.com'), 2);
    const events = await server.storage.outbox.listEvents();
    const notices = events.filter((e) => e.eventType === 'members.registration_for_known_email');
    assert.equal(notices.length, 2, 'one per registration that ran, none for the replay');
  });

  it(`sends at most ${KNOWN_EMAIL_NOTICES_PER_DAY} such emails to one address a day, answering alike past it`, async () => {
    const email = 'often@example.com';
    assert.equal((await registerRaw(server, { email, password: 'the only passphrase' })).status, 202);
    const answers = [];
    for (let i = 0; i <= KNOWN_EMAIL_NOTICES_PER_DAY; i++)
      answers.push(await registerRaw(server, { email, password: `try number ${i} here` }));
    assert.deepEqual(new Set(answers.map((a) => `${a.status} ${a.text}`)).size, 1);
    await inbox.waitFor(accountEmails(email), KNOWN_EMAIL_NOTICES_PER_DAY);
    const member = await server.storage.members.getByEmail(email);
    const events = await server.storage.outbox.listEvents({ entityId: member?.id ?? '' });
    assert.equal(events.length, KNOWN_EMAIL_NOTICES_PER_DAY);
  });
});
