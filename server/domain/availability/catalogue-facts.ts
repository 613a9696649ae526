/** What availability reads about the business and a service: the zone, the durations a customer may choose. */
import type { Service } from '../../../src/model/service.js';
import type { Storage } from '../../storage/types.js';
import { DomainError } from '../errors.js';

export async function businessZone(storage: Storage): Promise<string> {
  const business = await storage.business.get();
  if (!business) throw new DomainError('BUSINESS_NOT_SET_UP', 'This server has no business yet: start it with --seed demo, or set one up.');
  return business.timeZone;
}

/** Appointment lengths the service offers: its session durations and its DURATION variants' minutes. */
export async function offeredDurations(storage: Storage, service: Service): Promise<number[]> {
  const minutes = new Set(service.schedule.availabilityConstraints.sessionDurations);
  const variants = await storage.catalogue.getVariantsByService(service.id);
  for (const v of variants?.variants.values ?? []) {
    for (const c of v.choices) if (c.duration?.minutes) minutes.add(c.duration.minutes);
  }
  return [...minutes].sort((a, b) => a - b);
}

/** The service's default appointment length: its first session duration. */
export const defaultDuration = (service: Service): number => service.schedule.availabilityConstraints.sessionDurations[0] ?? 60;
