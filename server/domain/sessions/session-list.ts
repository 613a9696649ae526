/**
 * The owner's list of class and course sessions (`GET /calendar/v3/events`, extension): every session of the
 * rules in a range of at most 62 days, hidden services' and cancelled ones included, moved sessions at their new
 * time (with `movedFrom`), sorted by start. Places taken come from one aggregate count per kind: class sessions by
 * event id, course sessions by the course's schedule (a course is booked whole, so each of its sessions shows the
 * course's participants).
 */
import { Temporal } from 'temporal-polyfill';
import type { Service } from '../../../src/model/service.js';
import type { SessionEvent } from '../../../src/model/sessions.js';
import type { Storage } from '../../storage/types.js';
import { ValidationError } from '../errors.js';
import { businessZone } from '../availability/catalogue-facts.js';
import { encodeEventId } from '../availability/event-id.js';
import { countSpots, SPOT_STATUSES, type SpotCount } from '../availability/occupancy.js';
import { applyMoves } from '../availability/session-moves.js';
import { expandRules, occurrenceKey } from '../availability/sessions.js';
import { DAY_MS, parseLocalDateTime, utcText } from '../availability/time.js';

/** The widest range one list answers (two months, as a console's month view with its edges needs). */
export const MAX_RANGE_DAYS = 62;

export interface ListEventsQuery {
  fromLocalDate: string;
  toLocalDate: string;
  serviceIds?: readonly string[];
}

const local = (t: Temporal.PlainDateTime) => t.toString({ smallestUnit: 'second' });

export async function listSessions(storage: Storage, query: ListEventsQuery): Promise<SessionEvent[]> {
  const from = parseLocalDateTime(query.fromLocalDate, 'fromLocalDate');
  const to = parseLocalDateTime(query.toLocalDate, 'toLocalDate');
  if (Temporal.PlainDateTime.compare(to, from) <= 0) throw ValidationError.field('toLocalDate', 'must be after fromLocalDate');
  if (Temporal.PlainDateTime.compare(to, from.add({ days: MAX_RANGE_DAYS })) > 0)
    throw ValidationError.field('toLocalDate', `must be at most ${MAX_RANGE_DAYS} days after fromLocalDate`);
  const zone = await businessZone(storage);
  const fromMs = from.toZonedDateTime(zone).epochMilliseconds;
  const toMs = to.toZonedDateTime(zone).epochMilliseconds;

  const services = new Map<string, Service>();
  for (const s of await storage.catalogue.listServices()) if (s.type !== 'APPOINTMENT') services.set(s.id, s);
  const wanted = query.serviceIds ? new Set(query.serviceIds) : null;
  const rules = (await storage.schedules.listRules(wanted ? { serviceIds: [...wanted] } : {})).filter((r) => services.has(r.serviceId));
  if (rules.length === 0) return [];
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const ruleIds = rules.map((r) => r.id);
  const cancelled = new Set((await storage.schedules.listCancelledOccurrences(ruleIds)).map((c) => occurrenceKey(c.ruleId, c.localStart)));
  const moves = await storage.schedules.listMoves(ruleIds);
  const occurrences = applyMoves(expandRules(rules, zone, fromMs, toMs), moves, ruleById, zone, fromMs, toMs);

  const isCourse = (serviceId: string) => services.get(serviceId)?.type === 'COURSE';
  const eventIds = occurrences.map((o) => encodeEventId(o));
  const classEventIds = eventIds.filter((_, i) => !isCourse(ruleById.get(occurrences[i]?.ruleId ?? '')?.serviceId ?? ''));
  const courseServices = [...services.values()].filter((s) => s.type === 'COURSE' && rules.some((r) => r.serviceId === s.id));
  const window = { fromUtc: utcText(fromMs - 2 * DAY_MS), toUtc: utcText(toMs + 2 * DAY_MS) };
  const known = [...services.values()];
  const byEvent =
    classEventIds.length === 0
      ? new Map<string, SpotCount>()
      : await countSpots(storage, { by: 'event', statuses: SPOT_STATUSES, ...window, eventIds: classEventIds }, known);
  // A course's bookings span all its sessions: counted over any time, by schedule.
  const bySchedule =
    courseServices.length === 0
      ? new Map<string, SpotCount>()
      : await countSpots(
          storage,
          {
            by: 'schedule',
            statuses: SPOT_STATUSES,
            fromUtc: '1970-01-01T00:00:00.000Z',
            toUtc: '9999-12-31T00:00:00.000Z',
            serviceIds: courseServices.map((s) => s.id),
            scheduleIds: courseServices.map((s) => s.schedule.id),
          },
          known,
        );

  const events: SessionEvent[] = [];
  for (const [i, o] of occurrences.entries()) {
    const rule = ruleById.get(o.ruleId);
    const service = rule ? services.get(rule.serviceId) : undefined;
    const id = eventIds[i];
    if (!rule || !service || id === undefined) continue;
    const spots = (service.type === 'COURSE' ? bySchedule.get(service.schedule.id) : byEvent.get(id)) ?? { taken: 0, waiting: 0 };
    const start = Temporal.Instant.fromEpochMilliseconds(o.startMs).toZonedDateTimeISO(zone).toPlainDateTime();
    const end = Temporal.Instant.fromEpochMilliseconds(o.endMs).toZonedDateTimeISO(zone).toPlainDateTime();
    events.push({
      id,
      ruleId: rule.id,
      scheduleId: rule.scheduleId,
      serviceId: rule.serviceId,
      ...(rule.title !== undefined ? { title: rule.title } : {}),
      localStartDate: local(start),
      localEndDate: local(end),
      timeZone: zone,
      capacity: rule.capacity ?? service.defaultCapacity,
      ...(rule.staffMemberId !== undefined ? { staffMemberId: rule.staffMemberId } : {}),
      status: cancelled.has(occurrenceKey(o.ruleId, o.localStart)) ? 'CANCELLED' : 'CONFIRMED',
      bookedCount: spots.taken,
      ...(spots.waiting > 0 ? { waitingCount: spots.waiting } : {}),
      ...(o.movedTo !== undefined ? { movedFrom: o.localStart } : {}),
    });
  }
  return events;
}
