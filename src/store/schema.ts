/**
 * The widget's IndexedDB schema (contract section 9): the one place that knows store names, keys, indexes and
 * versions. Everything else goes through the small functions in `./store.ts`.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Booking, ContactDetails, Service, Timestamp } from '../model/index.js';

export const DB_NAME = 'booking-widget';
export const DB_VERSION = 2;

/** Contact details the customer agreed to have remembered (saved only after that consent). */
export interface Visitor {
  contactDetails: ContactDetails;
  rememberedAt: Timestamp;
}

/** A visitor's or member's tokens for one API server (tokens of one server mean nothing to another). */
export interface Session {
  apiBase: string;
  kind: 'visitor' | 'member';
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (from the token response's `expires_in`). */
  expiresAt: Timestamp;
  memberId?: string;
}

/** A flow machine's persisted snapshot (`actor.getPersistedSnapshot()`); the flow layer validates it on load. */
export interface PersistedFlow {
  snapshot: unknown;
  savedAt: Timestamp;
}

/** One of the customer's bookings, with the anonymous visitor token that may manage it. */
export interface StoredBooking {
  id: string;
  /** Indexed copy of `booking.startDate` (or `createdDate` when it has none), so every record is in `by-start`. */
  startDate: Timestamp;
  booking: Booking;
  anonymousToken?: string;
  savedAt: Timestamp;
}

/**
 * The last catalogue one API server answered, painted at once on the next visit and then revalidated with its
 * ETag. Keyed by the API base URL: one business's catalogue is never shown for another's.
 */
export interface CachedCatalogue {
  apiBase: string;
  /** The services list's ETag (`undefined` when the answer had none, or a cross-origin server hid it). */
  etag: string | undefined;
  services: Service[];
  business: { name: string; timeZone: string; currency: string } | undefined;
  savedAt: Timestamp;
}

export interface WidgetDB extends DBSchema {
  /** Single record under `VISITOR_KEY`. */
  visitor: { key: string; value: Visitor };
  /** Keyed by `Session.apiBase`. */
  session: { key: string; value: Session };
  /** Keyed by the widget instance key. */
  flows: { key: string; value: PersistedFlow };
  bookings: { key: string; value: StoredBooking; indexes: { 'by-start': string } };
  /** Keyed by `CachedCatalogue.apiBase`. */
  catalogue: { key: string; value: CachedCatalogue };
}

export type WidgetDBConnection = IDBPDatabase<WidgetDB>;

export const VISITOR_KEY = 'current';

/** Opens (creating or upgrading) the widget's database. Rejects when IndexedDB is missing or refuses. */
export async function openWidgetDB(name: string = DB_NAME): Promise<WidgetDBConnection> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  return openDB<WidgetDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // One block per version; a later version adds `if (oldVersion < 2) ...` below, never edits this one.
      if (oldVersion < 1) {
        db.createObjectStore('visitor');
        db.createObjectStore('session');
        db.createObjectStore('flows');
        db.createObjectStore('bookings', { keyPath: 'id' }).createIndex('by-start', 'startDate');
      }
      if (oldVersion < 2) db.createObjectStore('catalogue');
    },
  });
}
