/**
 * The booking-side PostgreSQL stores against the SQLite ones, differentially (postgres-booking-fixtures.ts):
 * bookings with their history, revision checks and unpaid counts, anonymous access tokens, and the occupancy
 * reader with and without excludeBookingId. Every answer must be deepEqual between the engines and equal to the
 * value written here.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Booking, BookingStatus } from '../../src/model/booking.js';
import type { BookingChange, BusyInterval, BookingOccupancyReader, BookingStore } from '../../server/storage/types.js';
import { differential, booking, byStart, created, T } from './postgres-booking-fixtures.js';

describe('PostgreSQL booking stores, differentially against SQLite', () => {
  const { same, sameAs, bothFail, add } = differential();

  it('bookings: insert, get, revision-checked update with history, list, unpaid counts, event lists', async () => {
    const b1 = booking('b1', { event: 'ev-1', created: T('08:00') });
    await add(b1);
    await add(booking('b2', { event: 'ev-1', status: 'WAITING_LIST', created: T('08:00') }), { memberId: 'm-1' }, true);
    await add(booking('b3', { event: 'ev-1', status: 'PENDING', created: T('07:00'), paid: true }));
    await add(booking('b4', { course: 'course-1', service: 'svc-b', status: 'CREATED', created: T('09:00') }), { memberId: 'm-1' });
    await add(booking('b5', { service: 'svc-c', resource: 'staff-1', status: 'PENDING', created: T('09:30') }));
    await bothFail((s) => s.bookings.insert({ booking: b1, skipAvailabilityValidation: false, visitorId: null, memberId: null }, created));

    assert.deepEqual(await same((s) => s.bookings.get('b1')), {
      booking: b1,
      skipAvailabilityValidation: false,
      visitorId: 'v-1',
      memberId: null,
    });
    assert.equal((await same((s) => s.bookings.get('b2')))?.skipAvailabilityValidation, true);
    assert.equal(await same((s) => s.bookings.get('nope')), null);

    const next: Booking = { ...b1, status: 'CANCELED', revision: '2', updatedDate: T('12:00') };
    const cancel: BookingChange = { action: 'CANCEL', fromStatus: 'CONFIRMED', actor: { kind: 'owner' }, at: T('12:00') };
    const stored = { booking: next, skipAvailabilityValidation: false, visitorId: 'v-1', memberId: null };
    assert.equal(await same((s) => s.bookings.update(stored, '1', cancel)), true);
    const stale = { ...stored, booking: { ...next, status: 'CONFIRMED' as const, revision: '3' } };
    assert.equal(await same((s) => s.bookings.update(stale, '1', cancel)), false, 'stale revision');
    assert.equal(await same((s) => s.bookings.update(stale, 'x', cancel)), false, 'not a revision');
    assert.equal(await same((s) => s.bookings.update({ ...stale, booking: { ...stale.booking, id: 'nope' } }, '2', cancel)), false);
    assert.deepEqual((await same((s) => s.bookings.get('b1')))?.booking, next, 'nothing written by the stale update');
    const history = await same((s) => s.bookings.history('b1'));
    assert.deepEqual(
      history.map((h) => [h.revision, h.action, h.fromStatus, h.toStatus, h.actor, h.at, h.booking.status]),
      [
        ['1', 'CREATE', null, 'CONFIRMED', { kind: 'visitor', id: 'v-1' }, T('08:00'), 'CONFIRMED'],
        ['2', 'CANCEL', 'CONFIRMED', 'CANCELED', { kind: 'owner' }, T('12:00'), 'CANCELED'],
      ],
    );
    assert.deepEqual(await same((s) => s.bookings.history('nope')), []);

    const ids = (list: { booking: Booking }[]) => list.map((r) => r.booking.id);
    assert.deepEqual(ids(await same((s) => s.bookings.list())), ['b3', 'b1', 'b2', 'b4', 'b5'], 'created_date, then arrival');
    assert.deepEqual(ids(await same((s) => s.bookings.list({ visitorId: 'v-1' }))), ['b3', 'b1', 'b5']);
    assert.deepEqual(ids(await same((s) => s.bookings.list({ memberId: 'm-1' }))), ['b2', 'b4']);
    assert.deepEqual(ids(await same((s) => s.bookings.list({ visitorId: 'v-1', memberId: 'm-1' }))), ['b3', 'b1', 'b2', 'b4', 'b5']);

    await add(booking('b6', { event: 'ev-1', status: 'CREATED', created: T('08:00') }));
    await add(booking('b7', { service: 'svc-c', start: T('14:00'), status: 'CONFIRMED' }));
    const count = (o: { visitorId: string } | { memberId: string }, k: Parameters<BookingStore['countUnpaidInSession']>[1]) =>
      same((s) => s.bookings.countUnpaidInSession(o, k));
    assert.equal(await count({ visitorId: 'v-1' }, { eventId: 'ev-1' }), 1, 'b6 (b1 canceled, b3 paid)');
    assert.equal(await count({ memberId: 'm-1' }, { eventId: 'ev-1' }), 0, 'b2 waits');
    assert.equal(await count({ memberId: 'm-1' }, { courseScheduleId: 'course-1' }), 1);
    assert.equal(await count({ visitorId: 'v-1' }, { courseScheduleId: 'course-1' }), 0);
    assert.equal(await count({ visitorId: 'v-1' }, { serviceId: 'svc-c', startUtc: T('10:00') }), 1);
    assert.equal(await count({ visitorId: 'v-1' }, { serviceId: 'svc-c', startUtc: T('14:00') }), 1);
    assert.equal(await count({ visitorId: 'v-1' }, { serviceId: 'svc-a', startUtc: T('10:00') }), 0, 'events are not appointments');

    assert.deepEqual(ids(await same((s) => s.bookings.listForEvent('ev-1', ['CONFIRMED', 'PENDING', 'CREATED']))), ['b3', 'b6']);
    assert.deepEqual(ids(await same((s) => s.bookings.listForEvent('ev-1', ['WAITING_LIST', 'CANCELED', 'CREATED']))), ['b1', 'b2', 'b6']);
    assert.deepEqual(await same((s) => s.bookings.listForEvent('ev-1', [])), []);
  });

  it('booking access tokens: newest maxLive kept, live vs expired vs revoked, revoked with their family', async () => {
    const save = (hash: string, at: string, expiresAt: string, familyId?: string) =>
      same((s) => s.bookings.saveAccessToken(hash, { bookingId: 'b5', createdDate: at, expiresAt, ...(familyId ? { familyId } : {}) }, 2));
    await save('h1', T('09:00'), T('09:00', '10'), 'f-1');
    await save('h2', T('09:00'), T('09:00', '10'), 'f-1');
    await save('hx', T('09:00'), T('09:30'));
    await save('h3', T('10:00'), T('10:00', '10'), 'f-1');
    const find = (hash: string, now = T('10:00')) => same((s) => s.bookings.findByAccessToken(hash, now));
    assert.equal(await find('h1'), null, 'the oldest, revoked past maxLive');
    assert.deepEqual(await find('h2'), { bookingId: 'b5', familyId: 'f-1', createdDate: T('09:00'), expiresAt: T('09:00', '10') });
    assert.deepEqual(await find('hx', T('09:00')), { bookingId: 'b5', createdDate: T('09:00'), expiresAt: T('09:30') });
    assert.equal(await find('hx'), null, 'expired (and no longer counted as live)');
    await save('h4', T('10:30'), T('10:30', '10'));
    assert.equal(await find('h2', T('10:30')), null, 'revoked: h4 and h3 are the newest two live');
    assert.deepEqual(await find('h3', T('10:30')), {
      bookingId: 'b5',
      familyId: 'f-1',
      createdDate: T('10:00'),
      expiresAt: T('10:00', '10'),
    });
    assert.equal(await find('h3', T('10:00', '10')), null, 'expired');
    assert.equal(await find('nope'), null);
    assert.equal(await same((s) => s.bookings.revokeAccessTokensOfFamily('f-1', T('11:00'))), 1, 'h3 (h1, h2 were revoked)');
    assert.equal(await same((s) => s.bookings.revokeAccessTokensOfFamily('f-1', T('11:00'))), 0);
    assert.equal(await find('h3', T('11:00')), null);
    assert.ok(await find('h4', T('11:00')));
    await bothFail((s) => s.bookings.saveAccessToken('h3', { bookingId: 'b5', createdDate: T('10:00'), expiresAt: T('12:00') }, 2));
  });
  it('occupancy reader: every method, every status, with and without excludeBookingId', async () => {
    const D = (hhmm: string) => T(hhmm, '05');
    const at = (hhmm: string) => Date.parse(D(hhmm));
    const hm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    for (const [id, status, people] of [
      ['o1', 'CONFIRMED', 2],
      ['o2', 'PENDING', 1],
      ['o3', 'WAITING_LIST', 3],
      ['o4', 'CANCELED', 1],
      ['o5', 'DECLINED', 1],
      ['o6', 'CREATED', 2],
    ] as const)
      await add(booking(id, { event: 'ev-9', status, people, start: D('10:00'), end: D('11:00') }));
    await add(booking('o7', { event: 'ev-8', service: 'svc-b', start: D('12:00'), end: D('13:00') }));
    for (const [id, resource, status, start, end, service] of [
      ['r1', 'staff-9', 'CONFIRMED', '09:00', '11:00', 'svc-c'],
      ['r2', 'staff-9', 'PENDING', '09:00', '11:30', 'svc-c'],
      ['r3', 'staff-9', 'PENDING', '13:00', '14:00', 'svc-b'],
      ['r4', 'staff-8', 'CANCELED', '10:00', '11:00', 'svc-c'],
      ['r5', 'staff-8', 'CONFIRMED', '15:00', '16:00', 'svc-c'],
      ['r6', 'staff-9', 'CREATED', '16:00', '17:00', 'svc-c'],
      ['r7', 'staff-9', 'WAITING_LIST', '17:00', '18:00', 'svc-c'],
    ] as const)
      await add(booking(id, { resource, status, service, start: D(start), end: D(end) }));
    await add(booking('c1', { course: 'course-9', service: 'svc-b', start: D('08:00'), end: D('09:00') }));

    const day = { fromUtc: D('00:00'), toUtc: D('23:59') };
    const live: BookingStatus[] = ['CONFIRMED', 'PENDING'];
    const occupying = (f: Partial<Parameters<BookingOccupancyReader['listOccupying']>[0]>) =>
      sameAs((s) => s.occupancy.listOccupying({ statuses: live, ...day, ...f }), byStart).then((l) => l.map((o) => o.id).join(' '));
    assert.equal(await occupying({}), 'c1 r1 r2 o1 o2 o7 r3 r5', 'by start');
    assert.equal(await occupying({ statuses: ['CREATED', 'DECLINED', 'CANCELED', 'WAITING_LIST'] }), 'o3 o4 o5 o6 r4 r6 r7');
    assert.equal(await occupying({ startsFromUtc: D('10:00'), serviceIds: ['svc-a', 'svc-b'] }), 'o1 o2 o7 r3');
    assert.equal(await occupying({ resourceIds: ['staff-9'], fromUtc: D('10:30'), toUtc: D('13:30') }), 'r1 r2 r3');
    assert.equal(await occupying({ eventIds: ['ev-9', 'ev-8'], scheduleIds: ['sch-svc-a'] }), 'o1 o2');
    assert.equal(await occupying({ scheduleIds: ['course-9'] }), 'c1');
    assert.equal(await occupying({ serviceIds: [] }), '');
    assert.equal(await occupying({ statuses: [] }), '');
    assert.deepEqual((await same((s) => s.occupancy.listOccupying({ statuses: ['CONFIRMED'], ...day, eventIds: ['ev-9'] })))[0], {
      ...{ id: 'o1', serviceId: 'svc-a', scheduleId: 'sch-svc-a', eventId: 'ev-9', resourceId: null },
      ...{ startUtc: D('10:00'), endUtc: D('11:00'), status: 'CONFIRMED', participants: 2 },
    });

    const busy = (f: Partial<Parameters<BookingOccupancyReader['listBusy']>[0]>) =>
      same((s) => s.occupancy.listBusy({ statuses: live, ...day, startsFromUtc: D('00:00'), resourceIds: ['staff-9', 'staff-8'], ...f }));
    const line = (b: BusyInterval) => `${b.resourceId} ${b.serviceId} ${b.status} ${b.startUtc.slice(11, 16)}-${b.endUtc.slice(11, 16)}`;
    const busyLines = async (f: Partial<Parameters<BookingOccupancyReader['listBusy']>[0]>) => (await busy(f)).map(line);
    const r123 = ['staff-9 svc-c CONFIRMED 09:00-11:00', 'staff-9 svc-c PENDING 09:00-11:30', 'staff-9 svc-b PENDING 13:00-14:00'];
    assert.deepEqual(await busyLines({ fromUtc: D('10:30'), toUtc: D('13:30') }), r123);
    assert.deepEqual(await busyLines({}), ['staff-8 svc-c CONFIRMED 15:00-16:00', ...r123]);
    assert.deepEqual(await busyLines({ excludeBookingId: 'r1' }), ['staff-8 svc-c CONFIRMED 15:00-16:00', ...r123.slice(1)]);
    assert.equal((await busy({ statuses: ['CREATED', 'CANCELED', 'WAITING_LIST'] })).length, 3);
    assert.deepEqual(await busyLines({ startsFromUtc: D('10:00'), resourceIds: ['staff-9'] }), r123.slice(2));
    assert.deepEqual(await busy({ resourceIds: [] }), []);
    assert.deepEqual((await busy({}))[0], {
      resourceId: 'staff-8',
      serviceId: 'svc-c',
      status: 'CONFIRMED',
      startUtc: D('15:00'),
      endUtc: D('16:00'),
    });

    type TimesFilter = Parameters<BookingOccupancyReader['busyTimes']>[0];
    const whole: TimesFilter = {
      statuses: live,
      fromMs: at('00:00'),
      toMs: at('23:59'),
      startsFromMs: at('00:00'),
      resourceIds: ['staff-9', 'staff-8', 'staff-7', 'staff-9'],
      pendingFreeServiceIds: [],
    };
    const times = async (f: Partial<TimesFilter>) =>
      [...(await same((s) => s.occupancy.busyTimes({ ...whole, ...f })))].map(
        ([id, l]) => `${id}: ${l.map((t) => `${hm(t.startMs)}-${hm(t.endMs)}`).join(' ')}`,
      );
    assert.deepEqual(await times({}), ['staff-9: 09:00-11:30 13:00-14:00', 'staff-8: 15:00-16:00', 'staff-7: ']);
    assert.deepEqual(await times({ pendingFreeServiceIds: ['svc-c'], resourceIds: ['staff-9'] }), ['staff-9: 09:00-11:00 13:00-14:00']);
    assert.deepEqual(await times({ statuses: ['PENDING'], fromMs: at('11:00'), startsFromMs: at('09:00'), toMs: at('13:00') }), [
      'staff-9: 09:00-11:30',
      'staff-8: ',
      'staff-7: ',
    ]);
    assert.deepEqual(await times({ resourceIds: [] }), []);
    assert.deepEqual((await same((s) => s.occupancy.busyTimes({ ...whole, resourceIds: ['staff-8'] }))).get('staff-8'), [
      { startMs: at('15:00'), endMs: at('16:00') },
    ]);
    await bothFail((s) => s.occupancy.busyTimes({ ...whole, statuses: ['CONFIRMED', 'CANCELED'] }), /keeps no CANCELED/);

    type CountFilter = Parameters<BookingOccupancyReader['countParticipants']>[0];
    const spots = (f: Partial<CountFilter>) =>
      same((s) => s.occupancy.countParticipants({ by: 'event', statuses: ['CONFIRMED', 'PENDING', 'WAITING_LIST'], ...day, ...f })).then(
        (l) => l.map((c) => `${c.key} ${c.serviceId} ${c.status} ${c.participants}`),
      );
    const all = ['ev-8 svc-b CONFIRMED 1', 'ev-9 svc-a CONFIRMED 2', 'ev-9 svc-a PENDING 1', 'ev-9 svc-a WAITING_LIST 3'];
    assert.deepEqual(await spots({}), all);
    assert.deepEqual(await spots({ excludeBookingId: 'o1' }), [all[0], all[2], all[3]]);
    assert.deepEqual(await spots({ excludeBookingId: 'o3', eventIds: ['ev-9'] }), all.slice(1, 3));
    for (const other of ['r1', 'o4', 'o6', 'c1', 'nope']) assert.deepEqual(await spots({ excludeBookingId: other }), all);
    assert.deepEqual(await spots({ excludeBookingId: 'o1', fromUtc: D('11:00') }), [all[0]], 'o1 outside the window');
    assert.deepEqual(await spots({ serviceIds: ['svc-b'] }), [all[0]]);
    assert.deepEqual(await spots({ eventIds: [] }), []);
    assert.deepEqual(await spots({ statuses: [] }), []);
    const declined = ['ev-9 svc-a CANCELED 1', 'ev-9 svc-a CREATED 2', 'ev-9 svc-a DECLINED 1', 'ev-9 svc-a PENDING 1'];
    const unkept: BookingStatus[] = ['PENDING', 'CREATED', 'DECLINED', 'CANCELED'];
    assert.deepEqual(await spots({ statuses: unkept }), declined, 'from bookings');
    assert.deepEqual(await spots({ statuses: unkept, excludeBookingId: 'o6' }), [declined[0], declined[2], declined[3]]);
    assert.deepEqual(await spots({ scheduleIds: ['sch-svc-a'], serviceIds: ['svc-a'], eventIds: ['ev-9'] }), all.slice(1));
    assert.deepEqual(
      (await spots({ by: 'schedule', statuses: ['CONFIRMED', 'CREATED'] })).join(', '),
      'course-9 svc-b CONFIRMED 1, sch-svc-a svc-a CONFIRMED 2, sch-svc-a svc-a CREATED 2, sch-svc-b svc-b CONFIRMED 1, sch-svc-c svc-c CONFIRMED 2, sch-svc-c svc-c CREATED 1',
    );
    assert.deepEqual(
      (await spots({ by: 'schedule', scheduleIds: ['course-9', 'sch-svc-c'], excludeBookingId: 'r1' })).join(', '),
      'course-9 svc-b CONFIRMED 1, sch-svc-c svc-c CONFIRMED 1, sch-svc-c svc-c PENDING 1, sch-svc-c svc-c WAITING_LIST 1',
    );
    assert.deepEqual((await same((s) => s.occupancy.countParticipants({ by: 'event', statuses: ['WAITING_LIST'], ...day })))[0], {
      key: 'ev-9',
      serviceId: 'svc-a',
      status: 'WAITING_LIST',
      participants: 3,
    });
  });
});
