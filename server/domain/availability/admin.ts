/**
 * The owner's schedule (extension, shaped after Wix Resources and Calendar events): staff members and their
 * working hours, class and course session rules and cancelling one session (the business's details:
 * server/domain/settings/site-properties.ts).
 * Revision checks as elsewhere: a stale revision is 409 REVISION_MISMATCH and changes nothing.
 */
import { Temporal } from 'temporal-polyfill';
import type { SessionRule, StaffMember, WorkingHours } from '../../../src/model/business.js';
import type { Storage } from '../../storage/types.js';
import type { SessionRuleFields, SessionRuleUpdate, StaffFields, StaffUpdate } from './commands.js';
import { ValidationError, notFound, revisionMismatch } from '../errors.js';
import { decodeEventId } from './event-id.js';
import { isOccurrence } from './sessions.js';
import { minuteOfDay, parseLocalDateTime } from './time.js';
import { checkTimeOff } from './time-off.js';

function checkHours(hours: readonly WorkingHours[], field: string): WorkingHours[] {
  for (const [i, h] of hours.entries()) {
    const open = minuteOfDay(h.startTime);
    const close = minuteOfDay(h.endTime);
    if (open === null || close === null || open >= close) throw ValidationError.field(`${field}[${i}].endTime`, 'must be after startTime');
  }
  // Only the fields of working hours: anything else a request carried is not stored (nor echoed).
  return hours.map(({ day, startTime, endTime }) => ({ day, startTime, endTime }));
}

export class ScheduleAdmin {
  constructor(private readonly storage: Storage) {}

  async createStaff(fields: StaffFields): Promise<StaffMember> {
    const now = new Date().toISOString();
    const staff: StaffMember = {
      id: crypto.randomUUID(),
      name: fields.name,
      ...(fields.email ? { email: fields.email } : {}),
      scheduleId: crypto.randomUUID(),
      workingHours: checkHours(fields.workingHours ?? [], 'staffMember.workingHours'),
      timeOff: checkTimeOff(fields.timeOff ?? [], 'staffMember.timeOff'),
      createdDate: now,
      updatedDate: now,
      revision: '1',
    };
    await this.storage.staff.insert(staff);
    return staff;
  }

  async getStaff(id: string): Promise<StaffMember> {
    const staff = await this.storage.staff.get(id);
    if (!staff) throw notFound('Staff member', id, 'STAFF_MEMBER_NOT_FOUND');
    return staff;
  }

  async updateStaff(id: string, patch: StaffUpdate): Promise<StaffMember> {
    const current = await this.getStaff(id);
    if (patch.revision !== current.revision) throw revisionMismatch('staff member', patch.revision, current.revision);
    const next: StaffMember = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      workingHours: patch.workingHours ? checkHours(patch.workingHours, 'staffMember.workingHours') : current.workingHours,
      timeOff: patch.timeOff ? checkTimeOff(patch.timeOff, 'staffMember.timeOff') : current.timeOff,
      revision: String(Number(current.revision) + 1),
      updatedDate: new Date().toISOString(),
    };
    if (!(await this.storage.staff.update(next, current.revision)))
      throw revisionMismatch('staff member', patch.revision, (await this.getStaff(id)).revision);
    return next;
  }

  async deleteStaff(id: string): Promise<void> {
    if (!(await this.storage.staff.delete(id))) throw notFound('Staff member', id, 'STAFF_MEMBER_NOT_FOUND');
  }

  private async checkRule(rule: SessionRule): Promise<SessionRule> {
    const service = await this.storage.catalogue.getService(rule.serviceId);
    if (!service) throw ValidationError.field('sessionRule.serviceId', 'is not a service of this business');
    if (service.type === 'APPOINTMENT')
      throw ValidationError.field('sessionRule.serviceId', 'is an APPOINTMENT service: its times come from staff working hours');
    const start = parseLocalDateTime(rule.start, 'sessionRule.start');
    if (rule.recurrence?.until) {
      const until = parseLocalDateTime(rule.recurrence.until, 'sessionRule.recurrence.until');
      if (Temporal.PlainDateTime.compare(until, start) < 0)
        throw ValidationError.field('sessionRule.recurrence.until', 'must not be before start');
    }
    if (rule.staffMemberId && !(await this.storage.staff.get(rule.staffMemberId)))
      throw ValidationError.field('sessionRule.staffMemberId', 'is not a staff member');
    return { ...ruleFields(rule), scheduleId: service.schedule.id, start: start.toString({ smallestUnit: 'second' }) };
  }

  async createRule(fields: SessionRuleFields): Promise<SessionRule> {
    // The server names the rule and its revision: a request's own `id` or `revision` never wins.
    const rule = await this.checkRule({ ...fields, id: crypto.randomUUID(), scheduleId: '', revision: '1' });
    await this.storage.schedules.insertRule(rule);
    return rule;
  }

  async getRule(id: string): Promise<SessionRule> {
    const rule = await this.storage.schedules.getRule(id);
    if (!rule) throw notFound('Session rule', id, 'SESSION_RULE_NOT_FOUND');
    return rule;
  }

  async updateRule(id: string, patch: SessionRuleUpdate): Promise<SessionRule> {
    const current = await this.getRule(id);
    if (patch.revision !== current.revision) throw revisionMismatch('session rule', patch.revision, current.revision);
    const { revision: _sent, ...fields } = patch;
    const next = await this.checkRule({ ...current, ...fields, revision: String(Number(current.revision) + 1) });
    if (!(await this.storage.schedules.updateRule(next, current.revision)))
      throw revisionMismatch('session rule', patch.revision, (await this.getRule(id)).revision);
    return next;
  }

  async deleteRule(id: string): Promise<void> {
    if (!(await this.storage.schedules.deleteRule(id))) throw notFound('Session rule', id, 'SESSION_RULE_NOT_FOUND');
  }

  /** Cancel (or restore) one session, named by the event id the time slots carry. */
  async setEventCancelled(eventId: string, cancelled: boolean): Promise<{ eventId: string; status: 'CANCELLED' | 'CONFIRMED' }> {
    const ref = decodeEventId(eventId);
    const rule = ref ? await this.storage.schedules.getRule(ref.ruleId) : null;
    if (!ref || !rule || !isOccurrence(rule, Temporal.PlainDateTime.from(ref.localStart)))
      throw notFound('Event', eventId, 'EVENT_NOT_FOUND');
    await this.storage.schedules.setOccurrenceCancelled(rule.id, ref.localStart, cancelled);
    return { eventId, status: cancelled ? 'CANCELLED' : 'CONFIRMED' };
  }
}

/** The rule's own fields only: a request's unknown keys (at any depth) are not stored or answered. */
function ruleFields(r: SessionRule): SessionRule {
  const recurrence = r.recurrence && {
    frequency: r.recurrence.frequency,
    days: r.recurrence.days,
    ...(r.recurrence.until !== undefined ? { until: r.recurrence.until } : {}),
    ...(r.recurrence.count !== undefined ? { count: r.recurrence.count } : {}),
  };
  return {
    id: r.id,
    scheduleId: r.scheduleId,
    serviceId: r.serviceId,
    ...(r.title !== undefined ? { title: r.title } : {}),
    start: r.start,
    durationInMinutes: r.durationInMinutes,
    ...(recurrence ? { recurrence } : {}),
    ...(r.staffMemberId !== undefined ? { staffMemberId: r.staffMemberId } : {}),
    ...(r.capacity !== undefined ? { capacity: r.capacity } : {}),
    revision: r.revision,
  };
}
