/** Rows of the outbox tables to their records, on both backends (PostgreSQL hands `bigint` over as text, `jsonb` parsed). */
import type { DeliveryAttempt, DeliveryQuery, DeliveryStatus, OutboxDelivery, OutboxEvent, OutboxEventType } from './outbox-types.js';

export interface EventRow {
  id: string;
  event_type: string;
  entity_fqdn: string;
  entity_id: string;
  entity_event_sequence: number;
  payload: string | Record<string, unknown>;
  event_time: string;
  created_at: number | string;
  dispatched_at: number | string | null;
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  channel: string;
  status: string;
  attempts: number;
  next_attempt_at: number | string;
  claimed_until: number | string | null;
  claimed_by: string | null;
  last_error: string | null;
  last_answer: string | null;
  done_at: number | string | null;
  created_at: number | string;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function eventOf(r: EventRow): OutboxEvent {
  return {
    id: r.id,
    eventType: r.event_type as OutboxEventType,
    entityFqdn: r.entity_fqdn,
    entityId: r.entity_id,
    entityEventSequence: Number(r.entity_event_sequence),
    payload: typeof r.payload === 'string' ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
    eventTime: r.event_time,
    createdAt: Number(r.created_at),
    dispatchedAt: num(r.dispatched_at),
  };
}

export function deliveryOf(r: DeliveryRow): OutboxDelivery {
  return {
    id: r.id,
    eventId: r.event_id,
    channel: r.channel,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    claimedUntil: num(r.claimed_until),
    claimedBy: r.claimed_by,
    lastError: r.last_error,
    lastAnswer: r.last_answer,
    doneAt: num(r.done_at),
    createdAt: Number(r.created_at),
  };
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  started_at: number | string;
  finished_at: number | string;
  ok: number | boolean;
  answer: string | null;
  error: string | null;
}

export function attemptOf(r: AttemptRow): DeliveryAttempt {
  return {
    deliveryId: r.delivery_id,
    attempt: Number(r.attempt),
    startedAt: Number(r.started_at),
    finishedAt: Number(r.finished_at),
    ok: r.ok === true || r.ok === 1,
    answer: r.answer,
    error: r.error,
  };
}

/** The delivery listing's filters as a WHERE clause, with `?` placeholders (each backend numbers its own). */
export function deliveryFilter(q: DeliveryQuery): {
  where: string;
  params: string[];
} {
  const parts: string[] = [];
  const params: string[] = [];
  if (q.id !== undefined) {
    parts.push('id = ?');
    params.push(q.id);
  }
  if (q.eventId !== undefined) {
    parts.push('event_id = ?');
    params.push(q.eventId);
  }
  if (q.channel !== undefined) {
    parts.push('channel = ?');
    params.push(q.channel);
  }
  if (q.channelPrefix !== undefined) {
    parts.push('substr(channel, 1, ?) = ?');
    params.push(String(q.channelPrefix.length), q.channelPrefix);
  }
  if (q.status !== undefined) {
    parts.push('status = ?');
    params.push(q.status);
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
