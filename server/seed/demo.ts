/**
 * The demo business of contract section 11: "Harbor Studio", a fitness studio in New York. Seeded once, into an
 * empty database, in one transaction: its team, catalogue, timetable, plans and member, and the business
 * accounts (an OWNER, a STAFF for Alex Rivera), in that order.
 */
import { Temporal } from 'temporal-polyfill';
import type { Storage } from '../storage/types.js';
import { DEMO_TIME_ZONE, id, iso, type SeedContext } from './demo-values.js';
import { seedTeam } from './demo-team.js';
import { seedCatalogue } from './demo-catalogue.js';
import { seedTimetable } from './demo-timetable.js';
import { seedMembers } from './demo-members.js';
import { seedAccounts } from './demo-accounts.js';

export { DEMO_TIME_ZONE } from './demo-values.js';
export { DEMO_MEMBER } from './demo-members.js';
export { DEMO_OWNER, DEMO_STAFF } from './demo-accounts.js';

export interface SeedResult {
  seeded: boolean;
  businessId: string;
}

/** Seed Harbor Studio into `storage` unless a business is already there. `now` is injectable for tests. */
export async function seedDemo(storage: Storage, now: Temporal.Instant = Temporal.Now.instant()): Promise<SeedResult> {
  return storage.transaction(async () => {
    const existing = await storage.business.get();
    if (existing) return { seeded: false, businessId: existing.id };

    const context: SeedContext = { storage, businessId: id(), now, stamp: iso(now.epochMilliseconds) };
    await storage.business.save({
      id: context.businessId,
      name: 'Harbor Studio',
      timeZone: DEMO_TIME_ZONE,
      currency: 'USD',
      locale: 'en-US',
      email: 'hello@harbor.example',
    });
    const team = await seedTeam(context);
    const services = await seedCatalogue(context, team);
    await seedTimetable(context, team, services);
    await seedMembers(context, services);
    await seedAccounts(context, team);
    return { seeded: true, businessId: context.businessId };
  });
}
