/** One class or course session named by its event id: the rule it comes from and its nominal (rule) start. */
import { Temporal } from 'temporal-polyfill';
import type { SessionRule } from '../../../src/model/business.js';
import type { Storage } from '../../storage/types.js';
import { notFound } from '../errors.js';
import { decodeEventId, type EventRef } from '../availability/event-id.js';
import { isOccurrence } from '../availability/sessions.js';

export interface FoundEvent {
  ref: EventRef;
  rule: SessionRule;
}

/** The session, or 404 EVENT_NOT_FOUND for an id that names no occurrence of an existing rule. */
export async function findEvent(storage: Storage, eventId: string): Promise<FoundEvent> {
  const ref = decodeEventId(eventId);
  const rule = ref ? await storage.schedules.getRule(ref.ruleId) : null;
  if (!ref || !rule || !isOccurrence(rule, Temporal.PlainDateTime.from(ref.localStart)))
    throw notFound('Event', eventId, 'EVENT_NOT_FOUND');
  return { ref, rule };
}
