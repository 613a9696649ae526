/**
 * The outbox (storage/outbox-types.ts) in PostgreSQL, shared by every instance on the database. Events are
 * appended on the change's own transaction (the executor finds it), so they commit or roll back with it. A claim
 * is one statement: the due rows are chosen and locked `FOR UPDATE SKIP LOCKED` and taken in the same UPDATE, so
 * two instances claiming at once get disjoint deliveries and neither waits for the other.
 */
import { randomUUID } from 'node:crypto';
import type {
  AttemptTimes,
  ClaimedDelivery,
  DeliveryAttempt,
  DeliveryQuery,
  EventQuery,
  NewOutboxEvent,
  OutboxDelivery,
  OutboxEvent,
  OutboxStore,
} from '../outbox-types.js';
import { clip } from '../outbox-types.js';
import { attemptOf, deliveryFilter, deliveryOf, eventOf, type AttemptRow, type DeliveryRow, type EventRow } from '../outbox-rows.js';
import type { Param, PostgresExecutor } from './executor.js';

const INSERT_EVENT = `INSERT INTO outbox_events
  (id, event_type, entity_fqdn, entity_id, entity_event_sequence, payload, event_time, created_at)
  SELECT $1, $2, $3, $4, COALESCE(MAX(entity_event_sequence), 0) + 1, $5::jsonb, $6, $7::bigint
  FROM outbox_events WHERE entity_fqdn = $3 AND entity_id = $4
  RETURNING entity_event_sequence`;
const CLAIM = `WITH due AS (
    SELECT id FROM outbox_deliveries
    WHERE status IN ('PENDING', 'DELIVERING') AND next_attempt_at <= $1::bigint
    ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
  UPDATE outbox_deliveries d
  SET status = 'DELIVERING', attempts = d.attempts + 1, claimed_by = $3, claimed_until = $4::bigint, next_attempt_at = $4::bigint
  FROM due WHERE d.id = due.id
  RETURNING d.*`;

const clipOrNull = (text: string | undefined): string | null => (text === undefined ? null : clip(text));

/**
 * `update` (an UPDATE … RETURNING id, attempts on the delivery, `$1`…`$k`) and, when `times` is given, the delivery
 * log's line for that attempt, in one statement: the line is written only when the update took the row.
 */
function withAttemptLog(
  update: string,
  params: Param[],
  times: AttemptTimes | undefined,
  ok: boolean,
  answer: string | undefined,
  error: string | undefined,
): { sql: string; params: Param[] } {
  if (!times) return { sql: update, params };
  const n = params.length;
  return {
    sql: `WITH changed AS (${update})
      INSERT INTO outbox_attempts (delivery_id, attempt, started_at, finished_at, ok, answer, error)
      SELECT id, attempts, $${n + 1}::bigint, $${n + 2}::bigint, $${n + 3}, $${n + 4}, $${n + 5} FROM changed
      ON CONFLICT (delivery_id, attempt) DO NOTHING
      RETURNING 1`,
    params: [...params, Math.trunc(times.startedAt), Math.trunc(times.finishedAt), ok, clipOrNull(answer), clipOrNull(error)],
  };
}

/** `?` placeholders to PostgreSQL's `$n`. */
const numbered = (sql: string, from = 1): string => {
  let n = from - 1;
  return sql.replace(/\?/g, () => `$${++n}`);
};

export class PostgresOutboxStore implements OutboxStore {
  constructor(private readonly x: PostgresExecutor) {}

  async append(events: readonly NewOutboxEvent[]): Promise<OutboxEvent[]> {
    const out: OutboxEvent[] = [];
    for (const e of events) {
      const row = await this.x.one<{ entity_event_sequence: number }>(INSERT_EVENT, [
        e.id,
        e.eventType,
        e.entityFqdn,
        e.entityId,
        JSON.stringify(e.payload),
        e.eventTime,
        Math.trunc(e.createdAt),
      ]);
      if (!row) throw new Error('outbox append returned no row');
      out.push({ ...e, entityEventSequence: row.entity_event_sequence, dispatchedAt: null });
    }
    return out;
  }

  async undispatched(limit: number): Promise<OutboxEvent[]> {
    const rows = await this.x.query<EventRow>('SELECT * FROM outbox_events WHERE dispatched_at IS NULL ORDER BY rowid LIMIT $1', [limit]);
    return rows.map(eventOf);
  }

  async addDeliveries(batch: readonly { eventId: string; channels: readonly string[] }[], at: number): Promise<void> {
    const work = async (): Promise<void> => {
      for (const { eventId, channels } of batch) {
        for (const channel of channels) {
          await this.x.query(
            `INSERT INTO outbox_deliveries (id, event_id, channel, status, attempts, next_attempt_at, created_at)
             VALUES ($1, $2, $3, 'PENDING', 0, $4::bigint, $4::bigint) ON CONFLICT (event_id, channel) DO NOTHING`,
            [randomUUID(), eventId, channel, Math.trunc(at)],
          );
        }
        await this.x.query('UPDATE outbox_events SET dispatched_at = $1::bigint WHERE id = $2 AND dispatched_at IS NULL', [
          Math.trunc(at),
          eventId,
        ]);
      }
    };
    if (this.x.inTransaction) await work();
    else await this.x.transaction(work);
  }

  async claimDue(now: number, limit: number, leaseMs: number, workerId: string): Promise<ClaimedDelivery[]> {
    const rows = await this.x.query<DeliveryRow>(CLAIM, [Math.trunc(now), limit, workerId, Math.trunc(now + leaseMs)]);
    if (rows.length === 0) return [];
    const deliveries = rows.map(deliveryOf).sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt);
    const events = await this.x.query<EventRow>('SELECT * FROM outbox_events WHERE id = ANY($1::text[])', [
      [...new Set(deliveries.map((d) => d.eventId))],
    ]);
    const byId = new Map(events.map((r) => [r.id, eventOf(r)]));
    return deliveries.flatMap((delivery) => {
      const event = byId.get(delivery.eventId);
      return event ? [{ delivery, event }] : [];
    });
  }

  async complete(id: string, workerId: string, at: number, answer?: string, times?: AttemptTimes): Promise<boolean> {
    const statement = withAttemptLog(
      `UPDATE outbox_deliveries SET status = 'DONE', done_at = $1::bigint, claimed_until = NULL, last_answer = $2
       WHERE id = $3 AND status = 'DELIVERING' AND claimed_by = $4 RETURNING id, attempts`,
      [Math.trunc(at), clipOrNull(answer), id, workerId],
      times,
      true,
      answer,
      undefined,
    );
    return (await this.x.query(statement.sql, statement.params)).length === 1;
  }

  async fail(
    id: string,
    workerId: string,
    error: string,
    nextAttemptAt: number | null,
    answer?: string,
    times?: AttemptTimes,
  ): Promise<boolean> {
    const statement = withAttemptLog(
      `UPDATE outbox_deliveries SET status = $1, next_attempt_at = COALESCE($2::bigint, next_attempt_at), claimed_until = NULL,
         last_error = $3, last_answer = $4 WHERE id = $5 AND status = 'DELIVERING' AND claimed_by = $6 RETURNING id, attempts`,
      [
        nextAttemptAt === null ? 'FAILED' : 'PENDING',
        nextAttemptAt === null ? null : Math.trunc(nextAttemptAt),
        clip(error),
        clipOrNull(answer),
        id,
        workerId,
      ],
      times,
      false,
      answer,
      error,
    );
    return (await this.x.query(statement.sql, statement.params)).length === 1;
  }

  async attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    const rows = await this.x.query<AttemptRow>('SELECT * FROM outbox_attempts WHERE delivery_id = $1 ORDER BY attempt', [deliveryId]);
    return rows.map(attemptOf);
  }

  async retryNow(id: string, at: number): Promise<boolean> {
    const rows = await this.x.query(
      `UPDATE outbox_deliveries SET status = 'PENDING', next_attempt_at = $1::bigint, claimed_until = NULL, claimed_by = NULL,
         done_at = NULL WHERE id = $2 RETURNING 1`,
      [Math.trunc(at), id],
    );
    return rows.length === 1;
  }

  async listEvents(query: EventQuery = {}): Promise<OutboxEvent[]> {
    const params: Param[] = [];
    const parts: string[] = [];
    if (query.entityId !== undefined) parts.push(`entity_id = $${params.push(query.entityId)}`);
    if (query.ids !== undefined) parts.push(`id = ANY($${params.push(query.ids)}::text[])`);
    const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
    const rows = await this.x.query<EventRow>(`SELECT * FROM outbox_events ${where} ORDER BY rowid LIMIT $${params.length + 1}`, [
      ...params,
      query.limit ?? 1000,
    ]);
    return rows.map(eventOf);
  }

  async listDeliveries(query: DeliveryQuery = {}): Promise<OutboxDelivery[]> {
    const { where, params } = deliveryFilter(query);
    // Deliveries made in one round share created_at: their events' order (rowid) breaks the tie, as SQLite's rowid does.
    const eventOrder = '(SELECT e.rowid FROM outbox_events e WHERE e.id = outbox_deliveries.event_id)';
    const order = query.newestFirst ? `created_at DESC, ${eventOrder} DESC, id DESC` : `created_at, ${eventOrder}, id`;
    const sql = numbered(
      `SELECT * FROM outbox_deliveries ${where.replace('substr(channel, 1, ?)', 'substr(channel, 1, ?::int)')} ORDER BY ${order} LIMIT ?`,
    );
    const rows = await this.x.query<DeliveryRow>(sql, [...params, query.limit ?? 1000]);
    return rows.map(deliveryOf);
  }

  async purgeDone(before: number): Promise<number> {
    return this.x.transaction(async () => {
      const gone = await this.x.query("DELETE FROM outbox_deliveries WHERE status = 'DONE' AND done_at < $1::bigint RETURNING 1", [
        Math.trunc(before),
      ]);
      await this.x.query(
        `DELETE FROM outbox_events e WHERE e.created_at < $1::bigint AND e.dispatched_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.event_id = e.id)`,
        [Math.trunc(before)],
      );
      return gone.length;
    });
  }
}
