/**
 * The availability API (contract section 4): the imperative shell that reads the schedule and bookings from
 * storage, hands plain values to the pure generators, and pages the result.
 */
import type { Service } from '../../../src/model/service.js';
import type { CourseAvailability, TimeSlot, TimeSlotsResponse } from '../../../src/model/availability.js';
import type { Storage } from '../../storage/types.js';
import type { AppointmentSlotsQuery, CourseQuery, EventSlotsQuery } from './commands.js';
import { DomainError, ValidationError, notFound } from '../errors.js';
import { freeAppointmentSlots, type StaffHours } from './appointments.js';
import { allOccurrences, expandRules, occurrenceKey } from './sessions.js';
import { applyMoves } from './session-moves.js';
import { policyViolations } from './policy.js';
import { countSpots, staffBusy, SPOT_STATUSES, type SpotCount } from './occupancy.js';
import { businessZone, defaultDuration } from './catalogue-facts.js';
import { setupOf, type AvailabilitySetup } from './setup-facts.js';
import { resolveRange, responseZone, type QueryRange } from './range.js';
import { decodeCursor, fingerprint, pageOf, type PageKey } from './paging.js';
import { timeSlot, STAFF_RESOURCE_TYPE } from './slots.js';
import { encodeEventId } from './event-id.js';
import { localText, utcText, DAY_MS } from './time.js';

const DEFAULT_APPOINTMENT_LIMIT = 1000;
const DEFAULT_EVENT_LIMIT = 50;

export class AvailabilityService {
  constructor(
    private readonly storage: Storage,
    private readonly clock: () => Date,
  ) {
    this.setup = setupOf(storage);
  }

  private readonly setup: AvailabilitySetup;

  private async service(id: string, field: string, types: Service['type'][], hint: string): Promise<Service> {
    const service = await this.setup.service(id);
    if (!service || service.hidden) throw notFound('Service', id, 'SERVICE_NOT_FOUND');
    if (!types.includes(service.type)) throw ValidationError.field(field, `is a ${service.type} service; ${hint}`);
    return service;
  }

  /** The range, from the cursor when one is sent (so "from now" stays put between pages). */
  private range(
    request: AppointmentSlotsQuery | EventSlotsQuery,
    zone: string,
  ): { range: QueryRange; print: string; after: PageKey | null } {
    const range = resolveRange(request, zone, this.clock());
    const print = fingerprint(request);
    const cursor = request.cursorPaging?.cursor;
    if (!cursor) return { range, print, after: null };
    const state = decodeCursor(cursor, print);
    return { range: { zone: range.zone, fromMs: state.fromMs, toMs: state.toMs }, print, after: state.after };
  }

  async appointmentSlots(request: AppointmentSlotsQuery): Promise<TimeSlotsResponse> {
    const service = await this.service(
      request.serviceId,
      'serviceId',
      ['APPOINTMENT'],
      'use POST /service-availability/v2/time-slots/event for classes, /time-slots/course for courses',
    );
    const zone = await this.setup.zone();
    const { range, print, after } = this.range(request, zone);
    const facts = await this.setup.appointment(service);
    const durations = facts.durations;
    const duration = request.customerChoices?.durationInMinutes ?? defaultDuration(service);
    if (!durations.includes(duration)) {
      throw ValidationError.field(
        'customerChoices.durationInMinutes',
        `must be one of ${service.name}'s durations: ${durations.join(', ')}`,
      );
    }
    const staffIds = new Set(this.staffFilter(service, request.resourceTypes));
    const staff: StaffHours[] = facts.staff.filter((s) => staffIds.has(s.id));
    const gap = service.schedule.availabilityConstraints.timeBetweenSessions;
    const busy = await staffBusy(
      this.storage,
      staff.map((s) => s.id),
      range.fromMs,
      range.toMs,
      { services: [service] },
    );
    const nowMs = this.clock().getTime();
    const free = freeAppointmentSlots(staff, busy, {
      zone,
      fromMs: range.fromMs,
      toMs: range.toMs,
      durationMinutes: duration,
      gapMinutes: gap,
    });
    const slots = free
      .map((s) => ({
        key: { t: s.startMs, k: String(s.endMs) },
        slot: timeSlot({
          service,
          zone: range.zone,
          startMs: s.startMs,
          endMs: s.endMs,
          totalCapacity: 1,
          remainingCapacity: 1,
          staff: s.staff,
          violations: policyViolations({
            startMs: s.startMs,
            endMs: s.endMs,
            nowMs,
            policy: service.bookingPolicy,
            onlineBookingEnabled: service.onlineBooking.enabled,
          }),
        }),
      }))
      .filter((s) => request.bookable === undefined || s.slot.bookable === request.bookable);
    return this.respond(slots, request.cursorPaging?.limit ?? DEFAULT_APPOINTMENT_LIMIT, range, print, after);
  }

  /** The service's staff, narrowed by `resourceTypes` filters of type "staff". */
  private staffFilter(service: Service, filters: AppointmentSlotsQuery['resourceTypes']): string[] {
    let ids = [...service.staffMemberIds];
    for (const [i, f] of (filters ?? []).entries()) {
      if (f.resourceTypeId !== STAFF_RESOURCE_TYPE) {
        throw ValidationError.field(
          `resourceTypes[${i}].resourceTypeId`,
          `must be "${STAFF_RESOURCE_TYPE}" (the only resource type this server has)`,
        );
      }
      if (!f.resourceIds) continue;
      for (const [j, id] of f.resourceIds.entries()) {
        if (!service.staffMemberIds.includes(id))
          throw ValidationError.field(`resourceTypes[${i}].resourceIds[${j}]`, `is not a staff member of ${service.name}`);
      }
      ids = ids.filter((id) => f.resourceIds?.includes(id));
    }
    return ids;
  }

  async eventSlots(request: EventSlotsQuery): Promise<TimeSlotsResponse> {
    const services: Service[] = [];
    for (const [i, id] of request.serviceIds.entries()) {
      services.push(
        await this.service(
          id,
          `serviceIds[${i}]`,
          ['CLASS'],
          'use POST /service-availability/v2/time-slots for appointments, /time-slots/course for courses',
        ),
      );
    }
    const byId = new Map(services.map((s) => [s.id, s]));
    const zone = await this.setup.zone();
    const { range, print, after } = this.range(request, zone);
    const { rules, ruleById, cancelled, moves } = await this.setup.classRules([...byId.keys()]);
    const occurrences = applyMoves(expandRules(rules, zone, range.fromMs, range.toMs), moves, ruleById, zone, range.fromMs, range.toMs);
    const eventIds = occurrences.map((o) => encodeEventId(o));
    const spots =
      eventIds.length === 0
        ? new Map<string, SpotCount>()
        : await countSpots(
            this.storage,
            {
              by: 'event',
              statuses: SPOT_STATUSES,
              fromUtc: utcText(range.fromMs - DAY_MS),
              toUtc: utcText(range.toMs + 2 * DAY_MS),
              eventIds,
            },
            services,
          );
    const staffNames = await this.setup.staffNames();
    const nowMs = this.clock().getTime();
    const slots: { key: PageKey; slot: TimeSlot }[] = [];
    for (const [i, o] of occurrences.entries()) {
      const rule = ruleById.get(o.ruleId);
      const service = rule ? byId.get(rule.serviceId) : undefined;
      const eventId = eventIds[i];
      if (!rule || !service || eventId === undefined) continue;
      const capacity = rule.capacity ?? service.defaultCapacity;
      const count = spots.get(eventId) ?? { taken: 0, waiting: 0 };
      const waitlist = service.bookingPolicy.waitlistPolicy;
      const teacher = rule.staffMemberId ? staffNames.get(rule.staffMemberId) : undefined;
      const slot = timeSlot({
        service,
        zone: range.zone,
        startMs: o.startMs,
        endMs: o.endMs,
        totalCapacity: capacity,
        remainingCapacity: Math.max(0, capacity - count.taken),
        staff: rule.staffMemberId && teacher ? [{ id: rule.staffMemberId, name: teacher }] : [],
        violations: policyViolations({
          startMs: o.startMs,
          endMs: o.endMs,
          nowMs,
          policy: service.bookingPolicy,
          onlineBookingEnabled: service.onlineBooking.enabled,
        }),
        cancelled: cancelled.has(occurrenceKey(o.ruleId, o.localStart)),
        eventInfo: {
          eventId,
          eventTitle: rule.title ?? service.name,
          ...(waitlist.enabled
            ? { waitingList: { totalCapacity: waitlist.capacity, remainingCapacity: Math.max(0, waitlist.capacity - count.waiting) } }
            : {}),
        },
      });
      if (request.includeNonBookable === false && !slot.bookable) continue;
      if (request.minBookableCapacity !== undefined && slot.bookableCapacity < request.minBookableCapacity) continue;
      slots.push({ key: { t: o.startMs, k: eventId }, slot });
    }
    slots.sort((a, b) => a.key.t - b.key.t || (a.key.k < b.key.k ? -1 : 1));
    return this.respond(slots, request.cursorPaging?.limit ?? DEFAULT_EVENT_LIMIT, range, print, after);
  }

  private respond(
    slots: { key: PageKey; slot: TimeSlot }[],
    limit: number,
    range: QueryRange,
    print: string,
    after: PageKey | null,
  ): TimeSlotsResponse {
    const page = pageOf(slots, (s) => s.key, limit, range, print, after);
    return { timeSlots: page.items.map((s) => s.slot), timeZone: range.zone, cursorPagingMetadata: page.cursorPagingMetadata };
  }

  /** A course as one schedule (extension): its sessions, total and open spots, first and last session. */
  async course(request: CourseQuery): Promise<CourseAvailability> {
    const service = await this.service(
      request.serviceId,
      'serviceId',
      ['COURSE'],
      'use POST /service-availability/v2/time-slots or /time-slots/event',
    );
    const businessTz = await businessZone(this.storage);
    const zone = responseZone(request.timeZone, businessTz);
    const rules = await this.storage.schedules.listRules({ serviceId: service.id });
    const cancelled = new Set(
      (await this.storage.schedules.listCancelledOccurrences(rules.map((r) => r.id))).map((c) => occurrenceKey(c.ruleId, c.localStart)),
    );
    const moves = await this.storage.schedules.listMoves(rules.map((r) => r.id));
    const sessions = applyMoves(allOccurrences(rules, businessTz), moves, new Map(rules.map((r) => [r.id, r])), businessTz).filter(
      (o) => !cancelled.has(occurrenceKey(o.ruleId, o.localStart)),
    );
    const first = sessions[0];
    if (!first) throw new DomainError('COURSE_NOT_SCHEDULED', `${service.name} has no sessions scheduled yet.`, { serviceId: service.id });
    const lastEnd = Math.max(...sessions.map((s) => s.endMs));
    const total = rules[0]?.capacity ?? service.defaultCapacity;
    const spots = await countSpots(
      this.storage,
      {
        by: 'schedule',
        statuses: SPOT_STATUSES,
        fromUtc: utcText(first.startMs - DAY_MS),
        toUtc: utcText(lastEnd + DAY_MS),
        serviceIds: [service.id],
        scheduleIds: [service.schedule.id],
      },
      [service],
    );
    const taken = spots.get(service.schedule.id)?.taken ?? 0;
    const openSpots = Math.max(0, total - taken);
    const v = policyViolations({
      startMs: first.startMs,
      endMs: first.endMs,
      nowMs: this.clock().getTime(),
      policy: service.bookingPolicy,
      onlineBookingEnabled: service.onlineBooking.enabled,
    });
    return {
      serviceId: service.id,
      scheduleId: service.schedule.id,
      totalSpots: total,
      openSpots,
      firstSessionStart: localText(first.startMs, zone),
      lastSessionEnd: localText(lastEnd, zone),
      timeZone: zone,
      sessions: sessions.map((s) => ({ localStartDate: localText(s.startMs, zone), localEndDate: localText(s.endMs, zone) })),
      bookable: openSpots > 0 && !v.tooEarlyToBook && !v.tooLateToBook && !v.bookOnlineDisabled,
    };
  }
}
