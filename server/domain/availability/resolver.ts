/**
 * The availability side of the seam in slot-resolver.ts: turns what a customer asked for into a concrete
 * occupancy (resolve) and says how much room it has (remainingCapacity). Bookings call it; it never writes.
 */
import type { Service } from '../../../src/model/service.js';
import type { BookedEntity, BookedSlot } from '../../../src/model/booking.js';
import type { Storage } from '../../storage/types.js';
import type { ResolvedSlot, SlotResolver } from './slot-resolver.js';
import { DomainError, ValidationError } from '../errors.js';
import { decodeEventId } from './event-id.js';
import { allOccurrences, isOccurrence, occurrenceKey } from './sessions.js';
import { applyMoves, movedOccurrence } from './session-moves.js';
import { collides, workingSlots, type Interval } from './appointments.js';
import { policyViolations } from './policy.js';
import { countSpots, staffBusy, BLOCKING } from './occupancy.js';
import { businessZone, offeredDurations } from './catalogue-facts.js';
import { SetupCache } from '../../storage/setup-cache.js';
import { existingInstant, isTimeZone, localText, parseLocalDateTime, utcText, DAY_MS, MINUTE_MS } from './time.js';

const SLOT = 'booking.bookedEntity.slot';
const slotNotAvailable = (message: string, data: Record<string, unknown> = {}) => new DomainError('SLOT_NOT_AVAILABLE', message, data);
const sessionNotFound = (eventId: string) =>
  new DomainError(
    'SESSION_NOT_FOUND',
    `There is no session ${JSON.stringify(eventId)} of this service: pick one from POST /service-availability/v2/time-slots/event.`,
    { eventId },
  );

interface ClassSession {
  iv: Interval;
  capacity: number;
  title: string;
  cancelled: boolean;
}

export function createSlotResolver(storage: Storage): SlotResolver {
  const sessions = new SetupCache<string, ClassSession | null>(storage, 2000);
  const base = (
    service: Service,
    zone: string,
    iv: Interval,
    now: Date,
    extra: Partial<ResolvedSlot> & Pick<ResolvedSlot, 'kind' | 'capacity' | 'title'>,
  ): ResolvedSlot => ({
    serviceId: service.id,
    scheduleId: service.schedule.id,
    startUtc: utcText(iv.startMs),
    endUtc: utcText(iv.endMs),
    localStart: localText(iv.startMs, zone),
    localEnd: localText(iv.endMs, zone),
    businessTimeZone: zone,
    policy: (({ tooEarlyToBook, tooLateToBook, bookOnlineDisabled }) => ({ tooEarlyToBook, tooLateToBook, bookOnlineDisabled }))(
      policyViolations({ ...iv, nowMs: now.getTime(), policy: service.bookingPolicy, onlineBookingEnabled: service.onlineBooking.enabled }),
    ),
    cancelled: false,
    ...extra,
  });

  async function resolveAppointment(service: Service, slot: BookedSlot | undefined, zone: string, now: Date): Promise<ResolvedSlot> {
    if (!slot?.startDate) throw ValidationError.field(`${SLOT}.startDate`, 'is required for an appointment');
    if (!slot.endDate) throw ValidationError.field(`${SLOT}.endDate`, 'is required for an appointment');
    const askedZone = slot.timezone ?? zone;
    if (!isTimeZone(askedZone)) throw ValidationError.field(`${SLOT}.timezone`, 'must be an IANA time zone such as "America/New_York"');
    const start = existingInstant(parseLocalDateTime(slot.startDate, `${SLOT}.startDate`), askedZone);
    const end = existingInstant(parseLocalDateTime(slot.endDate, `${SLOT}.endDate`), askedZone);
    if (!start || !end) throw slotNotAvailable(`That time does not exist in ${askedZone} (the clocks skip it).`);
    const iv = { startMs: start.epochMilliseconds, endMs: end.epochMilliseconds };
    const minutes = (iv.endMs - iv.startMs) / MINUTE_MS;
    const durations = await offeredDurations(storage, service);
    if (!durations.includes(minutes)) {
      throw slotNotAvailable(`${service.name} lasts ${durations.join(' or ')} minutes, not ${minutes}.`, { durations });
    }
    const asked = slot.resource?.id;
    if (asked !== undefined && !service.staffMemberIds.includes(asked)) {
      throw slotNotAvailable(`Staff member ${JSON.stringify(asked)} does not give ${service.name}.`, { resourceId: asked });
    }
    const gap = service.schedule.availabilityConstraints.timeBetweenSessions;
    const candidates: { id: string; name: string }[] = [];
    for (const id of asked !== undefined ? [asked] : service.staffMemberIds) {
      const staff = await storage.staff.get(id);
      if (!staff) continue;
      const grid = workingSlots(staff, { zone, fromMs: iv.startMs, toMs: iv.startMs + 1, durationMinutes: minutes, gapMinutes: gap });
      if (grid.some((g) => g.startMs === iv.startMs && g.endMs === iv.endMs)) candidates.push({ id: staff.id, name: staff.name });
    }
    if (candidates.length === 0) {
      throw slotNotAvailable(
        `${service.name} is not offered at ${slot.startDate} (${askedZone}): pick a slot from POST /service-availability/v2/time-slots.`,
      );
    }
    // Without a chosen staff member, prefer one who is free.
    let chosen = candidates[0] as { id: string; name: string };
    if (asked === undefined && candidates.length > 1) {
      const busy = await staffBusy(
        storage,
        candidates.map((c) => c.id),
        iv.startMs,
        iv.endMs,
        { services: [service] },
      );
      chosen = candidates.find((c) => !collides(iv, busy.get(c.id) ?? [], gap)) ?? chosen;
    }
    return base(service, zone, iv, now, {
      kind: 'APPOINTMENT',
      capacity: 1,
      title: service.name,
      resourceId: chosen.id,
      resourceName: chosen.name,
    });
  }

  /** A class session's facts (all from the setup: rule, moves, cancellations), or null when there is no such session. */
  async function classSession(service: Service, eventId: string, zone: string): Promise<ClassSession | null> {
    const ref = decodeEventId(eventId);
    const rule = ref ? await storage.schedules.getRule(ref.ruleId) : null;
    if (!ref || !rule || rule.serviceId !== service.id) return null;
    const local = parseLocalDateTime(ref.localStart, `${SLOT}.eventId`);
    const start = existingInstant(local, zone);
    if (!start || !isOccurrence(rule, local)) return null;
    const cancelled = (await storage.schedules.listCancelledOccurrences([rule.id])).some((c) => c.localStart === ref.localStart);
    // A session moved off its rule's time (same event id) is booked at its new time.
    const move = (await storage.schedules.listMoves([rule.id])).find((m) => m.localStart === ref.localStart);
    const moved = move ? movedOccurrence(rule, move, zone) : null;
    const iv = moved
      ? { startMs: moved.startMs, endMs: moved.endMs }
      : { startMs: start.epochMilliseconds, endMs: start.epochMilliseconds + rule.durationInMinutes * MINUTE_MS };
    return { iv, capacity: rule.capacity ?? service.defaultCapacity, title: rule.title ?? service.name, cancelled };
  }

  async function resolveClass(service: Service, slot: BookedSlot | undefined, zone: string, now: Date): Promise<ResolvedSlot> {
    const eventId = slot?.eventId;
    if (!eventId) throw ValidationError.field(`${SLOT}.eventId`, 'is required for a class: take it from the class time slot');
    // Kept until the next setup write (a session moved or canceled is one): every create of a class asks again.
    const session = await sessions.get(`${service.id} ${eventId} ${zone}`, () => classSession(service, eventId, zone));
    if (!session) throw sessionNotFound(eventId);
    const { iv, capacity, title, cancelled } = session;
    return base(service, zone, iv, now, { kind: 'CLASS', eventId, capacity, title, cancelled });
  }

  async function resolveCourse(service: Service, entity: BookedEntity, zone: string, now: Date): Promise<ResolvedSlot> {
    const scheduleId = entity.schedule?.scheduleId;
    if (!scheduleId) throw ValidationError.field('booking.bookedEntity.schedule.scheduleId', 'is required for a course');
    const notFound = new DomainError(
      'SCHEDULE_NOT_FOUND',
      `There is no course schedule ${JSON.stringify(scheduleId)} for ${service.name}.`,
      { scheduleId },
    );
    if (scheduleId !== service.schedule.id) throw notFound;
    const rules = await storage.schedules.listRules({ serviceId: service.id });
    const cancelled = new Set(
      (await storage.schedules.listCancelledOccurrences(rules.map((r) => r.id))).map((c) => occurrenceKey(c.ruleId, c.localStart)),
    );
    const moves = await storage.schedules.listMoves(rules.map((r) => r.id));
    const sessions = applyMoves(allOccurrences(rules, zone), moves, new Map(rules.map((r) => [r.id, r])), zone).filter(
      (o) => !cancelled.has(occurrenceKey(o.ruleId, o.localStart)),
    );
    const first = sessions[0];
    const last = sessions.reduce((a, o) => (o.endMs > a ? o.endMs : a), 0);
    if (!first) throw notFound;
    const iv = { startMs: first.startMs, endMs: last };
    const policy = policyViolations({
      startMs: first.startMs,
      endMs: first.endMs,
      nowMs: now.getTime(),
      policy: service.bookingPolicy,
      onlineBookingEnabled: service.onlineBooking.enabled,
    });
    return {
      ...base(service, zone, iv, now, { kind: 'COURSE', capacity: rules[0]?.capacity ?? service.defaultCapacity, title: service.name }),
      policy: { tooEarlyToBook: policy.tooEarlyToBook, tooLateToBook: policy.tooLateToBook, bookOnlineDisabled: policy.bookOnlineDisabled },
    };
  }

  return {
    async resolve(service, entity, now) {
      const zone = await businessZone(storage);
      if (service.type === 'APPOINTMENT') return resolveAppointment(service, entity.slot, zone, now);
      if (service.type === 'CLASS') return resolveClass(service, entity.slot, zone, now);
      return resolveCourse(service, entity, zone, now);
    },

    async remainingCapacity(service, slot, options = {}) {
      const iv = { startMs: Date.parse(slot.startUtc), endMs: Date.parse(slot.endUtc) };
      if (slot.kind === 'APPOINTMENT') {
        const staffIds = slot.resourceId ? [slot.resourceId] : service.staffMemberIds;
        const busy = await staffBusy(storage, staffIds, iv.startMs, iv.endMs, { services: [service], ...options });
        const gap = service.schedule.availabilityConstraints.timeBetweenSessions;
        return staffIds.some((id) => !collides(iv, busy.get(id) ?? [], gap)) ? 1 : 0;
      }
      const window = { fromUtc: utcText(iv.startMs - DAY_MS), toUtc: utcText(iv.endMs + DAY_MS) };
      const key = slot.kind === 'CLASS' ? (slot.eventId ?? '') : slot.scheduleId;
      const counts = await countSpots(
        storage,
        {
          by: slot.kind === 'CLASS' ? 'event' : 'schedule',
          statuses: BLOCKING,
          ...window,
          serviceIds: [service.id],
          ...(slot.kind === 'CLASS' ? { eventIds: [key] } : { scheduleIds: [key] }),
          ...(options.excludeBookingId !== undefined ? { excludeBookingId: options.excludeBookingId } : {}),
        },
        [service],
      );
      return Math.max(0, slot.capacity - (counts.get(key)?.taken ?? 0));
    },
  };
}
