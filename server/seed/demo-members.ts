/** The demo's plans and its one member, who holds a 10-class pass with seven classes left. */
import { hashPassword } from '../domain/passwords.js';
import type { DemoServices } from './demo-catalogue.js';
import { id, iso, usd, type SeedContext } from './demo-values.js';

export const DEMO_MEMBER = { email: 'member@example.com', password: 'harbor-demo' } as const;

export async function seedMembers({ storage, now, stamp }: SeedContext, { vinyasa }: DemoServices): Promise<void> {
  const tenClass = {
    id: id(),
    name: '10-Class Pass',
    description: 'Ten classes to use within 90 days.',
    pricing: { price: usd('150.00'), singlePaymentForDuration: { count: 90, unit: 'DAY' as const } },
    credits: 10,
    durationInDays: 90,
    eligibleServiceIds: [vinyasa.id],
  };
  const unlimited = {
    id: id(),
    name: 'Unlimited Monthly',
    description: 'Every flow class for 30 days.',
    pricing: { price: usd('99.00'), singlePaymentForDuration: { count: 30, unit: 'DAY' as const } },
    durationInDays: 30,
    eligibleServiceIds: [vinyasa.id],
  };
  await storage.plans.insert(tenClass);
  await storage.plans.insert(unlimited);

  const contactId = await storage.contacts.upsertByEmail({
    email: DEMO_MEMBER.email,
    firstName: 'Riley',
    lastName: 'Morgan',
    phone: '+1 555 0100',
  });
  const memberId = id();
  await storage.members.insert({
    id: memberId,
    contactId,
    loginEmail: DEMO_MEMBER.email,
    profile: { firstName: 'Riley', lastName: 'Morgan' },
    passwordHash: await hashPassword(DEMO_MEMBER.password),
    createdDate: stamp,
    updatedDate: stamp,
  });
  await storage.plans.insertMemberOrder({
    id: id(),
    planId: tenClass.id,
    planName: tenClass.name,
    memberId,
    status: 'ACTIVE',
    credits: { total: 10, remaining: 7 },
    startDate: iso(now.epochMilliseconds - 10 * 86_400_000),
    expirationDate: iso(now.epochMilliseconds + 80 * 86_400_000),
  });
}
