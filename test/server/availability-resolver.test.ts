/** The slot resolver (the seam bookings use) over the demo business in a real SQLite file. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStorage, type SqliteStorage } from '../../server/storage/sqlite/index.js';
import { seedDemo } from '../../server/seed/demo.js';
import { createSlotResolver } from '../../server/domain/availability/resolver.js';
import { encodeEventId } from '../../server/domain/availability/event-id.js';
import { DomainError } from '../../server/domain/errors.js';
import { statusOf } from '../../server/http/error-status.js';
import type { Service } from '../../src/model/service.js';
import { MONDAY_NOW, demoService, demoStaff, insertBooking } from './availability-fixtures.js';

const NOW = new Date(MONDAY_NOW.epochMilliseconds);

describe('slot resolver', () => {
  let dir: string;
  let storage: SqliteStorage;
  let training: Service;
  let vinyasa: Service;
  let course: Service;
  let alexId: string;
  let samId: string;
  const resolver = () => createSlotResolver(storage);
  const rejects428 = async (work: Promise<unknown>, code: string) =>
    assert.rejects(work, (e: unknown) => e instanceof DomainError && statusOf(e.code) === 428 && e.code === code);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'resolver-test-'));
    storage = createSqliteStorage(join(dir, 'db.sqlite'));
    await seedDemo(storage, MONDAY_NOW);
    training = await demoService(storage, 'Personal Training');
    vinyasa = await demoService(storage, 'Vinyasa Flow');
    course = await demoService(storage, 'Strength Foundations');
    alexId = (await demoStaff(storage, 'Alex')).id;
    samId = (await demoStaff(storage, 'Sam')).id;
  });
  after(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const appointment = (start: string, end: string, resourceId?: string, timezone?: string) => ({
    slot: {
      serviceId: training.id,
      scheduleId: training.schedule.id,
      startDate: start,
      endDate: end,
      ...(timezone ? { timezone } : {}),
      ...(resourceId ? { resource: { id: resourceId } } : {}),
    },
  });

  it('resolves an appointment inside working hours to UTC instants and the staff member', async () => {
    const slot = await resolver().resolve(training, appointment('2026-06-02T10:00:00', '2026-06-02T11:00:00', alexId), NOW);
    assert.equal(slot.kind, 'APPOINTMENT');
    assert.equal(slot.startUtc, '2026-06-02T14:00:00.000Z');
    assert.equal(slot.endUtc, '2026-06-02T15:00:00.000Z');
    assert.equal(slot.localStart, '2026-06-02T10:00:00');
    assert.equal(slot.resourceId, alexId);
    assert.equal(slot.resourceName, 'Alex Rivera');
    assert.equal(slot.capacity, 1);
    assert.equal(slot.businessTimeZone, 'America/New_York');
    assert.deepEqual(slot.policy, { tooEarlyToBook: false, tooLateToBook: false, bookOnlineDisabled: false });
  });

  it('reads an appointment in the customer zone', async () => {
    const slot = await resolver().resolve(training, appointment('2026-06-02T15:00:00', '2026-06-02T15:30:00', samId, 'Europe/London'), NOW);
    assert.equal(slot.localStart, '2026-06-02T10:00:00');
    assert.equal(slot.localEnd, '2026-06-02T10:30:00');
  });

  it('refuses appointments outside working hours, of a wrong length or with an unknown staff member', async () => {
    await rejects428(
      resolver().resolve(training, appointment('2026-06-02T17:00:00', '2026-06-02T18:00:00', alexId), NOW),
      'SLOT_NOT_AVAILABLE',
    );
    await rejects428(resolver().resolve(training, appointment('2026-06-06T10:00:00', '2026-06-06T11:00:00'), NOW), 'SLOT_NOT_AVAILABLE');
    await rejects428(
      resolver().resolve(training, appointment('2026-06-02T10:00:00', '2026-06-02T10:45:00', alexId), NOW),
      'SLOT_NOT_AVAILABLE',
    );
    await rejects428(
      resolver().resolve(training, appointment('2026-06-02T10:00:00', '2026-06-02T11:00:00', crypto.randomUUID()), NOW),
      'SLOT_NOT_AVAILABLE',
    );
  });

  it('counts an appointment taken by an overlapping blocking booking of the staff member', async () => {
    const slot = await resolver().resolve(training, appointment('2026-06-03T13:00:00', '2026-06-03T14:00:00', alexId), NOW);
    assert.equal(await resolver().remainingCapacity(training, slot), 1);
    const id = await insertBooking(storage, {
      serviceId: training.id,
      scheduleId: training.schedule.id,
      resourceId: alexId,
      startUtc: '2026-06-03T17:30:00.000Z',
      endUtc: '2026-06-03T18:00:00.000Z',
      status: 'PENDING',
    });
    assert.equal(await resolver().remainingCapacity(training, slot), 0);
    assert.equal(await resolver().remainingCapacity(training, slot, { excludeBookingId: id }), 1);
    const samSlot = await resolver().resolve(training, appointment('2026-06-03T13:00:00', '2026-06-03T14:00:00', samId), NOW);
    assert.equal(await resolver().remainingCapacity(training, samSlot), 1);
  });

  it('picks a free staff member when none is chosen', async () => {
    await insertBooking(storage, {
      serviceId: training.id,
      scheduleId: training.schedule.id,
      resourceId: alexId,
      startUtc: '2026-06-04T13:00:00.000Z',
      endUtc: '2026-06-04T14:00:00.000Z',
    });
    const slot = await resolver().resolve(training, appointment('2026-06-04T09:00:00', '2026-06-04T10:00:00'), NOW);
    assert.equal(slot.resourceId, samId);
  });

  it('resolves a class event id and counts its blocking participants', async () => {
    const rule = (await storage.schedules.listRules({ serviceId: vinyasa.id })).find((r) => r.start.endsWith('18:00:00'));
    assert.ok(rule);
    const eventId = encodeEventId({ ruleId: rule.id, localStart: '2026-06-03T18:00:00' });
    const slot = await resolver().resolve(vinyasa, { slot: { serviceId: vinyasa.id, scheduleId: vinyasa.schedule.id, eventId } }, NOW);
    assert.equal(slot.kind, 'CLASS');
    assert.equal(slot.eventId, eventId);
    assert.equal(slot.startUtc, '2026-06-03T22:00:00.000Z');
    assert.equal(slot.capacity, 12);
    assert.equal(slot.cancelled, false);
    const at = { serviceId: vinyasa.id, scheduleId: vinyasa.schedule.id, eventId, startUtc: slot.startUtc, endUtc: slot.endUtc };
    await insertBooking(storage, { ...at, participants: 5 });
    await insertBooking(storage, { ...at, participants: 2, status: 'PENDING' });
    await insertBooking(storage, { ...at, participants: 3, status: 'CREATED' });
    await insertBooking(storage, { ...at, participants: 1, status: 'WAITING_LIST' });
    assert.equal(await resolver().remainingCapacity(vinyasa, slot), 5);
  });

  it('keeps a resolved class session until the setup changes: a cancel or a move is seen by the next resolve', async () => {
    const rule = (await storage.schedules.listRules({ serviceId: vinyasa.id })).find((r) => r.start.endsWith('18:00:00'));
    assert.ok(rule);
    const localStart = '2026-06-10T18:00:00';
    const eventId = encodeEventId({ ruleId: rule.id, localStart });
    const entity = { slot: { serviceId: vinyasa.id, scheduleId: vinyasa.schedule.id, eventId } };
    const one = resolver();
    assert.equal((await one.resolve(vinyasa, entity, NOW)).cancelled, false);
    await storage.schedules.setOccurrenceCancelled(rule.id, localStart, true);
    assert.equal((await one.resolve(vinyasa, entity, NOW)).cancelled, true);
    await storage.schedules.setOccurrenceCancelled(rule.id, localStart, false);
    await storage.schedules.setMove(rule.id, localStart, { movedStart: '2026-06-10T19:30:00', durationInMinutes: rule.durationInMinutes });
    const moved = await one.resolve(vinyasa, entity, NOW);
    assert.equal(moved.cancelled, false);
    assert.equal(moved.startUtc, '2026-06-10T23:30:00.000Z');
    await storage.schedules.setMove(rule.id, localStart, null);
    assert.equal((await one.resolve(vinyasa, entity, NOW)).startUtc, '2026-06-10T22:00:00.000Z');
  });

  it('refuses event ids that are not sessions of the service', async () => {
    const rule = (await storage.schedules.listRules({ serviceId: vinyasa.id }))[0];
    assert.ok(rule);
    const tuesday = encodeEventId({ ruleId: rule.id, localStart: '2026-06-02T07:00:00' });
    await rejects428(
      resolver().resolve(vinyasa, { slot: { serviceId: vinyasa.id, scheduleId: vinyasa.schedule.id, eventId: tuesday } }, NOW),
      'SESSION_NOT_FOUND',
    );
    await rejects428(
      resolver().resolve(vinyasa, { slot: { serviceId: vinyasa.id, scheduleId: vinyasa.schedule.id, eventId: 'garbage!' } }, NOW),
      'SESSION_NOT_FOUND',
    );
    const other = encodeEventId({ ruleId: rule.id, localStart: '2026-06-03T07:00:00' });
    const yoga = await demoService(storage, 'Community Yoga');
    await rejects428(
      resolver().resolve(yoga, { slot: { serviceId: yoga.id, scheduleId: yoga.schedule.id, eventId: other } }, NOW),
      'SESSION_NOT_FOUND',
    );
  });

  it('resolves a course schedule from its first to its last session', async () => {
    const slot = await resolver().resolve(course, { schedule: { scheduleId: course.schedule.id } }, NOW);
    assert.equal(slot.kind, 'COURSE');
    assert.equal(slot.localStart, '2026-06-02T19:00:00');
    assert.equal(slot.localEnd, '2026-07-07T20:00:00');
    assert.equal(slot.capacity, 8);
    await rejects428(resolver().resolve(course, { schedule: { scheduleId: crypto.randomUUID() } }, NOW), 'SCHEDULE_NOT_FOUND');
    await insertBooking(storage, {
      serviceId: course.id,
      scheduleId: course.schedule.id,
      startUtc: slot.startUtc,
      endUtc: slot.endUtc,
      participants: 3,
    });
    assert.equal(await resolver().remainingCapacity(course, slot), 5);
  });
});
