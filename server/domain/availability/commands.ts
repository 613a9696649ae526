/**
 * What callers ask of availability and of the owner's schedule, as plain types the domain owns.
 * test/server/schema-types.test.ts proves the HTTP schemas' static types equal these.
 */
import type { SessionRule, TimeOff, WorkingHours } from '../../../src/model/business.js';
import type { BusinessAddress, BusinessSchedule } from '../../../src/model/business-settings.js';

export interface CursorPaging {
  limit?: number;
  cursor?: string | null;
}

export interface AppointmentSlotsQuery {
  serviceId: string;
  fromLocalDate?: string;
  toLocalDate?: string;
  timeZone?: string;
  bookable?: boolean;
  cursorPaging?: CursorPaging;
  customerChoices?: { durationInMinutes?: number };
  resourceTypes?: { resourceTypeId: string; resourceIds?: string[] }[];
}

export interface EventSlotsQuery {
  serviceIds: string[];
  fromLocalDate?: string;
  toLocalDate?: string;
  timeZone?: string;
  includeNonBookable?: boolean;
  minBookableCapacity?: number;
  cursorPaging?: CursorPaging;
}

export interface CourseQuery {
  serviceId: string;
  timeZone?: string;
}

export interface StaffFields {
  name: string;
  email?: string;
  workingHours?: WorkingHours[];
  timeOff?: TimeOff[];
}

export type StaffUpdate = Partial<StaffFields> & { revision: string };

export type SessionRuleFields = Omit<SessionRule, 'id' | 'scheduleId' | 'revision'>;

export type SessionRuleUpdate = Partial<SessionRuleFields> & { revision: string };

export interface BusinessUpdate {
  timeZone?: string;
  siteDisplayName?: string;
  /** The business settings' part (server/domain/settings/site-properties.ts). */
  paymentCurrency?: string;
  email?: string;
  phone?: string;
  address?: BusinessAddress;
  businessSchedule?: BusinessSchedule;
}
