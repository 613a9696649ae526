/**
 * The PostgreSQL implementation of the storage interface (contract section 14), for DATABASE_URL=postgres://…:
 * the same stores as SQLite's over one `pg` pool, migrations applied at start under an advisory lock, and one
 * listening connection through which the other instances' setup changes and booking changes arrive.
 */
import type { Storage } from '../types.js';
import { PostgresExecutor, SETUP_CHANNEL } from './executor.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import { PgListener } from './listener.js';
import { postgresPeers } from './peers.js';
import { PostgresBusinessStore } from './business-store.js';
import { PostgresCatalogueStore } from './catalogue-store.js';
import { PostgresPolicyStore } from './policy-store.js';
import { PostgresStaffStore } from './staff-store.js';
import { PostgresScheduleStore } from './schedule-store.js';
import { PostgresContactStore } from './contact-store.js';
import { PostgresPlanStore } from './plan-store.js';
import { PostgresMemberStore } from './member-store.js';
import { PostgresBusinessUserStore } from './business-user-store.js';
import { PostgresCustomerStore } from './customer-store.js';
import { PostgresOccupancyReader } from './occupancy-reader.js';
import { PostgresBookingStore } from './booking-store.js';
import { PostgresTokenStore } from './token-store.js';
import { PostgresIdempotencyStore } from './idempotency-store.js';
import { PostgresNotificationStore } from './notification-store.js';
import { PostgresFeedStore } from './feed-store.js';
import { createPostgresCommerceStores } from './commerce-stores.js';
import { PostgresCounterStore } from './counter-store.js';
import { PostgresOutboxStore } from './outbox-store.js';
import { PostgresWebhookStore } from './webhook-store.js';
import { PostgresReminderStore } from './reminder-store.js';
import { PostgresSettingsStore } from './settings-store.js';

export interface PostgresStorage extends Storage {
  readonly executor: PostgresExecutor;
}

export interface PostgresStorageOptions {
  /** Pooled connections (default 10); each open transaction holds one. */
  poolSize?: number;
}

export async function createPostgresStorage(url: string, { poolSize }: PostgresStorageOptions = {}): Promise<PostgresStorage> {
  const x = new PostgresExecutor({ connectionString: url, ...(poolSize ? { max: poolSize } : {}) });
  try {
    await migrate(x.pool, migrations);
  } catch (error) {
    await x.close();
    throw error;
  }
  const listener = new PgListener(url, x.instanceId);
  listener.on(SETUP_CHANNEL, () => x.setupChangedElsewhere());
  listener.onReconnect(() => x.setupChangedElsewhere()); // missed while away: rebuild what is cached
  await listener.ready;
  return {
    kind: 'postgres',
    executor: x,
    business: new PostgresBusinessStore(x),
    catalogue: new PostgresCatalogueStore(x),
    policies: new PostgresPolicyStore(x),
    staff: new PostgresStaffStore(x),
    schedules: new PostgresScheduleStore(x),
    contacts: new PostgresContactStore(x),
    plans: new PostgresPlanStore(x),
    members: new PostgresMemberStore(x),
    businessUsers: new PostgresBusinessUserStore(x),
    customers: new PostgresCustomerStore(x),
    occupancy: new PostgresOccupancyReader(x),
    bookings: new PostgresBookingStore(x),
    tokens: new PostgresTokenStore(x),
    idempotency: new PostgresIdempotencyStore(x),
    notifications: new PostgresNotificationStore(x),
    feeds: new PostgresFeedStore(x),
    commerce: createPostgresCommerceStores(x),
    counters: new PostgresCounterStore(x),
    outbox: new PostgresOutboxStore(x),
    webhooks: new PostgresWebhookStore(x),
    reminders: new PostgresReminderStore(x),
    settings: new PostgresSettingsStore(x),
    peers: postgresPeers(x, listener),
    setupVersion: () => x.setupVersion,
    transaction: (work) => x.transaction(work),
    close: async () => {
      await listener.close();
      await x.close();
    },
  };
}
