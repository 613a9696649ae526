/** Building the contract's TimeSlot from computed facts (pure). */
import type { Service } from '../../../src/model/service.js';
import type { SlotLocation, TimeSlot, BookingPolicyViolations, EventInfo } from '../../../src/model/availability.js';
import { violatesPolicy } from './policy.js';
import { localText } from './time.js';

/** The resource type id we give staff members in `availableResources` and accept in `resourceTypes`. */
export const STAFF_RESOURCE_TYPE = 'staff';

export function slotLocation(service: Service): SlotLocation | undefined {
  const l = service.locations[0];
  if (!l) return undefined;
  if (l.type === 'BUSINESS' && l.business) {
    const address = l.business.address?.formattedAddress;
    return { id: l.business.id, name: l.business.name, ...(address ? { formattedAddress: address } : {}), locationType: 'BUSINESS' };
  }
  if (l.type === 'CUSTOM') {
    const address = l.custom?.address?.formattedAddress;
    return { ...(l.custom?.id ? { id: l.custom.id } : {}), ...(address ? { formattedAddress: address } : {}), locationType: 'CUSTOM' };
  }
  return { locationType: l.type };
}

export interface SlotFacts {
  service: Service;
  zone: string;
  startMs: number;
  endMs: number;
  totalCapacity: number;
  remainingCapacity: number;
  staff: { id: string; name: string }[];
  violations: BookingPolicyViolations;
  cancelled?: boolean;
  eventInfo?: EventInfo;
}

export function timeSlot(f: SlotFacts): TimeSlot {
  const cancelled = f.cancelled ?? false;
  const violates = violatesPolicy(f.violations);
  const noRoom = f.remainingCapacity <= 0;
  const location = slotLocation(f.service);
  return {
    serviceId: f.service.id,
    scheduleId: f.service.schedule.id,
    localStartDate: localText(f.startMs, f.zone),
    localEndDate: localText(f.endMs, f.zone),
    bookable: !cancelled && !violates && !noRoom,
    totalCapacity: f.totalCapacity,
    remainingCapacity: f.remainingCapacity,
    bookableCapacity: cancelled ? 0 : f.remainingCapacity,
    ...(f.eventInfo ? { eventInfo: f.eventInfo } : {}),
    availableResources:
      f.staff.length > 0 ? [{ resourceTypeId: STAFF_RESOURCE_TYPE, resources: f.staff, hasMoreAvailableResources: false }] : [],
    ...(location ? { location } : {}),
    bookingPolicyViolations: f.violations,
    nonBookableReasons: { noRemainingCapacity: noRoom, violatesBookingPolicy: violates, eventCancelled: cancelled },
  };
}
