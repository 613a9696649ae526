/** The demo's catalogue: five services of every kind and price model, and the variants of two of them. */
import type { Service, ServiceOptionsAndVariants } from '../../src/model/service.js';
import type { DemoTeam } from './demo-team.js';
import { id, iso, usd, type SeedContext } from './demo-values.js';

export interface DemoServices {
  vinyasa: Service;
  community: Service;
  climb: Service;
  training1to1: Service;
  course: Service;
}

export async function seedCatalogue({ storage, businessId, now, stamp }: SeedContext, team: DemoTeam): Promise<DemoServices> {
  const { standard, flow, family } = team.policies;
  const { yoga, family: family_, training } = team.categories;
  const { maya, alex, sam, jordan } = team.staff;
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
  return { vinyasa, community, climb, training1to1, course };
}
