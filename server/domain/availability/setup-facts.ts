/**
 * What slot queries derive from the business's setup (a service's durations and staff hours, the class rules and
 * their cancelled sessions, who teaches what, which services let PENDING bookings not block), kept per storage in
 * SetupCaches: an owner's edit raises `storage.setupVersion()` and the next query rebuilds. Values are shared
 * between requests and must not be mutated.
 */
import type { Service } from '../../../src/model/service.js';
import type { SessionRule, TimeOff } from '../../../src/model/business.js';
import type { SessionMove, Storage } from '../../storage/types.js';
import { SetupCache } from '../../storage/setup-cache.js';
import { businessZone, offeredDurations } from './catalogue-facts.js';
import { occurrenceKey } from './sessions.js';
import type { StaffHours } from './appointments.js';

export interface ServiceFacts {
  service: Service;
  /** Appointment lengths offered, ascending. */
  durations: number[];
  /** The service's staff members that exist, in the service's order. */
  staff: StaffHours[];
}

export interface RuleFacts {
  rules: SessionRule[];
  ruleById: Map<string, SessionRule>;
  /** `occurrenceKey`s of the cancelled sessions of `rules`. */
  cancelled: Set<string>;
  /** Sessions of `rules` moved off their rule's time (session-moves.ts applies them). */
  moves: SessionMove[];
}

async function ruleFacts(storage: Storage, rules: SessionRule[]): Promise<RuleFacts> {
  const cancelled = rules.length === 0 ? [] : await storage.schedules.listCancelledOccurrences(rules.map((r) => r.id));
  const moves = rules.length === 0 ? [] : await storage.schedules.listMoves(rules.map((r) => r.id));
  return {
    moves,
    rules,
    ruleById: new Map(rules.map((r) => [r.id, r])),
    cancelled: new Set(cancelled.map((c) => occurrenceKey(c.ruleId, c.localStart))),
  };
}

export class AvailabilitySetup {
  private readonly services: SetupCache<string, Service | null>;
  private readonly facts: SetupCache<string, ServiceFacts>;
  private readonly rules: SetupCache<string, RuleFacts>;
  private readonly shared: SetupCache<string, unknown>;

  constructor(private readonly storage: Storage) {
    this.services = new SetupCache(storage);
    this.facts = new SetupCache(storage);
    this.rules = new SetupCache(storage);
    this.shared = new SetupCache(storage);
  }

  service(id: string): Promise<Service | null> {
    return this.services.get(id, () => this.storage.catalogue.getService(id));
  }

  /** The business's zone; throws BUSINESS_NOT_SET_UP without a business. */
  zone(): Promise<string> {
    return this.shared.get('zone', () => businessZone(this.storage)) as Promise<string>;
  }

  /** The business's zone, or null without a business. */
  zoneOrNull(): Promise<string | null> {
    return this.shared.get('zoneOrNull', async () => (await this.storage.business.get())?.timeZone ?? null) as Promise<string | null>;
  }

  /** Ids of the services whose PENDING bookings do not block (they allow multiple requests). */
  pendingFree(): Promise<string[]> {
    return this.shared.get('pendingFree', async () =>
      (await this.storage.catalogue.listServices()).filter((s) => s.onlineBooking.allowMultipleRequests).map((s) => s.id),
    ) as Promise<string[]>;
  }

  /** Each staff member's time off, by id. */
  timeOff(): Promise<Map<string, TimeOff[]>> {
    return this.shared.get('timeOff', async () => new Map((await this.storage.staff.list()).map((s) => [s.id, s.timeOff]))) as Promise<
      Map<string, TimeOff[]>
    >;
  }

  /** Staff names by id. */
  staffNames(): Promise<Map<string, string>> {
    return this.shared.get('staffNames', async () => new Map((await this.storage.staff.list()).map((s) => [s.id, s.name]))) as Promise<
      Map<string, string>
    >;
  }

  /** An appointment service's durations and staff hours (`service` as the caller already checked it). */
  appointment(service: Service): Promise<ServiceFacts> {
    return this.facts.get(service.id, async () => {
      const staff: StaffHours[] = [];
      for (const id of service.staffMemberIds) {
        const member = await this.storage.staff.get(id);
        if (member) staff.push({ id: member.id, name: member.name, workingHours: member.workingHours });
      }
      return { service, durations: await offeredDurations(this.storage, service), staff };
    });
  }

  /** The session rules of these services, with their cancelled sessions. */
  classRules(serviceIds: readonly string[]): Promise<RuleFacts> {
    return this.rules.get(`services ${JSON.stringify(serviceIds)}`, async () =>
      ruleFacts(this.storage, await this.storage.schedules.listRules({ serviceIds: [...serviceIds] })),
    );
  }

  /** The session rules these staff members teach, with their cancelled sessions. */
  taught(staffIds: readonly string[]): Promise<RuleFacts> {
    return this.rules.get(`staff ${JSON.stringify(staffIds)}`, async () => {
      const rules: SessionRule[] = [];
      for (const id of new Set(staffIds)) rules.push(...(await this.storage.schedules.listRules({ staffMemberId: id })));
      return ruleFacts(this.storage, rules);
    });
  }
}

const setups = new WeakMap<Storage, AvailabilitySetup>();

/** The setup facts of `storage`, one cache per storage object (the server's, or a test's). */
export function setupOf(storage: Storage): AvailabilitySetup {
  let setup = setups.get(storage);
  if (!setup) {
    setup = new AvailabilitySetup(storage);
    setups.set(storage, setup);
  }
  return setup;
}
