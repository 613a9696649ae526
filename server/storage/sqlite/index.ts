/** The SQLite implementation of the storage interface (the embedded default). */
import type { Storage } from '../types.js';
import { openDatabase, SqliteExecutor } from './database.js';
import { WalCheckpointer, type CheckpointerOptions } from './checkpointer.js';
import { SqliteCatalogueStore } from './catalogue-store.js';
import { SqliteBusinessStore } from './business-store.js';
import { SqlitePolicyStore } from './policy-store.js';
import { SqliteStaffStore } from './staff-store.js';
import { SqliteScheduleStore } from './schedule-store.js';
import { SqliteContactStore } from './contact-store.js';
import { SqlitePlanStore } from './plan-store.js';
import { SqliteMemberStore } from './member-store.js';
import { SqliteBusinessUserStore } from './business-user-store.js';
import { SqliteCustomerStore } from './customer-store.js';
import { SqliteOccupancyReader } from './occupancy-reader.js';
import { createCommerceStores } from './commerce-stores.js';
import { SqliteBookingStore } from './booking-store.js';
import { SqliteTokenStore } from './token-store.js';
import { SqliteIdempotencyStore } from './idempotency-store.js';
import { SqliteNotificationStore } from './notification-store.js';
import { SqliteFeedStore } from './feed-store.js';
import { SqliteCounterStore } from './counter-store.js';
import { SqliteOutboxStore } from './outbox-store.js';
import { SqliteWebhookStore } from './webhook-store.js';
import { SqliteReminderStore } from './reminder-store.js';
import { SqliteSettingsStore } from './settings-store.js';
import { MemoryCounterStore } from '../memory-counters.js';

export interface SqliteStorage extends Storage {
  readonly executor: SqliteExecutor;
}

export interface SqliteStorageOptions {
  /**
   * Where the login throttle and door limits count: in this process's memory (the default: one process owns the
   * file, and a write per counted request would cost; docs/storage.md has the measurement) or in `rate_counters`.
   */
  counters?: 'memory' | 'database';
  /** When and how often WAL checkpoints run off the event loop (checkpointer.ts). */
  checkpoints?: CheckpointerOptions;
}

export function createSqliteStorage(file: string, { counters = 'memory', checkpoints: when }: SqliteStorageOptions = {}): SqliteStorage {
  const db = openDatabase(file);
  const x = new SqliteExecutor(db);
  const checkpoints = new WalCheckpointer(db, file, when);
  x.onCommit = () => checkpoints.committed();
  return {
    kind: 'sqlite',
    executor: x,
    business: new SqliteBusinessStore(x),
    catalogue: new SqliteCatalogueStore(x),
    policies: new SqlitePolicyStore(x),
    staff: new SqliteStaffStore(x),
    schedules: new SqliteScheduleStore(x),
    contacts: new SqliteContactStore(x),
    plans: new SqlitePlanStore(x),
    members: new SqliteMemberStore(x),
    businessUsers: new SqliteBusinessUserStore(x),
    customers: new SqliteCustomerStore(x),
    occupancy: new SqliteOccupancyReader(x),
    bookings: new SqliteBookingStore(x),
    tokens: new SqliteTokenStore(x),
    idempotency: new SqliteIdempotencyStore(x),
    notifications: new SqliteNotificationStore(x),
    feeds: new SqliteFeedStore(x),
    commerce: createCommerceStores(x),
    counters: counters === 'database' ? new SqliteCounterStore(x) : new MemoryCounterStore(),
    outbox: new SqliteOutboxStore(x),
    webhooks: new SqliteWebhookStore(x),
    reminders: new SqliteReminderStore(x),
    settings: new SqliteSettingsStore(x),
    setupVersion: () => x.setupVersion,
    transaction: (work) => x.transaction(work),
    close: async () => {
      await checkpoints.stop(); // its connection first: the last one to close folds the WAL into the file
      await x.exec((d) => d.close());
    },
  };
}
