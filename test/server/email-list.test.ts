/**
 * The owner's list of emails (GET /notifications/v1/emails) on either backend, with emails written as `.eml` files
 * (no SMTP): each sent email is listed with its kind, recipient, subject and file, the file itself is answered as
 * `message/rfc822`, and only the owner may read either.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { errorShape, startServer, type TestServer } from './helpers.js';
import { appointmentBooking, NOW, OWNER_KEY, serviceNamed, visitorToken } from './bookings-fixtures.js';
import { createMailer } from '../../server/notifications/email/index.js';

interface EmailRow {
  id: string;
  kind: string;
  role: string;
  status: string;
  bookingId?: string;
  to?: string;
  subject?: string;
  file?: string;
}

describe("the owner's list of emails", () => {
  const mailDir = mkdtempSync(join(tmpdir(), 'email-list-'));
  let server: TestServer;
  let visitor: string;

  before(async () => {
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: {
        clock: () => NOW,
        notifications: {
          mailer: createMailer({ from: 'Harbor <bookings@harbor.example>', mailDir }),
          publicUrl: 'https://book.example',
          mailDir,
          reminderHours: 0,
        },
      },
    });
    visitor = await visitorToken(server);
  });
  after(async () => {
    await server.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  async function list(): Promise<{ emails: EmailRow[]; transport: string }> {
    const r = await server.call('GET', '/notifications/v1/emails', { token: OWNER_KEY });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  }

  it('lists each sent email with its file, and answers the file', async () => {
    const training = await serviceNamed(server, 'Personal Training');
    const created = await server.call('POST', '/bookings/v2/bookings', {
      token: visitor,
      body: appointmentBooking(training, '2026-12-09T10:00:00', '2026-12-09T11:00:00'),
    });
    const booking = created.body.booking;
    await server.call('POST', `/bookings/v2/bookings/${booking.id}/confirm`, { token: OWNER_KEY, body: { revision: booking.revision } });

    let rows: EmailRow[];
    for (const until = Date.now() + 20_000; ;) {
      ({ emails: rows } = await list());
      if (rows.filter((r) => r.bookingId === booking.id && r.status === 'DONE').length >= 3) break;
      assert.ok(Date.now() < until, `emails not sent: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal((await list()).transport, 'files');
    const confirmation = rows.find((r) => r.bookingId === booking.id && r.kind === 'booking-confirmed');
    assert.ok(confirmation, JSON.stringify(rows));
    assert.equal(confirmation.role, 'customer');
    assert.equal(confirmation.to, booking.contactDetails.email);
    assert.match(confirmation.subject ?? '', /^Booking confirmed/);
    assert.match(confirmation.file ?? '', /^[\w-]+\.eml$/);
    const business = rows.filter((r) => r.bookingId === booking.id && r.kind === 'business-new-booking').map((r) => r.role);
    assert.deepEqual(business.sort(), ['owner', 'staff']);

    const file = await server.call('GET', `/notifications/v1/emails/${confirmation.id}/message.eml`, { token: OWNER_KEY });
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'message/rfc822');
    assert.match(String(file.body), /^Subject: =\?UTF-8\?Q\?Booking_confirmed/m);
    assert.match(String(file.body), new RegExp(`^To: ${booking.contactDetails.email}`, 'm'));
    assert.match(String(file.body), /text\/calendar/);
  });

  it("lists a member's account email with the member instead of a booking", async () => {
    const r = await server.call('POST', '/members/v1/members/register', {
      body: { email: 'member@example.com', password: 'someone else 12345' },
    });
    assert.equal(r.status, 202, JSON.stringify(r.body));
    for (const until = Date.now() + 20_000; ;) {
      const row = (await list()).emails.find((e) => e.kind === 'account-exists' && e.status === 'DONE');
      if (row) {
        assert.equal(row.role, 'member');
        assert.equal(row.bookingId, undefined);
        assert.equal(row.to, 'member@example.com');
        assert.match(row.file ?? '', /\.eml$/);
        break;
      }
      assert.ok(Date.now() < until, 'the account email is listed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  it('is for the owner only, and a missing email is a 404 in the error shape', async () => {
    assert.equal((await server.call('GET', '/notifications/v1/emails')).status, 401);
    const asVisitor = await server.call('GET', '/notifications/v1/emails', { token: visitor });
    assert.ok(asVisitor.status === 401 || asVisitor.status === 403, String(asVisitor.status));
    const [any] = (await list()).emails;
    assert.ok(any);
    const fileAsVisitor = await server.call('GET', `/notifications/v1/emails/${any.id}/message.eml`, { token: visitor });
    assert.ok(fileAsVisitor.status === 401 || fileAsVisitor.status === 403);
    const missing = await server.call('GET', '/notifications/v1/emails/nope/message.eml', { token: OWNER_KEY });
    assert.equal(missing.status, 404);
    assert.deepEqual(errorShape(missing.body), { kind: 'application', code: 'NOT_FOUND' });
  });
});
