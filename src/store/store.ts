/**
 * Small typed functions over the widget's IndexedDB (`./schema.ts`). When the database cannot be opened
 * (IndexedDB missing, private mode, storage blocked by the browser or the site's policy, or an open that never
 * settles) every function keeps working on in-memory Maps for the rest of the page's life, so storage problems
 * never break a booking: the customer only loses "remember me" and resume-after-reload.
 */
import type { Booking, ContactDetails } from '../model/index.js';
import {
  type CachedCatalogue,
  DB_NAME,
  VISITOR_KEY,
  openWidgetDB,
  type PersistedFlow,
  type Session,
  type StoredBooking,
  type Visitor,
  type WidgetDB,
  type WidgetDBConnection,
} from './schema.js';

/** Opens the database. The default is `openWidgetDB`; tests pass one that fails the way blocked storage does. */
export type Opener = (name: string) => Promise<WidgetDBConnection>;

export interface StoreOptions {
  /** Database name (default `booking-widget`); tests use their own to stay independent. */
  dbName?: string;
  open?: Opener;
  /** Use memory when opening takes longer than this (some browsers leave `indexedDB.open` pending forever). */
  openTimeoutMs?: number;
}

export type StoreBackend = 'indexeddb' | 'memory';

export interface WidgetStore {
  /** Call only after the customer agreed to be remembered. */
  saveVisitor(contactDetails: ContactDetails): Promise<void>;
  loadVisitor(): Promise<Visitor | undefined>;
  forgetVisitor(): Promise<void>;
  saveSession(session: Session): Promise<void>;
  loadSession(apiBase: string): Promise<Session | undefined>;
  clearSession(apiBase: string): Promise<void>;
  saveFlow(instanceKey: string, snapshot: unknown): Promise<void>;
  loadFlow(instanceKey: string): Promise<PersistedFlow | undefined>;
  clearFlow(instanceKey: string): Promise<void>;
  /** Inserts or replaces a booking; a save without a token keeps the token saved before. */
  saveBooking(booking: Booking, anonymousToken?: string): Promise<StoredBooking>;
  /** The customer's bookings, earliest start first. */
  listBookings(): Promise<StoredBooking[]>;
  /** Keeps an API server's catalogue (under its `apiBase`) for the next visit. */
  saveCatalogue(catalogue: CachedCatalogue): Promise<void>;
  loadCatalogue(apiBase: string): Promise<CachedCatalogue | undefined>;
  /** Where data goes: decided by the first call, fixed for the store's life once it is `memory`. */
  backend(): Promise<StoreBackend>;
  /** Closes the connection; the next call opens it again. */
  close(): Promise<void>;
}

type StoreName = 'visitor' | 'session' | 'flows' | 'bookings' | 'catalogue';
type MemoryTables = { [S in StoreName]: Map<string, WidgetDB[S]['value']> };

const now = (): string => new Date().toISOString();

/** IndexedDB's key order for strings is code-unit order, which `<` on strings also uses. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function toRecord(booking: Booking, anonymousToken: string | undefined): StoredBooking {
  return {
    id: booking.id,
    startDate: booking.startDate ?? booking.createdDate,
    booking,
    ...(anonymousToken !== undefined && { anonymousToken }),
    savedAt: now(),
  };
}

/** Rejects after `ms`; a connection that arrives after that is closed rather than leaked. */
function withTimeout(opening: Promise<WidgetDBConnection>, ms: number): Promise<WidgetDBConnection> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error(`opening IndexedDB took longer than ${ms} ms`));
    }, ms);
    opening.then(
      (db) => {
        if (late) db.close();
        else {
          clearTimeout(timer);
          resolve(db);
        }
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

export function createStore(options: StoreOptions = {}): WidgetStore {
  const { dbName = DB_NAME, open = openWidgetDB, openTimeoutMs = 5000 } = options;
  const memory: MemoryTables = { visitor: new Map(), session: new Map(), flows: new Map(), bookings: new Map(), catalogue: new Map() };
  let inMemory = false;
  let connecting: Promise<WidgetDBConnection | null> | undefined;

  async function openOrFallBack(): Promise<WidgetDBConnection | null> {
    try {
      // `.then` turns a synchronous throw (e.g. `indexedDB.open` throwing SecurityError) into a rejection.
      const db = await withTimeout(
        Promise.resolve().then(() => open(dbName)),
        openTimeoutMs,
      );
      // Let another tab upgrade the schema: close, and reopen on our next call.
      db.addEventListener('versionchange', () => {
        db.close();
        connecting = undefined;
      });
      db.addEventListener('close', () => (connecting = undefined)); // the browser dropped the connection
      return db;
    } catch (err) {
      inMemory = true; // for good: mixing memory and disk would show the customer two different pasts
      console.warn(`booking-widget: IndexedDB unavailable, keeping data in memory for this page (${String(err)})`);
      return null;
    }
  }

  function connection(): Promise<WidgetDBConnection | null> {
    if (inMemory) return Promise.resolve(null);
    return (connecting ??= openOrFallBack());
  }

  // Memory values are cloned in and out, as IndexedDB's structured clone does, so callers can't mutate them.
  async function get<S extends StoreName>(store: S, key: string): Promise<WidgetDB[S]['value'] | undefined> {
    const db = await connection();
    if (db) return db.get(store, key);
    const value = memory[store].get(key);
    return value === undefined ? undefined : structuredClone(value);
  }

  async function put<S extends Exclude<StoreName, 'bookings'>>(store: S, key: string, value: WidgetDB[S]['value']): Promise<void> {
    const db = await connection();
    if (db) await db.put(store, value, key);
    else memory[store].set(key, structuredClone(value));
  }

  async function remove(store: StoreName, key: string): Promise<void> {
    const db = await connection();
    if (db) await db.delete(store, key);
    else memory[store].delete(key);
  }

  return {
    saveVisitor: (contactDetails) => put('visitor', VISITOR_KEY, { contactDetails, rememberedAt: now() }),
    loadVisitor: () => get('visitor', VISITOR_KEY),
    forgetVisitor: () => remove('visitor', VISITOR_KEY),

    saveSession: (session) => put('session', session.apiBase, session),
    loadSession: (apiBase) => get('session', apiBase),
    clearSession: (apiBase) => remove('session', apiBase),

    saveFlow: (instanceKey, snapshot) => put('flows', instanceKey, { snapshot, savedAt: now() }),
    loadFlow: (instanceKey) => get('flows', instanceKey),
    clearFlow: (instanceKey) => remove('flows', instanceKey),

    saveCatalogue: (catalogue) => put('catalogue', catalogue.apiBase, catalogue),
    loadCatalogue: (apiBase) => get('catalogue', apiBase),

    async saveBooking(booking, anonymousToken) {
      const db = await connection();
      if (db) {
        // Read and write in one transaction so a concurrent save can't drop the token in between.
        const tx = db.transaction('bookings', 'readwrite');
        const previous = await tx.store.get(booking.id);
        const record = toRecord(booking, anonymousToken ?? previous?.anonymousToken);
        await Promise.all([tx.store.put(record), tx.done]);
        return record;
      }
      const record = toRecord(booking, anonymousToken ?? memory.bookings.get(booking.id)?.anonymousToken);
      memory.bookings.set(record.id, structuredClone(record));
      return record;
    },

    async listBookings() {
      const db = await connection();
      if (db) return db.getAllFromIndex('bookings', 'by-start');
      // Same order as the index: start, then primary key.
      return [...memory.bookings.values()]
        .sort((a, b) => byCodeUnits(a.startDate, b.startDate) || byCodeUnits(a.id, b.id))
        .map((record) => structuredClone(record));
    },

    async backend() {
      return (await connection()) ? 'indexeddb' : 'memory';
    },

    async close() {
      const pending = connecting;
      connecting = undefined;
      (await pending)?.close();
    },
  };
}

let shared: WidgetStore | undefined;

/** The page's store on the `booking-widget` database, created (not opened) on first use. */
export function widgetStore(): WidgetStore {
  return (shared ??= createStore());
}

// The functions the rest of the widget calls; they all share `widgetStore()`.
export const saveVisitor: WidgetStore['saveVisitor'] = (contactDetails) => widgetStore().saveVisitor(contactDetails);
export const loadVisitor: WidgetStore['loadVisitor'] = () => widgetStore().loadVisitor();
export const forgetVisitor: WidgetStore['forgetVisitor'] = () => widgetStore().forgetVisitor();
export const saveSession: WidgetStore['saveSession'] = (session) => widgetStore().saveSession(session);
export const loadSession: WidgetStore['loadSession'] = (apiBase) => widgetStore().loadSession(apiBase);
export const clearSession: WidgetStore['clearSession'] = (apiBase) => widgetStore().clearSession(apiBase);
export const saveFlow: WidgetStore['saveFlow'] = (key, snapshot) => widgetStore().saveFlow(key, snapshot);
export const loadFlow: WidgetStore['loadFlow'] = (key) => widgetStore().loadFlow(key);
export const clearFlow: WidgetStore['clearFlow'] = (key) => widgetStore().clearFlow(key);
export const saveBooking: WidgetStore['saveBooking'] = (booking, token) => widgetStore().saveBooking(booking, token);
export const listBookings: WidgetStore['listBookings'] = () => widgetStore().listBookings();
