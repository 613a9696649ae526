/**
 * The bookings export (contract section 12, `GET /bookings/v2/bookings/export.csv`): the rows of the bookings
 * starting on the asked dates in the business's zone (America/New_York in the demo), the exact header, RFC 4180
 * quoting, cells a spreadsheet would run as formulas defused, money from the order, and the refusals.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { TestServer } from './helpers.js';
import { OWNER_KEY, visitorToken, serviceNamed, eventIdAt, classBooking, type DemoService } from './bookings-fixtures.js';
import { startMoneyServer, book, checkout, visa } from './money-fixtures.js';
import type { Booking, ContactDetails } from '../../src/model/booking.js';

const HEADER = 'id,status,payment status,service,start,end,time zone,participants,first name,last name,email,phone,total,paid';

/** RFC 4180, strictly: records end in CRLF; a quoted field may hold commas, CR, LF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"' && field === '') {
      // A quoted field runs to the quote that is not doubled.
      for (i++; text[i] !== '"' || text[i + 1] === '"'; i++) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') i++;
        field += text[i];
      }
      i++;
      if (text[i] !== ',' && text[i] !== '\r') throw new Error(`text after a closing quote at ${i}`);
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`a bare CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\n' || c === '"') {
      throw new Error(`a bare ${JSON.stringify(c)} at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** The export as records keyed by the header's names. */
async function exportRows(server: TestServer, query: string) {
  const response = await fetch(`${server.url}/bookings/v2/bookings/export.csv?${query}`, {
    headers: { authorization: `Bearer ${OWNER_KEY}` },
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  const [header, ...rows] = parseCsv(text);
  assert.ok(header);
  return { response, text, header, rows: rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? '']))) };
}

/**
 * A confirmed, unpaid booking written straight to storage: no session of the demo starts at 23:30, and the
 * names below are what the API would take from anyone, so only the start time needs this door.
 */
async function storedBooking(server: TestServer, service: DemoService, startUtc: string, contact: ContactDetails): Promise<string> {
  const id = randomUUID();
  const at = '2026-12-01T15:00:00.000Z';
  const endUtc = new Date(Date.parse(startUtc) + 60 * 60_000).toISOString();
  const booking: Booking = {
    id,
    bookedEntity: { slot: { serviceId: service.id, scheduleId: service.scheduleId, startDate: startUtc, endDate: endUtc } },
    contactDetails: contact,
    totalParticipants: 2,
    status: 'CONFIRMED',
    paymentStatus: 'NOT_PAID',
    selectedPaymentOption: 'OFFLINE',
    startDate: startUtc,
    endDate: endUtc,
    createdDate: at,
    updatedDate: at,
    revision: '1',
  };
  const record = { booking, skipAvailabilityValidation: true, visitorId: null, memberId: null };
  await server.storage.bookings.insert(record, { action: 'create', fromStatus: null, actor: { kind: 'owner' }, at });
  return id;
}

describe('bookings export (CSV)', () => {
  let server: TestServer;
  let vinyasa: DemoService;
  const ids: Record<string, string> = {};
  before(async () => {
    server = await startMoneyServer();
    vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    // Paid online ($20): one visitor, its checkout and order.
    const payer = await visitorToken(server);
    const paid = await book(server, payer, classBooking(vinyasa, await eventIdAt(server, vinyasa, '2026-12-07T18:00:00')));
    const co = await checkout(server, payer, paid.id);
    const order = await server.call('POST', `/ecom/v1/checkouts/${co.id}/create-order`, { token: payer, body: { payment: visa } });
    assert.equal(order.status, 200, JSON.stringify(order.body));
    ids['paid'] = paid.id;
    // To pay in person, never checked out.
    const later = await visitorToken(server);
    const offline = classBooking(vinyasa, await eventIdAt(server, vinyasa, '2026-12-09T18:00:00'), { selectedPaymentOption: 'OFFLINE' });
    ids['offline'] = (await book(server, later, offline)).id;
    // 23:30 on 10 December in New York is 04:30 on the 11th in UTC.
    ids['late'] = await storedBooking(server, vinyasa, '2026-12-11T04:30:00.000Z', {
      firstName: 'Ann, "the Late"\nOwl',
      lastName: 'Night',
      email: 'owl@example.com',
      phone: '+1 555 0100',
    });
    ids['formula'] = await storedBooking(server, vinyasa, '2026-12-14T15:00:00.000Z', {
      firstName: '=HYPERLINK("http://evil.example","x")',
      lastName: '@SUM(A1:A9)',
      email: '-2',
      phone: '\t+1 555',
    });
    // Outside every range asked below: January.
    ids['january'] = await storedBooking(server, vinyasa, '2027-01-05T15:00:00.000Z', { firstName: 'Jan', lastName: 'Later' });
  });
  after(() => server.close());

  it('answers CSV as a download named by its dates, with the exact header and only the rows in range', async () => {
    const { response, text, rows } = await exportRows(server, 'from=2026-12-07&to=2026-12-14');
    assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="bookings-2026-12-07-2026-12-14.csv"');
    assert.ok(text.startsWith(`${HEADER}\r\n`), 'the header row, exactly');
    assert.deepEqual(
      rows.map((r) => r['id']),
      [ids['paid'], ids['offline'], ids['late'], ids['formula']],
      'bookings in range, earliest start first',
    );
  });

  it('writes local times in the business zone, participants and money from the order', async () => {
    const { rows } = await exportRows(server, 'from=2026-12-07&to=2026-12-09');
    const [paid, offline] = rows;
    const { 'last name': lastName, email, ...rest } = paid ?? {};
    assert.deepEqual(rest, {
      id: ids['paid'],
      status: 'CONFIRMED',
      'payment status': 'PAID',
      service: 'Vinyasa Flow',
      start: '2026-12-07T18:00',
      end: '2026-12-07T19:00',
      'time zone': 'America/New_York',
      participants: '1',
      'first name': 'Test',
      phone: '',
      total: '20.00 USD',
      paid: '20.00 USD',
    });
    assert.match(lastName ?? '', /^Visitor \d+$/);
    assert.match(email ?? '', /^visitor\d+@example\.com$/);
    assert.equal(offline?.['payment status'], 'UNDEFINED');
    assert.equal(offline?.['total'], '20.00 USD', 'not checked out yet: its price today');
    assert.equal(offline?.['paid'], '0.00 USD');
  });

  it('puts a booking at 23:30 local on its local date, though it is the next day in UTC', async () => {
    const tenth = await exportRows(server, 'from=2026-12-10&to=2026-12-10');
    assert.deepEqual(
      tenth.rows.map((r) => [r['id'], r['start'], r['participants']]),
      [[ids['late'], '2026-12-10T23:30', '2']],
    );
    assert.equal((await exportRows(server, 'from=2026-12-11&to=2026-12-11')).rows.length, 0);
  });

  it('quotes a name with a comma, a quote and a line break (RFC 4180)', async () => {
    const { text, rows } = await exportRows(server, 'from=2026-12-10&to=2026-12-10');
    assert.ok(text.includes(',"Ann, ""the Late""\nOwl",Night,'), 'quoted, inner quotes doubled');
    assert.equal(rows[0]?.['first name'], 'Ann, "the Late"\nOwl');
    assert.equal(rows[0]?.['phone'], "'+1 555 0100");
  });

  it('prefixes every cell a spreadsheet would run as a formula with an apostrophe', async () => {
    const { rows } = await exportRows(server, 'from=2026-12-14&to=2026-12-14');
    const row = rows[0];
    assert.equal(row?.['first name'], `'=HYPERLINK("http://evil.example","x")`);
    assert.equal(row?.['last name'], "'@SUM(A1:A9)");
    assert.equal(row?.['email'], "'-2");
    assert.equal(row?.['phone'], "'\t+1 555");
  });

  it('exports the current month in the business zone when no dates are given', async () => {
    const response = await fetch(`${server.url}/bookings/v2/bookings/export.csv`, { headers: { authorization: `Bearer ${OWNER_KEY}` } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-disposition'), 'attachment; filename="bookings-2026-12-01-2026-12-31.csv"');
    const ids_ = parseCsv(await response.text()).map((r) => r[0]);
    assert.ok(ids_.includes(ids['late']) && !ids_.includes(ids['january']));
  });

  it('refuses bad dates with 400 naming the field', async () => {
    const fieldsOf = async (query: string) => {
      const r = await server.call('GET', `/bookings/v2/bookings/export.csv?${query}`, { token: OWNER_KEY });
      assert.equal(r.status, 400, `${query}: ${JSON.stringify(r.body)}`);
      return (r.body.details.validationError.fieldViolations as { field: string }[]).map((v) => v.field);
    };
    assert.deepEqual(await fieldsOf('from=2026-12-01'), ['to']);
    assert.deepEqual(await fieldsOf('to=2026-12-01'), ['from']);
    assert.deepEqual(await fieldsOf('from=12/01/2026&to=2026-12-31'), ['from']);
    assert.deepEqual(await fieldsOf('from=2026-02-30&to=2026-03-01'), ['from']);
    assert.deepEqual(await fieldsOf('from=2026-12-31&to=2026-12-01'), ['to']);
    assert.deepEqual(await fieldsOf('from=2026-01-01&to=2027-01-02'), ['to']);
    // 366 days, counting both ends, is allowed.
    assert.equal(
      (await server.call('GET', '/bookings/v2/bookings/export.csv?from=2026-01-01&to=2027-01-01', { token: OWNER_KEY })).status,
      200,
    );
  });

  it('is for the owner only: 401 without or with a bad token, 403 for a visitor', async () => {
    const path = '/bookings/v2/bookings/export.csv?from=2026-12-01&to=2026-12-31';
    assert.equal((await server.call('GET', path)).status, 401);
    assert.equal((await server.call('GET', path, { token: 'not-a-real-token' })).status, 401);
    const visitor = await server.call('GET', path, { token: await visitorToken(server) });
    assert.equal(visitor.status, 403);
    assert.equal(visitor.body.details.applicationError.code, 'PERMISSION_DENIED');
    // Who asks comes first: a stranger's bad dates are a 401, not a 400.
    assert.equal((await server.call('GET', '/bookings/v2/bookings/export.csv?from=nope')).status, 401);
  });
});
