/** Webhook endpoints (storage/webhook-types.ts) in SQLite: `events` as JSON text, `allow_private` as 0/1. */
import type { OutboxEventType } from '../outbox-types.js';
import type { StoredWebhookEndpoint, WebhookStore } from '../webhook-types.js';
import type { SqliteExecutor } from './database.js';
import { atomically, prepared } from './statements.js';

interface Row {
  id: string;
  url: string;
  events: string;
  secret: string;
  allow_private: number;
  created_date: string;
}

const endpointOf = (r: Row): StoredWebhookEndpoint => ({
  id: r.id,
  url: r.url,
  events: JSON.parse(r.events) as OutboxEventType[],
  secret: r.secret,
  allowPrivate: r.allow_private === 1,
  createdDate: r.created_date,
});

export class SqliteWebhookStore implements WebhookStore {
  constructor(private readonly x: SqliteExecutor) {}

  create(e: StoredWebhookEndpoint, limit: number): Promise<boolean> {
    return this.x.exec((db) =>
      atomically(db, () => {
        const { n } = prepared(db, 'SELECT COUNT(*) AS n FROM webhook_endpoints').get() as { n: number };
        if (n >= limit) return false;
        prepared(db, 'INSERT INTO webhook_endpoints (id, url, events, secret, allow_private, created_date) VALUES (?, ?, ?, ?, ?, ?)').run(
          e.id,
          e.url,
          JSON.stringify(e.events),
          e.secret,
          e.allowPrivate ? 1 : 0,
          e.createdDate,
        );
        return true;
      }),
    );
  }

  list(): Promise<StoredWebhookEndpoint[]> {
    return this.x.exec((db) =>
      (prepared(db, 'SELECT * FROM webhook_endpoints ORDER BY created_date, rowid').all() as Row[]).map(endpointOf),
    );
  }

  get(id: string): Promise<StoredWebhookEndpoint | null> {
    return this.x.exec((db) => {
      const row = prepared(db, 'SELECT * FROM webhook_endpoints WHERE id = ?').get(id) as Row | undefined;
      return row ? endpointOf(row) : null;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.x.exec((db) => prepared(db, 'DELETE FROM webhook_endpoints WHERE id = ?').run(id).changes === 1);
  }
}
