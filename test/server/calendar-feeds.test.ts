/**
 * Subscribable calendar feeds through the real API, on either backend: the owner creates feeds for the business
 * and for staff members (anyone else may not), bookings made through the API show in them with the UIDs of their
 * own calendar files and TZID times that read back right on both sides of a DST change, a canceled booking
 * leaves, a staff member's feed holds only their appointments and the classes they teach, and a revoked or wrong
 * secret answers 404. Every feed is fetched without credentials and read back with ical.js.
 */
import { redactUrl } from '../../server/http/logging.js';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import ICAL from 'ical.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorShape, startServerOn, TEST_BACKEND, type TestServer } from './helpers.js';
import { freshDatabase } from './postgres-fixtures.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { createPostgresStorage } from '../../server/storage/postgres/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import { DEMO_TIME_ZONE } from '../../server/seed/demo.js';
import { parseCalendar } from './calendar-parse.js';
import {
  appointmentBooking,
  classBooking,
  eventIdAt,
  OWNER_KEY,
  serviceNamed,
  startBookingServer,
  visitorToken,
  type DemoService,
} from './bookings-fixtures.js';

interface FeedEvent {
  status: string;
  summary: string;
  sequence: number;
  tzid: string | null;
  startUtc: string;
  endUtc: string;
}

interface ParsedFeed {
  method: string;
  name: string;
  refresh: string;
  zones: string[];
  events: Map<string, FeedEvent>;
}

/** A feed read back with ical.js: each event's times converted to UTC through the feed's own VTIMEZONE. */
function parseFeed(text: string): ParsedFeed {
  assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF lines');
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line over 75 octets: ${line}`);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zones = calendar.getAllSubcomponents('vtimezone');
  const utc = (property: ICAL.Property | null): string => {
    assert.ok(property);
    const time = property.getFirstValue() as ICAL.Time;
    if (time.zone !== ICAL.Timezone.utcTimezone) {
      const zone = zones.find((z) => z.getFirstPropertyValue('tzid') === property.getParameter('tzid'));
      assert.ok(zone, 'a TZID has its VTIMEZONE');
      time.zone = new ICAL.Timezone(zone);
    }
    return new Date(time.toUnixTime() * 1000).toISOString();
  };
  const events = new Map<string, FeedEvent>();
  for (const e of calendar.getAllSubcomponents('vevent')) {
    const tzid = e.getFirstProperty('dtstart')?.getParameter('tzid');
    events.set(String(e.getFirstPropertyValue('uid')), {
      status: String(e.getFirstPropertyValue('status')),
      summary: String(e.getFirstPropertyValue('summary')),
      sequence: Number(e.getFirstPropertyValue('sequence')),
      tzid: typeof tzid === 'string' ? tzid : null,
      startUtc: utc(e.getFirstProperty('dtstart')),
      endUtc: utc(e.getFirstProperty('dtend')),
    });
  }
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    refresh: String(calendar.getFirstProperty('refresh-interval')?.toICALString()),
    zones: zones.map((z) => String(z.getFirstPropertyValue('tzid'))),
    events,
  };
}

const uid = (booking: { id: string }) => `${booking.id}@bookings.local`;

describe('calendar feeds', () => {
  let server: TestServer;
  let training: DemoService;
  let vinyasa: DemoService;
  let alice: string;
  const staff: Record<'alex' | 'sam' | 'maya', string> = { alex: '', sam: '', maya: '' };

  before(async () => {
    ({ server } = await startBookingServer());
    training = await serviceNamed(server, 'Personal Training');
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    alice = await visitorToken(server);
    for (const member of await server.storage.staff.list()) {
      const key = member.name.split(' ')[0]!.toLowerCase();
      if (key === 'alex' || key === 'sam' || key === 'maya') staff[key] = member.id;
    }
  });
  after(() => server.close());

  type Booking = { id: string; revision: string; startDate: string; endDate: string; status: string };

  async function act(booking: Booking, action: string, token = OWNER_KEY): Promise<Booking> {
    const r = await server.call('POST', `/bookings/v2/bookings/${booking.id}/${action}`, { token, body: { revision: booking.revision } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking;
  }

  async function book(body: Record<string, unknown>): Promise<Booking> {
    const r = await server.call('POST', '/bookings/v2/bookings', { token: alice, body });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking;
  }

  /** An appointment of Personal Training with one staff member (the business's local times). */
  async function appointment(start: string, end: string, staffId: string): Promise<Booking> {
    const body = appointmentBooking(training, start, end) as { booking: { bookedEntity: { slot: Record<string, unknown> } } };
    body.booking.bookedEntity.slot['resource'] = { id: staffId };
    return book(body);
  }

  async function createFeed(staffMemberId?: string): Promise<{ feed: { id: string }; secret: string; url: string; webcalUrl: string }> {
    const r = await server.call('POST', '/calendar/v1/feeds', { token: OWNER_KEY, body: staffMemberId ? { staffMemberId } : {} });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body;
  }

  /** The feed at `url`, fetched with no credentials at all. */
  async function fetchFeed(url: string): Promise<ParsedFeed> {
    const r = await server.call('GET', new URL(url).pathname);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.match(r.headers.get('cache-control') ?? '', /^private, max-age=\d+$/);
    return parseFeed(r.body as string);
  }

  it('lets only the owner create and list feeds; the secret is shown once and stored only as its sha256', async () => {
    const created = await createFeed();
    assert.match(created.secret, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(created.url, `${server.url}/calendar/v1/feeds/${created.secret}.ics`);
    assert.equal(created.webcalUrl, created.url.replace(/^http:/, 'webcal:'));

    const list = await server.call('GET', '/calendar/v1/feeds', { token: OWNER_KEY });
    assert.equal(list.status, 200);
    assert.ok(list.body.feeds.some((f: { id: string; staffMemberId?: string }) => f.id === created.feed.id && !f.staffMemberId));
    assert.ok(!JSON.stringify(list.body).includes(created.secret), 'the list shows no secret');
    const rows = await server.sql<{ secret_hash: string }>('SELECT secret_hash FROM calendar_feeds WHERE id = ?', created.feed.id);
    assert.deepEqual(rows, [{ secret_hash: createHash('sha256').update(created.secret).digest('hex') }]);
    assert.equal(redactUrl(`/calendar/v1/feeds/${created.secret}.ics`), '/calendar/v1/feeds/[redacted].ics', 'the request log hides it');

    for (const token of [alice, undefined]) {
      const status = token ? 403 : 401;
      assert.equal((await server.call('POST', '/calendar/v1/feeds', { ...(token ? { token } : {}), body: {} })).status, status);
      assert.equal((await server.call('GET', '/calendar/v1/feeds', token ? { token } : {})).status, status);
      assert.equal((await server.call('DELETE', `/calendar/v1/feeds/${created.feed.id}`, token ? { token } : {})).status, status);
    }
    const unknown = await server.call('POST', '/calendar/v1/feeds', {
      token: OWNER_KEY,
      body: { staffMemberId: '00000000-0000-4000-8000-000000000000' },
    });
    assert.equal(unknown.status, 404);
    assert.deepEqual(errorShape(unknown.body), { kind: 'application', code: 'STAFF_MEMBER_NOT_FOUND' });
    const bad = await server.call('POST', '/calendar/v1/feeds', { token: OWNER_KEY, body: { staffMemberId: 7 } });
    assert.equal(bad.status, 400);
    assert.equal(errorShape(bad.body).kind, 'validation');
  });

  it('shows live bookings with their calendar files’ UIDs, by staff member, across a DST change, and drops a canceled one', async () => {
    const business = await createFeed();
    const feeds = { alex: await createFeed(staff.alex), sam: await createFeed(staff.sam), maya: await createFeed(staff.maya) };

    const winter = await act(await appointment('2026-12-02T10:00:00', '2026-12-02T11:00:00', staff.alex), 'confirm');
    // After New York's spring change (14 March 2027): 10:00 is EDT, UTC-4, where the winter booking is EST, UTC-5.
    const summer = await act(await appointment('2027-03-16T10:00:00', '2027-03-16T11:00:00', staff.sam), 'mark_booking_as_pending');
    const session = await eventIdAt(server, vinyasa, '2026-12-02T07:00:00');
    const yoga = await act(await book(classBooking(vinyasa, session)), 'confirm');
    const doomed = await act(await appointment('2026-12-03T10:00:00', '2026-12-03T11:00:00', staff.alex), 'confirm');
    const unsubmitted = await appointment('2026-12-04T10:00:00', '2026-12-04T11:00:00', staff.alex);

    const all = await fetchFeed(business.url);
    assert.equal(all.method, 'PUBLISH');
    assert.equal(all.name, 'Harbor Studio: all bookings');
    assert.equal(all.refresh, 'REFRESH-INTERVAL;VALUE=DURATION:PT15M');
    assert.deepEqual(all.zones, [DEMO_TIME_ZONE]);
    assert.deepEqual([...all.events.keys()].sort(), [winter, summer, yoga, doomed].map(uid).sort());
    assert.ok(!all.events.has(uid(unsubmitted)), 'a booking not yet submitted (CREATED) holds no time');

    const w = all.events.get(uid(winter))!;
    const s = all.events.get(uid(summer))!;
    assert.deepEqual([w.tzid, w.startUtc, w.endUtc], [DEMO_TIME_ZONE, '2026-12-02T15:00:00.000Z', '2026-12-02T16:00:00.000Z']);
    assert.deepEqual([s.tzid, s.startUtc, s.endUtc], [DEMO_TIME_ZONE, '2027-03-16T14:00:00.000Z', '2027-03-16T15:00:00.000Z']);
    assert.equal(w.startUtc, winter.startDate);
    assert.equal(s.startUtc, summer.startDate);
    assert.deepEqual([w.status, s.status, all.events.get(uid(yoga))!.status], ['CONFIRMED', 'TENTATIVE', 'CONFIRMED']);
    assert.match(w.summary, /^Personal Training: /);
    assert.match(all.events.get(uid(yoga))!.summary, /^Vinyasa Flow: Test Visitor/);

    // The same UID and SEQUENCE as the booking's own calendar file, so a calendar keeps one event for both.
    const file = await server.call('GET', `/bookings/v2/bookings/${winter.id}/calendar.ics`, { token: OWNER_KEY });
    const own = parseCalendar(file.body as string);
    assert.equal(own.uid, uid(winter));
    assert.equal(own.sequence, w.sequence);
    assert.equal(own.startUtc, w.startUtc);

    const ids = async (url: string) => [...(await fetchFeed(url)).events.keys()].sort();
    assert.deepEqual(await ids(feeds.alex.url), [winter, doomed].map(uid).sort());
    assert.deepEqual(await ids(feeds.sam.url), [uid(summer)]);
    assert.deepEqual(await ids(feeds.maya.url), [uid(yoga)], 'the class she teaches, though its booking names no staff member');
    assert.match((await fetchFeed(feeds.maya.url)).name, /^Harbor Studio: Maya Chen$/);

    await act(doomed, 'cancel', alice);
    assert.ok(!(await fetchFeed(business.url)).events.has(uid(doomed)));
    assert.deepEqual(await ids(feeds.alex.url), [uid(winter)]);
  });

  it('answers If-None-Match with 304 while nothing changed', async () => {
    const { url } = await createFeed();
    const first = await server.call('GET', new URL(url).pathname);
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await server.call('GET', new URL(url).pathname, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.body, undefined);
  });

  it('answers 404 at once for a revoked feed, and for a wrong or malformed secret', async () => {
    const { feed, url } = await createFeed();
    await fetchFeed(url);
    const revoked = await server.call('DELETE', `/calendar/v1/feeds/${feed.id}`, { token: OWNER_KEY });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    assert.deepEqual(revoked.body, {});

    const gone = await server.call('GET', new URL(url).pathname);
    assert.equal(gone.status, 404);
    assert.deepEqual(errorShape(gone.body), { kind: 'application', code: 'NOT_FOUND' });
    assert.match(gone.body.message, /revoked/);
    const list = await server.call('GET', '/calendar/v1/feeds', { token: OWNER_KEY });
    assert.ok(!list.body.feeds.some((f: { id: string }) => f.id === feed.id));
    assert.equal((await server.call('DELETE', `/calendar/v1/feeds/${feed.id}`, { token: OWNER_KEY })).status, 404);

    for (const secret of [randomBytes(32).toString('base64url'), 'abc', `${'x'.repeat(42)}%2F`]) {
      const r = await server.call('GET', `/calendar/v1/feeds/${secret}.ics`);
      assert.equal(r.status, 404, secret);
      assert.deepEqual(errorShape(r.body), { kind: 'application', code: 'NOT_FOUND' });
    }
  });

  it('refuses a feed revoked through one instance on another at once (every request reads the database)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'feeds-'));
    const pg = TEST_BACKEND === 'postgres' ? await freshDatabase() : undefined;
    const open = async () => (pg ? createPostgresStorage(pg.url) : createSqliteStorage(join(dir, 'bookings.sqlite')));
    const first = await open();
    await seedDemo(first);
    const [a, b] = [await startServerOn(first), await startServerOn(await open())];
    try {
      const created = await a.call('POST', '/calendar/v1/feeds', { token: OWNER_KEY, body: {} });
      const path = new URL(created.body.url).pathname;
      assert.equal((await b.call('GET', path)).status, 200);
      assert.equal((await a.call('DELETE', `/calendar/v1/feeds/${created.body.feed.id}`, { token: OWNER_KEY })).status, 200);
      assert.equal((await b.call('GET', path)).status, 404);
    } finally {
      await a.close();
      await b.close();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
