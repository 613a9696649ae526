/** The widget's persistence: IndexedDB through idb, with an in-memory fallback (contract section 9). */
export * from './store.js';
export { DB_NAME, DB_VERSION, openWidgetDB } from './schema.js';
export type { CachedCatalogue, PersistedFlow, Session, StoredBooking, Visitor, WidgetDB, WidgetDBConnection } from './schema.js';
