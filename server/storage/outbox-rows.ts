/** Rows of the outbox tables to their records, on both backends (PostgreSQL hands `bigint` over as text, `jsonb` parsed). */
import type { DeliveryStatus, OutboxDelivery, OutboxEvent, OutboxEventType } from './outbox-types.js';

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

/** The delivery listing's filters as a WHERE clause, with `?` placeholders (each backend numbers its own). */
export function deliveryFilter(q: { eventId?: string; channelPrefix?: string; status?: DeliveryStatus }): {
  where: string;
  params: string[];
} {
  const parts: string[] = [];
  const params: string[] = [];
  if (q.eventId !== undefined) {
    parts.push('event_id = ?');
    params.push(q.eventId);
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
