/** The demo's people and rules: three booking policies, three categories and four staff members with their hours. */
import type { BookingPolicy } from '../../src/model/policy.js';
import type { Category } from '../../src/model/service.js';
import type { StaffMember, WorkingHours, Weekday } from '../../src/model/business.js';
import { makePolicy } from './policies.js';
import { id, type SeedContext } from './demo-values.js';

export interface DemoTeam {
  policies: { standard: BookingPolicy; flow: BookingPolicy; family: BookingPolicy };
  categories: { yoga: Category; family: Category; training: Category };
  staff: { maya: StaffMember; alex: StaffMember; sam: StaffMember; jordan: StaffMember };
}

function weekdayHours(days: Weekday[], startTime: string, endTime: string): WorkingHours[] {
  return days.map((day) => ({ day, startTime, endTime }));
}

export async function seedTeam({ storage, stamp }: SeedContext): Promise<DemoTeam> {
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
    timeOff: [],
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
  return {
    policies: { standard, flow, family },
    categories: { yoga, family: family_, training },
    staff: { maya, alex, sam, jordan },
  };
}
