/**
 * The outbox (storage/outbox-types.ts) in SQLite. One process owns the file and every call runs through the
 * executor's queue, so a claim is one UPDATE … RETURNING: no other statement can run between choosing the due
 * rows and taking them.
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
import type { Db, SqliteExecutor } from './database.js';
import { atomically, prepared } from './statements.js';

const NEXT_SEQUENCE = 'SELECT COALESCE(MAX(entity_event_sequence), 0) + 1 AS n FROM outbox_events WHERE entity_fqdn = ? AND entity_id = ?';
const INSERT_EVENT = `INSERT INTO outbox_events
  (id, event_type, entity_fqdn, entity_id, entity_event_sequence, payload, event_time, created_at, dispatched_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`;
const CLAIM = `UPDATE outbox_deliveries
  SET status = 'DELIVERING', attempts = attempts + 1, claimed_by = @worker, claimed_until = @until, next_attempt_at = @until
  WHERE id IN (SELECT id FROM outbox_deliveries WHERE status IN ('PENDING', 'DELIVERING') AND next_attempt_at <= @now
               ORDER BY next_attempt_at LIMIT @limit)
  RETURNING *`;
const LOG_ATTEMPT = `INSERT INTO outbox_attempts (delivery_id, attempt, started_at, finished_at, ok, answer, error)
  VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (delivery_id, attempt) DO NOTHING`;
const clipOrNull = (text: string | undefined): string | null => (text === undefined ? null : clip(text));

/** The delivery log's line for the attempt a complete or fail just ended (`attempt`: the row's count, as RETURNING gave it). */
function logAttempt(db: Db, id: string, attempt: number, times: AttemptTimes, ok: boolean, answer?: string, error?: string): void {
  prepared(db, LOG_ATTEMPT).run(id, attempt, times.startedAt, times.finishedAt, ok ? 1 : 0, clipOrNull(answer), clipOrNull(error));
}

export class SqliteOutboxStore implements OutboxStore {
  constructor(private readonly x: SqliteExecutor) {}

  append(events: readonly NewOutboxEvent[]): Promise<OutboxEvent[]> {
    return this.x.exec((db) =>
      atomically(db, () =>
        events.map((e) => {
          const { n } = prepared(db, NEXT_SEQUENCE).get(e.entityFqdn, e.entityId) as { n: number };
          prepared(db, INSERT_EVENT).run(
            e.id,
            e.eventType,
            e.entityFqdn,
            e.entityId,
            n,
            JSON.stringify(e.payload),
            e.eventTime,
            e.createdAt,
          );
          return { ...e, entityEventSequence: n, dispatchedAt: null };
        }),
      ),
    );
  }

  undispatched(limit: number): Promise<OutboxEvent[]> {
    return this.x.exec((db) =>
      (
        prepared(db, 'SELECT * FROM outbox_events WHERE dispatched_at IS NULL ORDER BY created_at, rowid LIMIT ?').all(limit) as EventRow[]
      ).map(eventOf),
    );
  }

  addDeliveries(batch: readonly { eventId: string; channels: readonly string[] }[], at: number): Promise<void> {
    return this.x.exec((db) =>
      atomically(db, () => {
        const insert = prepared(
          db,
          `INSERT INTO outbox_deliveries (id, event_id, channel, status, attempts, next_attempt_at, created_at)
           VALUES (?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT (event_id, channel) DO NOTHING`,
        );
        const dispatched = prepared(db, 'UPDATE outbox_events SET dispatched_at = ? WHERE id = ? AND dispatched_at IS NULL');
        for (const { eventId, channels } of batch) {
          for (const channel of channels) insert.run(randomUUID(), eventId, channel, at, at);
          dispatched.run(at, eventId);
        }
      }),
    );
  }

  claimDue(now: number, limit: number, leaseMs: number, workerId: string): Promise<ClaimedDelivery[]> {
    return this.x.exec((db) => {
      const rows = prepared(db, CLAIM).all({ worker: workerId, until: now + leaseMs, now, limit }) as DeliveryRow[];
      const event = prepared(db, 'SELECT * FROM outbox_events WHERE id = ?');
      return rows
        .map(deliveryOf)
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt)
        .map((delivery) => ({ delivery, event: eventOf(event.get(delivery.eventId) as EventRow) }));
    });
  }

  complete(id: string, workerId: string, at: number, answer?: string, times?: AttemptTimes): Promise<boolean> {
    return this.x.exec((db) =>
      atomically(db, () => {
        const row = prepared(
          db,
          `UPDATE outbox_deliveries SET status = 'DONE', done_at = ?, claimed_until = NULL, last_answer = ?
           WHERE id = ? AND status = 'DELIVERING' AND claimed_by = ? RETURNING attempts`,
        ).get(at, clipOrNull(answer), id, workerId) as { attempts: number } | undefined;
        if (row && times) logAttempt(db, id, row.attempts, times, true, answer);
        return row !== undefined;
      }),
    );
  }

  fail(id: string, workerId: string, error: string, nextAttemptAt: number | null, answer?: string, times?: AttemptTimes): Promise<boolean> {
    return this.x.exec((db) =>
      atomically(db, () => {
        const row = prepared(
          db,
          `UPDATE outbox_deliveries SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), claimed_until = NULL,
             last_error = ?, last_answer = ? WHERE id = ? AND status = 'DELIVERING' AND claimed_by = ? RETURNING attempts`,
        ).get(nextAttemptAt === null ? 'FAILED' : 'PENDING', nextAttemptAt, clip(error), clipOrNull(answer), id, workerId) as
          { attempts: number } | undefined;
        if (row && times) logAttempt(db, id, row.attempts, times, false, answer, error);
        return row !== undefined;
      }),
    );
  }

  attempts(deliveryId: string): Promise<DeliveryAttempt[]> {
    return this.x.exec((db) =>
      (prepared(db, 'SELECT * FROM outbox_attempts WHERE delivery_id = ? ORDER BY attempt').all(deliveryId) as AttemptRow[]).map(attemptOf),
    );
  }

  retryNow(id: string, at: number): Promise<boolean> {
    return this.x.exec(
      (db) =>
        prepared(
          db,
          `UPDATE outbox_deliveries SET status = 'PENDING', next_attempt_at = ?, claimed_until = NULL, claimed_by = NULL, done_at = NULL
           WHERE id = ?`,
        ).run(at, id).changes === 1,
    );
  }

  listEvents(query: EventQuery = {}): Promise<OutboxEvent[]> {
    return this.x.exec((db) => {
      const parts: string[] = [];
      const params: string[] = [];
      if (query.entityId !== undefined) {
        parts.push('entity_id = ?');
        params.push(query.entityId);
      }
      if (query.ids !== undefined) {
        parts.push(`id IN (${query.ids.map(() => '?').join(', ') || 'NULL'})`);
        params.push(...query.ids);
      }
      const where = parts.length ? `WHERE ${parts.join(' AND ')}` : '';
      const sql = `SELECT * FROM outbox_events ${where} ORDER BY created_at, rowid LIMIT ?`;
      return (prepared(db, sql).all(...params, query.limit ?? 1000) as EventRow[]).map(eventOf);
    });
  }

  listDeliveries(query: DeliveryQuery = {}): Promise<OutboxDelivery[]> {
    return this.x.exec((db) => {
      const { where, params } = deliveryFilter(query);
      const order = query.newestFirst ? 'created_at DESC, rowid DESC' : 'created_at, rowid';
      const sql = `SELECT * FROM outbox_deliveries ${where} ORDER BY ${order} LIMIT ?`;
      return (prepared(db, sql).all(...params, query.limit ?? 1000) as DeliveryRow[]).map(deliveryOf);
    });
  }

  purgeDone(before: number): Promise<number> {
    return this.x.exec((db) =>
      atomically(db, () => {
        const gone = prepared(db, "DELETE FROM outbox_deliveries WHERE status = 'DONE' AND done_at < ?").run(before).changes;
        prepared(
          db,
          `DELETE FROM outbox_events WHERE created_at < ? AND dispatched_at IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM outbox_deliveries d WHERE d.event_id = outbox_events.id)`,
        ).run(before);
        return gone;
      }),
    );
  }
}
