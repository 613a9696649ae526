/** Wix's SDK, availability: appointment and class time slots with cursor paging, and one event's slot. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { failureOf, noAuth, sdkClient, startBookingServer, type SdkClient } from './sdk-fixtures.js';
import { serviceNamed } from '../bookings-fixtures.js';
import type { TestServer } from '../helpers.js';

describe("Wix's SDK: time slots", () => {
  let server: TestServer;
  let anyone: SdkClient;
  before(async () => {
    ({ server } = await startBookingServer());
    anyone = sdkClient(server, noAuth());
  });
  after(() => server.close());

  it('availabilityTimeSlots.listAvailabilityTimeSlots pages by cursor until hasNext is false', async () => {
    const training = await serviceNamed(server, 'Personal Training');
    const request = {
      serviceId: training.id,
      fromLocalDate: '2026-12-02T00:00:00',
      toLocalDate: '2026-12-04T00:00:00',
      timeZone: 'America/New_York',
    };
    const all = await anyone.availabilityTimeSlots.listAvailabilityTimeSlots({ ...request, cursorPaging: { limit: 1000 } });
    assert.ok((all.timeSlots ?? []).length > 10, 'two working days of slots');
    assert.equal(all.cursorPagingMetadata?.hasNext, false);
    const paged: string[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const page = await anyone.availabilityTimeSlots.listAvailabilityTimeSlots({ ...request, cursorPaging: { limit: 5, cursor } });
      assert.ok((page.timeSlots ?? []).length <= 5);
      paged.push(...(page.timeSlots ?? []).map((s) => `${s.localStartDate}|${s.localEndDate}`));
      cursor = page.cursorPagingMetadata?.cursors?.next;
      assert.equal(page.cursorPagingMetadata?.hasNext, Boolean(cursor));
      pages += 1;
    } while (cursor);
    assert.ok(pages > 2);
    assert.deepEqual(
      paged,
      (all.timeSlots ?? []).map((s) => `${s.localStartDate}|${s.localEndDate}`),
      'the pages together are the whole list, in order',
    );
    assert.equal((all.timeSlots ?? [])[0]?.serviceId, training.id);
    assert.equal(all.timeZone, 'America/New_York');
  });

  it('eventTimeSlots.listEventTimeSlots pages by cursor (Wix names it pagingMetadata here), and getEventTimeSlot finds one session', async () => {
    const flow = await serviceNamed(server, 'Vinyasa Flow');
    const request = {
      serviceIds: [flow.id],
      fromLocalDate: '2026-12-01T00:00:00',
      toLocalDate: '2026-12-15T00:00:00',
      timeZone: 'America/New_York',
    };
    const first = await anyone.eventTimeSlots.listEventTimeSlots({ ...request, cursorPaging: { limit: 2 } });
    assert.equal((first.timeSlots ?? []).length, 2);
    assert.equal(first.pagingMetadata?.hasNext, true);
    const second = await anyone.eventTimeSlots.listEventTimeSlots({
      ...request,
      cursorPaging: { limit: 2, cursor: first.pagingMetadata?.cursors?.next },
    });
    assert.ok(((second.timeSlots ?? [])[0]?.localStartDate ?? '') > ((first.timeSlots ?? [])[1]?.localStartDate ?? ''));

    const slot = (first.timeSlots ?? [])[0];
    const eventId = slot?.eventInfo?.eventId ?? '';
    const one = await anyone.eventTimeSlots.getEventTimeSlot(eventId, { timeZone: 'America/New_York' });
    assert.equal(one.timeSlot?.eventInfo?.eventId, eventId);
    assert.equal(one.timeSlot?.localStartDate, slot?.localStartDate);
    assert.equal(one.timeSlot?.totalCapacity, slot?.totalCapacity);
    const inTokyo = await anyone.eventTimeSlots.getEventTimeSlot(eventId, { timeZone: 'Asia/Tokyo' });
    assert.equal(inTokyo.timeZone, 'Asia/Tokyo');
    assert.notEqual(inTokyo.timeSlot?.localStartDate, slot?.localStartDate, 'the same session, in the zone asked for');
    assert.deepEqual(await failureOf(() => anyone.eventTimeSlots.getEventTimeSlot('bm8tc3VjaC1ldmVudA')), {
      code: 'EVENT_NOT_FOUND',
      status: 404,
    });
  });

  it('a cursor that was tampered with is a 400 naming the field, never a 500', async () => {
    const flow = await serviceNamed(server, 'Vinyasa Flow');
    const first = await anyone.eventTimeSlots.listEventTimeSlots({ serviceIds: [flow.id], cursorPaging: { limit: 1 } });
    const cursor = first.pagingMetadata?.cursors?.next ?? '';
    const edited = `${cursor.slice(0, 10)}${cursor[10] === 'A' ? 'B' : 'A'}${cursor.slice(11)}`;
    const refused = await failureOf(() =>
      anyone.eventTimeSlots.listEventTimeSlots({ serviceIds: [flow.id], cursorPaging: { limit: 1, cursor: edited } }),
    );
    assert.deepEqual(refused, { code: 'INVALID_ARGUMENT', status: 400 });
  });
});
