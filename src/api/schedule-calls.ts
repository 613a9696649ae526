/**
 * The owner's schedule calls (extension, after Wix Calendar events): class and course session rules, and single
 * sessions: list them, cancel one with its bookings, restore it (the session only), move it. The console's
 * Schedules view.
 */
import type { SessionRule } from '../model/business.js';
import type { CancelEventResponse, ListEventsRequest, MoveEventRequest, SessionEvent, SessionNotification } from '../model/sessions.js';
import type { Transport } from './transport.js';

/** What the owner sets on a session rule (the server names its id, schedule and revision). */
export type SessionRuleFields = Omit<SessionRule, 'id' | 'scheduleId' | 'revision'>;

const enc = encodeURIComponent;

export function scheduleCalls(t: Transport) {
  return {
    schedule: {
      listRules: (serviceId?: string) =>
        t
          .request<{ sessionRules: SessionRule[] }>('GET', `/calendar/v3/session-rules${serviceId ? `?serviceId=${enc(serviceId)}` : ''}`)
          .then((r) => r.sessionRules),
      createRule: (sessionRule: SessionRuleFields) =>
        t.request<{ sessionRule: SessionRule }>('POST', '/calendar/v3/session-rules', { body: { sessionRule } }).then((r) => r.sessionRule),
      /** Saved only over `revision`; someone else's save first answers 409 REVISION_MISMATCH. */
      updateRule: (id: string, sessionRule: Partial<SessionRuleFields> & { revision: string }) =>
        t
          .request<{ sessionRule: SessionRule }>('PATCH', `/calendar/v3/session-rules/${enc(id)}`, { body: { sessionRule } })
          .then((r) => r.sessionRule),
      deleteRule: (id: string) => t.request<Record<string, never>>('DELETE', `/calendar/v3/session-rules/${enc(id)}`),
      /** Sessions in a range of at most 62 days, sorted by start, cancelled ones included. */
      listEvents: ({ fromLocalDate, toLocalDate, serviceIds }: ListEventsRequest) => {
        const query = new URLSearchParams({ fromLocalDate, toLocalDate });
        if (serviceIds && serviceIds.length > 0) query.set('serviceId', serviceIds.join(','));
        return t.request<{ events: SessionEvent[] }>('GET', `/calendar/v3/events?${query.toString()}`).then((r) => r.events);
      },
      /** Cancels the session and every booking in it, as the business; again: cancels nothing more. */
      cancelEvent: (eventId: string, participantNotification?: SessionNotification) =>
        t.request<CancelEventResponse>('POST', `/calendar/v3/events/${enc(eventId)}/cancel`, {
          body: participantNotification ? { participantNotification } : {},
        }),
      /** Brings the session back; its canceled bookings stay canceled. */
      restoreEvent: (eventId: string) =>
        t.request<{ event: { eventId: string; status: 'CONFIRMED' } }>('POST', `/calendar/v3/events/${enc(eventId)}/restore`, { body: {} }),
      /** Moves one session (its bookings are rescheduled with it); back to the rule's own time clears the move. */
      moveEvent: (eventId: string, event: MoveEventRequest) =>
        t.request<{ event: SessionEvent }>('PATCH', `/calendar/v3/events/${enc(eventId)}`, { body: { event } }).then((r) => r.event),
    },
  };
}
