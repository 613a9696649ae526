import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { createStore, openWidgetDB, type Opener, type WidgetDBConnection } from '../../../src/store/index.js';
import { aBooking, aContact, freshDbName } from './fixtures.js';

// The store's `open` option is the seam: these openers fail the ways a browser refuses IndexedDB,
// without touching the page's real `indexedDB` global.
const refuses: Opener = () => Promise.reject(new DOMException('The user denied permission to access the database.', 'SecurityError'));
const throwsSynchronously: Opener = () => {
  throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
};
const neverSettles: Opener = () => new Promise<WidgetDBConnection>(() => {});

async function databaseExists(name: string): Promise<boolean> {
  return (await indexedDB.databases()).some((db) => db.name === name);
}

describe('store memory fallback', () => {
  for (const [why, opener] of [
    ['openDB rejects (blocked storage)', refuses],
    ['opening throws synchronously (private mode)', throwsSynchronously],
  ] as const) {
    it(`keeps every function working in memory when ${why}`, async () => {
      const dbName = freshDbName();
      const store = createStore({ dbName, open: opener });

      await store.saveVisitor(aContact());
      await store.saveSession({
        apiBase: 'https://a.example',
        kind: 'member',
        accessToken: 'a',
        refreshToken: 'r',
        expiresAt: '2026-12-01T00:00:00.000Z',
      });
      await store.saveFlow('widget-1', { value: 'slot' });
      const late = aBooking({ startDate: '2026-12-09T12:00:00.000Z' });
      const early = aBooking({ startDate: '2026-12-01T12:00:00.000Z' });
      await store.saveBooking(late, 'token-late');
      await store.saveBooking(early, 'token-early');

      expect(await store.backend()).to.equal('memory');
      expect((await store.loadVisitor())?.contactDetails).to.deep.equal(aContact());
      expect((await store.loadSession('https://a.example'))?.accessToken).to.equal('a');
      expect((await store.loadFlow('widget-1'))?.snapshot).to.deep.equal({ value: 'slot' });
      expect((await store.listBookings()).map((b) => [b.id, b.anonymousToken])).to.deep.equal([
        [early.id, 'token-early'],
        [late.id, 'token-late'],
      ]);

      await store.forgetVisitor();
      await store.clearSession('https://a.example');
      await store.clearFlow('widget-1');
      expect(await store.loadVisitor()).to.equal(undefined);
      expect(await store.loadSession('https://a.example')).to.equal(undefined);
      expect(await store.loadFlow('widget-1')).to.equal(undefined);
      expect(await databaseExists(dbName)).to.equal(false); // nothing reached IndexedDB
    });
  }

  it('tries to open only once, then stays in memory', async () => {
    let attempts = 0;
    const store = createStore({ dbName: freshDbName(), open: (name) => (attempts++, refuses(name)) });
    await Promise.all([store.saveVisitor(aContact()), store.loadFlow('w'), store.listBookings()]);
    await store.loadVisitor();
    expect(attempts).to.equal(1);
  });

  it("keeps a booking's token when it is saved again without one", async () => {
    const store = createStore({ dbName: freshDbName(), open: refuses });
    const booking = aBooking();
    await store.saveBooking(booking, 'token-1');
    await store.saveBooking({ ...booking, status: 'CANCELED' });
    const list = await store.listBookings();
    expect(list.map((b) => [b.booking.status, b.anonymousToken])).to.deep.equal([['CANCELED', 'token-1']]);
  });

  it('hands out copies, as IndexedDB does, so callers cannot change stored data', async () => {
    const store = createStore({ dbName: freshDbName(), open: refuses });
    const contact = aContact();
    await store.saveVisitor(contact);
    contact.firstName = 'Changed after saving';
    const loaded = await store.loadVisitor();
    if (loaded) loaded.contactDetails.firstName = 'Changed after loading';
    expect((await store.loadVisitor())?.contactDetails.firstName).to.equal('Ada');
  });

  it('falls back when opening never settles, and closes a connection that arrives too late', async () => {
    const dbName = freshDbName();
    const hangs = createStore({ dbName, open: neverSettles, openTimeoutMs: 50 });
    await hangs.saveVisitor(aContact());
    expect(await hangs.backend()).to.equal('memory');
    expect((await hangs.loadVisitor())?.contactDetails).to.deep.equal(aContact());

    // An open that succeeds after the timeout: its connection must be closed, or deleting the database blocks.
    let connected: () => void = () => {};
    const arrived = new Promise<void>((resolve) => (connected = resolve));
    const slow = createStore({
      dbName,
      openTimeoutMs: 50,
      open: async (name) => {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const db = await openWidgetDB(name);
        setTimeout(connected); // after the store has had a chance to close it
        return db;
      },
    });
    expect(await slow.backend()).to.equal('memory');
    await arrived;
    let blocked = false;
    await deleteDB(dbName, { blocked: () => (blocked = true) });
    expect(blocked).to.equal(false);
  });
});
