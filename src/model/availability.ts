/** Time Slots V2 (contract section 4). */
import type { LocalDateTime, TimeZone, CursorPaging, CursorPagingMetadata, Timestamp } from './common.js';

export interface SlotResource {
  id: string;
  name: string;
}

export interface AvailableResources {
  resourceTypeId: string;
  resources: SlotResource[];
  hasMoreAvailableResources?: boolean;
}

export interface SlotLocation {
  id?: string;
  name?: string;
  formattedAddress?: string;
  locationType: 'BUSINESS' | 'CUSTOM' | 'CUSTOMER';
}

export interface BookingPolicyViolations {
  tooEarlyToBook: boolean;
  earliestBookingDate?: Timestamp;
  tooLateToBook: boolean;
  bookOnlineDisabled: boolean;
}

export interface NonBookableReasons {
  noRemainingCapacity: boolean;
  violatesBookingPolicy: boolean;
  reservedForWaitingList?: boolean;
  eventCancelled: boolean;
}

export interface EventInfo {
  eventId: string;
  eventTitle?: string;
  waitingList?: { totalCapacity: number; remainingCapacity: number };
}

export interface TimeSlot {
  serviceId: string;
  scheduleId: string;
  localStartDate: LocalDateTime;
  localEndDate: LocalDateTime;
  bookable: boolean;
  totalCapacity: number;
  remainingCapacity: number;
  bookableCapacity: number;
  eventInfo?: EventInfo;
  availableResources: AvailableResources[];
  location?: SlotLocation;
  bookingPolicyViolations: BookingPolicyViolations;
  nonBookableReasons: NonBookableReasons;
}

export interface ResourceTypeFilter {
  resourceTypeId: string;
  resourceIds?: string[];
}

export interface ListAvailabilityTimeSlotsRequest {
  serviceId: string;
  fromLocalDate?: LocalDateTime;
  toLocalDate?: LocalDateTime;
  timeZone?: TimeZone;
  bookable?: boolean;
  cursorPaging?: CursorPaging;
  customerChoices?: { durationInMinutes?: number };
  resourceTypes?: ResourceTypeFilter[];
}

export interface ListEventTimeSlotsRequest {
  serviceIds: string[];
  fromLocalDate?: LocalDateTime;
  toLocalDate?: LocalDateTime;
  timeZone?: TimeZone;
  includeNonBookable?: boolean;
  minBookableCapacity?: number;
  cursorPaging?: CursorPaging;
}

export interface TimeSlotsResponse {
  timeSlots: TimeSlot[];
  timeZone: TimeZone;
  cursorPagingMetadata: CursorPagingMetadata;
}

/** Class sessions: Wix's List Event Time Slots names the same metadata `pagingMetadata`; both are answered. */
export interface EventTimeSlotsResponse extends TimeSlotsResponse {
  pagingMetadata: CursorPagingMetadata;
}

/** A course's schedule as the availability API shows it (extension). */
export interface CourseAvailability {
  serviceId: string;
  scheduleId: string;
  totalSpots: number;
  openSpots: number;
  firstSessionStart: LocalDateTime;
  lastSessionEnd: LocalDateTime;
  timeZone: TimeZone;
  sessions: { localStartDate: LocalDateTime; localEndDate: LocalDateTime }[];
  bookable: boolean;
}
