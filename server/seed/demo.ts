/**
 * The demo business of contract section 11: "Harbor Studio", a fitness studio in New York. Seeded once, into an
 * empty database, in one transaction. Class sessions recur from the Monday of the seeding week on; the course
 * starts on the next Tuesday after the seeding date (in the studio's zone).
 */
import { Temporal } from 'temporal-polyfill';
import type { Storage } from '../storage/types.js';
import type { Service, ServiceOptionsAndVariants } from '../../src/model/service.js';
import type { StaffMember, SessionRule, WorkingHours, Weekday } from '../../src/model/business.js';
import type { Money } from '../../src/model/common.js';
import { makePolicy } from './policies.js';
import { hashPassword } from '../domain/passwords.js';

export const DEMO_TIME_ZONE = 'America/New_York';
export const DEMO_MEMBER = { email: 'member@example.com', password: 'harbor-demo' } as const;

const usd = (value: string): Money => ({ value, currency: 'USD' });
const id = (): string => crypto.randomUUID();

export interface SeedResult {
  seeded: boolean;
  businessId: string;
}

function weekdayHours(days: Weekday[], startTime: string, endTime: string): WorkingHours[] {
  return days.map((day) => ({ day, startTime, endTime }));
}

/** Seed Harbor Studio into `storage` unless a business is already there. `now` is injectable for tests. */
export async function seedDemo(storage: Storage, now: Temporal.Instant = Temporal.Now.instant()): Promise<SeedResult> {
  return storage.transaction(async () => {
    const existing = await storage.business.get();
    if (existing) return { seeded: false, businessId: existing.id };

    const iso = (ms: number) => new Date(ms).toISOString();
    const stamp = iso(now.epochMilliseconds);
    const today = now.toZonedDateTimeISO(DEMO_TIME_ZONE).toPlainDate();
    const weekStart = today.subtract({ days: today.dayOfWeek - 1 });
    const daysToTuesday = (2 - today.dayOfWeek + 7) % 7 || 7;
    const nextTuesday = today.add({ days: daysToTuesday });
    const at = (date: Temporal.PlainDate, time: string) => `${date.toString()}T${time}:00`;

    const businessId = id();
    await storage.business.save({
      id: businessId,
      name: 'Harbor Studio',
      timeZone: DEMO_TIME_ZONE,
      currency: 'USD',
      locale: 'en-US',
      email: 'hello@harbor.example',
    });

    // Policies: a standard one, one for the waitlisted flow class, one for family groups.
    const standard = makePolicy(id(), 'Standard', {
      default: true,
      limitLateBookingPolicy: { enabled: true, latestBookingInMinutes: 60 },
      cancellationPolicy: { enabled: true, limitLatestCancellation: true, latestCancellationInMinutes: 720, allowAnonymous: true },
      reschedulePolicy: { enabled: true, limitLatestReschedule: true, latestRescheduleInMinutes: 720, allowAnonymous: true },
    });
    const flow = makePolicy(id(), 'Flow classes', {
      limitLateBookingPolicy: { enabled: true, latestBookingInMinutes: 30 },
      cancellationPolicy: { enabled: true, limitLatestCancellation: true, latestCancellationInMinutes: 120, allowAnonymous: true },
      waitlistPolicy: { enabled: true, capacity: 5, reservationTimeInMinutes: 10 },
    });
    const family = makePolicy(id(), 'Family groups', {
      limitLateBookingPolicy: { enabled: true, latestBookingInMinutes: 60 },
      participantsPolicy: { maxParticipantsPerBooking: 6 },
    });
    for (const p of [standard, flow, family]) await storage.policies.insert(p);

    const yoga = { id: id(), name: 'Yoga', sortOrder: 1 };
    const family_ = { id: id(), name: 'Family', sortOrder: 2 };
    const training = { id: id(), name: 'Training', sortOrder: 3 };
    for (const c of [yoga, family_, training]) await storage.catalogue.saveCategory(c);

    const staffMember = (name: string, email: string, hours: WorkingHours[]): StaffMember => ({
      id: id(),
      name,
      email,
      scheduleId: id(),
      workingHours: hours,
      createdDate: stamp,
      updatedDate: stamp,
      revision: '1',
    });
    const weekdays: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];
    const maya = staffMember('Maya Chen', 'maya@harbor.example', weekdayHours(['MON', 'WED', 'FRI'], '06:30', '19:30'));
    const alex = staffMember('Alex Rivera', 'alex@harbor.example', weekdayHours(weekdays, '09:00', '17:00'));
    const sam = staffMember('Sam Patel', 'sam@harbor.example', weekdayHours(weekdays, '09:00', '17:00'));
    const jordan = staffMember('Jordan Lee', 'jordan@harbor.example', [
      ...weekdayHours(['TUE'], '18:30', '20:30'),
      ...weekdayHours(['SAT', 'SUN'], '08:30', '13:00'),
    ]);
    for (const s of [maya, alex, sam, jordan]) await storage.staff.insert(s);

    const location = [
      {
        type: 'BUSINESS' as const,
        business: {
          id: businessId,
          name: 'Harbor Studio',
          default: true,
          address: { formattedAddress: '12 Harbor Street, Brooklyn, NY 11201' },
        },
      },
    ];
    const service = (
      fields: Partial<Service> & Pick<Service, 'type' | 'name' | 'payment' | 'defaultCapacity' | 'bookingPolicy'>,
    ): Service => ({
      id: id(),
      hidden: false,
      onlineBooking: { enabled: true, requireManualApproval: false, allowMultipleRequests: false },
      schedule: { id: id(), availabilityConstraints: { sessionDurations: [60], timeBetweenSessions: 0 } },
      staffMemberIds: [],
      locations: location,
      createdDate: stamp,
      updatedDate: stamp,
      revision: '1',
      ...fields,
    });

    // Distinct creation stamps keep the catalogue's default order (createdDate ASC) the order written here.
    const created = (n: number) => iso(now.epochMilliseconds + n);

    const vinyasa = service({
      type: 'CLASS',
      name: 'Vinyasa Flow',
      tagLine: 'A flowing, breath-led practice for every level.',
      description: 'Sixty minutes of linked movement and breath with Maya Chen. Mats provided.',
      category: yoga,
      defaultCapacity: 12,
      bookingPolicy: flow,
      staffMemberIds: [maya.id],
      createdDate: created(1),
      payment: {
        rateType: 'FIXED',
        fixed: { price: usd('20.00') },
        options: { online: true, inPerson: true, deposit: false, pricingPlan: true },
        pricingPlanIds: [],
      },
    });
    const community = service({
      type: 'CLASS',
      name: 'Community Yoga',
      tagLine: 'Free Saturday practice, open to all.',
      description: 'A gentle, free class for the neighbourhood. Confirmed at once.',
      category: yoga,
      defaultCapacity: 3,
      bookingPolicy: standard,
      staffMemberIds: [jordan.id],
      createdDate: created(2),
      payment: { rateType: 'NO_FEE', options: { online: false, inPerson: true, deposit: false, pricingPlan: false }, pricingPlanIds: [] },
    });
    const climb = service({
      type: 'CLASS',
      name: 'Family Climb',
      tagLine: 'Bouldering for grown-ups and kids together.',
      description: 'Ninety minutes on the wall with a coach. Bring up to six people.',
      category: family_,
      defaultCapacity: 10,
      bookingPolicy: family,
      staffMemberIds: [jordan.id],
      createdDate: created(3),
      schedule: { id: id(), availabilityConstraints: { sessionDurations: [90], timeBetweenSessions: 0 } },
      payment: {
        rateType: 'VARIED',
        varied: { defaultPrice: usd('18.00') },
        options: { online: true, inPerson: true, deposit: false, pricingPlan: false },
        pricingPlanIds: [],
      },
    });
    const training1to1 = service({
      type: 'APPOINTMENT',
      name: 'Personal Training',
      tagLine: 'One-to-one coaching, 30 or 60 minutes.',
      description: 'A session planned around your goals with Alex or Sam. We confirm every request personally.',
      category: training,
      defaultCapacity: 1,
      bookingPolicy: standard,
      staffMemberIds: [alex.id, sam.id],
      createdDate: created(4),
      onlineBooking: { enabled: true, requireManualApproval: true, allowMultipleRequests: false },
      schedule: { id: id(), availabilityConstraints: { sessionDurations: [30, 60], timeBetweenSessions: 0 } },
      payment: {
        rateType: 'VARIED',
        varied: { defaultPrice: usd('80.00'), deposit: usd('20.00'), fullUpfrontPaymentAllowed: true },
        options: { online: true, inPerson: false, deposit: true, pricingPlan: false },
        pricingPlanIds: [],
      },
    });
    const course = service({
      type: 'COURSE',
      name: 'Strength Foundations',
      tagLine: 'Six weeks to lift with confidence.',
      description: 'Six weekly Tuesday evening sessions on the basics of strength training.',
      category: training,
      defaultCapacity: 8,
      bookingPolicy: standard,
      staffMemberIds: [jordan.id],
      createdDate: created(5),
      payment: {
        rateType: 'FIXED',
        fixed: { price: usd('150.00'), deposit: usd('50.00'), fullUpfrontPaymentAllowed: true },
        options: { online: true, inPerson: false, deposit: true, pricingPlan: false },
        pricingPlanIds: [],
      },
    });
    for (const s of [vinyasa, community, climb, training1to1, course]) await storage.catalogue.insertService(s);

    const variants = (
      serviceId: string,
      options: ServiceOptionsAndVariants['options'],
      values: ServiceOptionsAndVariants['variants']['values'],
    ): ServiceOptionsAndVariants => ({ id: id(), serviceId, options, variants: { values }, revision: '1' });
    const ticket = id();
    await storage.catalogue.insertVariants(
      variants(climb.id, { values: [{ id: ticket, type: 'CUSTOM', customData: { name: 'Ticket', choices: ['Adult', 'Child'] } }] }, [
        { id: id(), choices: [{ optionId: ticket, custom: 'Adult' }], price: usd('18.00') },
        { id: id(), choices: [{ optionId: ticket, custom: 'Child' }], price: usd('10.00') },
      ]),
    );
    const duration = id();
    await storage.catalogue.insertVariants(
      variants(training1to1.id, { values: [{ id: duration, type: 'DURATION', durationData: { name: 'Length' } }] }, [
        { id: id(), choices: [{ optionId: duration, duration: { minutes: 30, name: '30 minutes' } }], price: usd('45.00') },
        { id: id(), choices: [{ optionId: duration, duration: { minutes: 60, name: '60 minutes' } }], price: usd('80.00') },
      ]),
    );

    const rule = (s: Service, start: string, minutes: number, staffId: string, recurrence?: SessionRule['recurrence']): SessionRule => ({
      id: id(),
      scheduleId: s.schedule.id,
      serviceId: s.id,
      title: s.name,
      start,
      durationInMinutes: minutes,
      ...(recurrence ? { recurrence } : {}),
      staffMemberId: staffId,
      capacity: s.defaultCapacity,
      revision: '1',
    });
    const weekly = (days: Weekday[], count?: number): SessionRule['recurrence'] => ({
      frequency: 'WEEKLY',
      days,
      ...(count ? { count } : {}),
    });
    const saturday = weekStart.add({ days: 5 });
    const sunday = weekStart.add({ days: 6 });
    for (const r of [
      rule(vinyasa, at(weekStart, '07:00'), 60, maya.id, weekly(['MON', 'WED', 'FRI'])),
      rule(vinyasa, at(weekStart, '18:00'), 60, maya.id, weekly(['MON', 'WED', 'FRI'])),
      rule(community, at(saturday, '10:00'), 60, jordan.id, weekly(['SAT'])),
      rule(climb, at(sunday, '09:00'), 90, jordan.id, weekly(['SUN'])),
      rule(climb, at(sunday, '11:00'), 90, jordan.id, weekly(['SUN'])),
      rule(course, at(nextTuesday, '19:00'), 60, jordan.id, weekly(['TUE'], 6)),
    ]) {
      await storage.schedules.insertRule(r);
    }

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
    return { seeded: true, businessId };
  });
}
