/**
 * A double booking resolved by moving it (contract sections 5 and 6, Wix semantics: `doubleBooked` marks a
 * booking over its slot's capacity): moved into a slot with room the flag clears; the owner may move a booking
 * into a full slot only with `skipAvailabilityValidation`, which flags it and notifies; nobody else may.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OWNER_KEY, errorShape, type TestServer } from './helpers.js';
import { appointmentBooking, serviceNamed, startBookingServer, type DemoService, staffToken } from './bookings-fixtures.js';

interface B {
  id: string;
  status: string;
  revision: string;
  doubleBooked?: boolean;
  startDate: string;
}

describe('rescheduling a double booking', () => {
  let server: TestServer;
  let training: DemoService;
  let alex: string;
  let staff: string;

  before(async () => {
    ({ server } = await startBookingServer());
    training = await serviceNamed(server, 'Personal Training');
    alex = (await server.storage.staff.list()).find((s) => s.name === 'Alex Rivera')!.id;
    staff = await staffToken(server);
  });
  after(() => server.close());

  const slot = (start: string) => {
    const end = start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`);
    const body = appointmentBooking(training, start, end) as { booking: { bookedEntity: { slot: Record<string, unknown> } } };
    body.booking.bookedEntity.slot['resource'] = { id: alex };
    return body;
  };
  /** The owner books a phone customer, CONFIRMED at once; `full` books past capacity on purpose. */
  async function ownerBooks(start: string, full = false): Promise<B> {
    const flowControlSettings = { skipBusinessConfirmation: true, ...(full ? { skipAvailabilityValidation: true } : {}) };
    const r = await server.call('POST', '/bookings/v2/bookings', { token: OWNER_KEY, body: { ...slot(start), flowControlSettings } });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.booking as B;
  }
  const move = (b: B, start: string, flow: Record<string, unknown> = {}, token = OWNER_KEY) =>
    server.call('POST', `/bookings/v2/bookings/${b.id}/reschedule`, {
      token,
      body: { slot: slot(start).booking.bookedEntity.slot, revision: b.revision, flowControlSettings: flow },
    });

  it('moved into a slot with room, the double booking loses its flag', async () => {
    await ownerBooks('2026-12-14T10:00:00');
    const second = await ownerBooks('2026-12-14T10:00:00', true);
    assert.equal(second.doubleBooked, true);
    const notes = await server.call('GET', `/bookings/v2/notifications?bookingId=${second.id}`, { token: OWNER_KEY });
    assert.equal(notes.body.notifications.length, 1);
    const moved = await move(second, '2026-12-14T13:00:00');
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.booking.doubleBooked, undefined, 'Wix sends the flag only when true');
    assert.equal(moved.body.booking.startDate, '2026-12-14T18:00:00.000Z');
    const read = await server.call('GET', `/bookings/v2/bookings/${second.id}`, { token: OWNER_KEY });
    assert.equal(read.body.booking.doubleBooked, undefined);
  });

  it('into a full slot: 428 unless the owner skips the availability check, which flags it and notifies', async () => {
    await ownerBooks('2026-12-15T10:00:00');
    const other = await ownerBooks('2026-12-15T12:00:00');
    const refused = await move(other, '2026-12-15T10:00:00');
    assert.equal(refused.status, 428);
    assert.deepEqual(errorShape(refused.body), { kind: 'application', code: 'SLOT_NOT_AVAILABLE' });
    const fromStaff = await move(other, '2026-12-15T10:00:00', { skipAvailabilityValidation: true }, staff);
    assert.equal(fromStaff.status, 403, 'only the owner double-books');
    const forced = await move(other, '2026-12-15T10:00:00', { skipAvailabilityValidation: true });
    assert.equal(forced.status, 200, JSON.stringify(forced.body));
    assert.equal(forced.body.booking.doubleBooked, true);
    const notes = await server.call('GET', `/bookings/v2/notifications?bookingId=${other.id}`, { token: OWNER_KEY });
    assert.equal(notes.body.notifications.length, 1);
  });
});
