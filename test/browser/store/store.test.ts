import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import {
  DB_NAME,
  createStore,
  forgetVisitor,
  loadVisitor,
  saveVisitor,
  widgetStore,
  type Session,
  type WidgetStore,
} from '../../../src/store/index.js';
import { aBooking, aContact, freshDbName } from './fixtures.js';

/** Reads a record straight from IndexedDB, bypassing the store, to prove data is on disk and not in memory. */
async function rawGet(dbName: string, store: 'visitor' | 'flows' | 'bookings', key: string): Promise<unknown> {
  const db = await openDB(dbName);
  try {
    return await db.get(store, key);
  } finally {
    db.close();
  }
}

describe('store (real IndexedDB)', () => {
  let dbName: string;
  let store: WidgetStore;
  const opened: WidgetStore[] = [];
  const open = (): WidgetStore => {
    const s = createStore({ dbName });
    opened.push(s);
    return s;
  };

  beforeEach(() => {
    dbName = freshDbName();
    store = open();
  });
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await deleteDB(dbName);
  });

  it('uses IndexedDB when it is available', async () => {
    expect(await store.backend()).to.equal('indexeddb');
  });

  it('saves, loads and forgets the remembered visitor', async () => {
    expect(await store.loadVisitor()).to.equal(undefined);
    await store.saveVisitor(aContact({ firstName: 'Grace' }));

    const visitor = await store.loadVisitor();
    expect(visitor?.contactDetails).to.deep.equal(aContact({ firstName: 'Grace' }));
    expect(Date.parse(visitor?.rememberedAt ?? '')).to.be.closeTo(Date.now(), 60_000);
    expect(await rawGet(dbName, 'visitor', 'current')).to.deep.equal(visitor);

    await store.forgetVisitor();
    expect(await store.loadVisitor()).to.equal(undefined);
  });

  it('keeps one session per API base', async () => {
    const session = (apiBase: string, accessToken: string): Session => ({
      apiBase,
      kind: 'visitor',
      accessToken,
      refreshToken: `r-${accessToken}`,
      expiresAt: '2026-12-01T00:00:00.000Z',
    });
    await store.saveSession(session('https://a.example', 'token-a'));
    await store.saveSession(session('https://b.example', 'token-b'));

    expect((await store.loadSession('https://a.example'))?.accessToken).to.equal('token-a');
    await store.clearSession('https://a.example');
    expect(await store.loadSession('https://a.example')).to.equal(undefined);
    expect((await store.loadSession('https://b.example'))?.accessToken).to.equal('token-b');
  });

  it('saves, loads and clears a flow snapshot by widget instance key', async () => {
    const snapshot = { status: 'active', value: 'slot', context: { serviceId: 'svc-1', participants: 2 } };
    await store.saveFlow('widget-1', snapshot);
    await store.saveFlow('widget-2', { status: 'active', value: 'service', context: {} });

    expect((await store.loadFlow('widget-1'))?.snapshot).to.deep.equal(snapshot);
    await store.clearFlow('widget-1');
    expect(await store.loadFlow('widget-1')).to.equal(undefined);
    expect((await store.loadFlow('widget-2'))?.snapshot).to.deep.include({ value: 'service' });
  });

  it('lists bookings by start date, with their anonymous tokens', async () => {
    const late = aBooking({ startDate: '2026-12-09T12:00:00.000Z' });
    const early = aBooking({ startDate: '2026-12-01T12:00:00.000Z' });
    const noStart = aBooking({ startDate: undefined, createdDate: '2026-11-01T00:00:00.000Z' }); // sorts by createdDate
    await store.saveBooking(late, 'token-late');
    await store.saveBooking(early, 'token-early');
    await store.saveBooking(noStart);

    const list = await store.listBookings();
    expect(list.map((b) => b.id)).to.deep.equal([noStart.id, early.id, late.id]);
    expect(list.map((b) => b.anonymousToken)).to.deep.equal([undefined, 'token-early', 'token-late']);
    expect(list[1]?.booking).to.deep.equal(early);
  });

  it("keeps a booking's token when it is saved again without one", async () => {
    const booking = aBooking();
    await store.saveBooking(booking, 'token-1');
    await store.saveBooking({ ...booking, status: 'CANCELED', revision: '2' });

    const [stored, ...rest] = await store.listBookings();
    expect(rest).to.have.length(0);
    expect(stored?.booking.status).to.equal('CANCELED');
    expect(stored?.anonymousToken).to.equal('token-1');
  });

  it('reads everything back after the database is closed and opened again', async () => {
    const booking = aBooking();
    await store.saveVisitor(aContact());
    await store.saveFlow('widget-1', { value: 'details' });
    await store.saveBooking(booking, 'token-1');
    await store.close();

    const reopened = open();
    expect((await reopened.loadVisitor())?.contactDetails).to.deep.equal(aContact());
    expect((await reopened.loadFlow('widget-1'))?.snapshot).to.deep.equal({ value: 'details' });
    expect((await reopened.listBookings()).map((b) => [b.id, b.anonymousToken])).to.deep.equal([[booking.id, 'token-1']]);
    expect(await rawGet(dbName, 'bookings', booking.id)).to.deep.include({ id: booking.id, anonymousToken: 'token-1' });
  });

  it('lets another tab delete or upgrade the database, then reopens on the next call', async () => {
    await store.saveVisitor(aContact());
    // Another tab deleting the database: it gets through only if our connection closes on `versionchange`
    // (otherwise `blocked` fires and the delete waits forever).
    let blocked = false;
    await deleteDB(dbName, { blocked: () => (blocked = true) });
    expect(blocked).to.equal(false);

    expect(await store.loadVisitor()).to.equal(undefined); // a new, empty database
    await store.saveVisitor(aContact({ firstName: 'Again' }));
    expect(await store.backend()).to.equal('indexeddb');
    expect(await rawGet(dbName, 'visitor', 'current')).to.deep.include({ contactDetails: aContact({ firstName: 'Again' }) });
  });
});

describe('store module functions', () => {
  after(async () => {
    await widgetStore().close();
    await deleteDB(DB_NAME);
  });

  it('share one store on the `booking-widget` database', async () => {
    await saveVisitor(aContact({ email: 'shared@example.com' }));
    expect((await loadVisitor())?.contactDetails.email).to.equal('shared@example.com');
    expect(await rawGet(DB_NAME, 'visitor', 'current')).to.deep.include({ contactDetails: aContact({ email: 'shared@example.com' }) });
    await forgetVisitor();
    expect(await loadVisitor()).to.equal(undefined);
  });
});
