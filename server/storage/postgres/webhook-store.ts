/**
 * Webhook endpoints (storage/webhook-types.ts) in PostgreSQL, shared by every instance: `events` as jsonb, the
 * creation order by `rowid`. The cap is counted under a lock, so two instances creating at once cannot pass it.
 */
import type { OutboxEventType } from '../outbox-types.js';
import type { StoredWebhookEndpoint, WebhookStore } from '../webhook-types.js';
import type { PostgresExecutor } from './executor.js';
import { json } from './rows.js';

interface Row {
  id: string;
  url: string;
  events: OutboxEventType[];
  secret: string;
  allow_private: boolean;
  created_date: string;
}

const COLUMNS = 'id, url, events, secret, allow_private, created_date';

const endpointOf = (r: Row): StoredWebhookEndpoint => ({
  id: r.id,
  url: r.url,
  events: r.events,
  secret: r.secret,
  allowPrivate: r.allow_private,
  createdDate: r.created_date,
});

export class PostgresWebhookStore implements WebhookStore {
  constructor(private readonly x: PostgresExecutor) {}

  create(e: StoredWebhookEndpoint, limit: number): Promise<boolean> {
    return this.x.transaction(async () => {
      await this.x.lock('webhook_endpoints');
      const count = await this.x.one<{ n: string }>('SELECT COUNT(*) AS n FROM webhook_endpoints');
      if (Number(count?.n ?? 0) >= limit) return false;
      await this.x.query(`INSERT INTO webhook_endpoints (${COLUMNS}) VALUES ($1, $2, $3::jsonb, $4, $5, $6)`, [
        e.id,
        e.url,
        json(e.events),
        e.secret,
        e.allowPrivate,
        e.createdDate,
      ]);
      return true;
    });
  }

  async list(): Promise<StoredWebhookEndpoint[]> {
    return (await this.x.query<Row>(`SELECT ${COLUMNS} FROM webhook_endpoints ORDER BY created_date, rowid`)).map(endpointOf);
  }

  async get(id: string): Promise<StoredWebhookEndpoint | null> {
    const row = await this.x.one<Row>(`SELECT ${COLUMNS} FROM webhook_endpoints WHERE id = $1`, [id]);
    return row ? endpointOf(row) : null;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.x.query('DELETE FROM webhook_endpoints WHERE id = $1 RETURNING 1', [id])).length === 1;
  }
}
