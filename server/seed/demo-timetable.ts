/**
 * The demo's timetable: class sessions recur from the Monday of the seeding week on; the course starts on the
 * next Tuesday after the seeding date (in the studio's zone).
 */
import type { Temporal } from 'temporal-polyfill';
import type { Service } from '../../src/model/service.js';
import type { SessionRule, Weekday } from '../../src/model/business.js';
import type { DemoTeam } from './demo-team.js';
import type { DemoServices } from './demo-catalogue.js';
import { DEMO_TIME_ZONE, id, type SeedContext } from './demo-values.js';

export async function seedTimetable({ storage, now }: SeedContext, { staff }: DemoTeam, services: DemoServices): Promise<void> {
  const { maya, jordan } = staff;
  const { vinyasa, community, climb, course } = services;
  const today = now.toZonedDateTimeISO(DEMO_TIME_ZONE).toPlainDate();
  const weekStart = today.subtract({ days: today.dayOfWeek - 1 });
  const daysToTuesday = (2 - today.dayOfWeek + 7) % 7 || 7;
  const nextTuesday = today.add({ days: daysToTuesday });
  const at = (date: Temporal.PlainDate, time: string) => `${date.toString()}T${time}:00`;

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
}
