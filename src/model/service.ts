/** Catalogue types (contract section 3), named as Wix Bookings V2 names them. */
import type { Money, Timestamp } from './common.js';
import type { BookingPolicy } from './policy.js';

export type ServiceType = 'APPOINTMENT' | 'CLASS' | 'COURSE';
export type RateType = 'FIXED' | 'VARIED' | 'NO_FEE' | 'CUSTOM';

export interface FixedPayment {
  price: Money;
  deposit?: Money;
  fullUpfrontPaymentAllowed?: boolean;
}

export interface VariedPayment {
  defaultPrice: Money;
  deposit?: Money;
  minPrice?: Money;
  maxPrice?: Money;
  fullUpfrontPaymentAllowed?: boolean;
}

export interface PaymentOptions {
  online: boolean;
  inPerson: boolean;
  deposit: boolean;
  pricingPlan: boolean;
}

export interface ServicePayment {
  rateType: RateType;
  fixed?: FixedPayment;
  varied?: VariedPayment;
  custom?: { description: string };
  options: PaymentOptions;
  pricingPlanIds: string[];
}

export interface OnlineBooking {
  enabled: boolean;
  requireManualApproval: boolean;
  allowMultipleRequests: boolean;
}

export interface AvailabilityConstraints {
  /** Appointment lengths in minutes. */
  sessionDurations: number[];
  /** Minutes kept free after each appointment. */
  timeBetweenSessions: number;
}

export interface ServiceSchedule {
  id: string;
  firstSessionStart?: Timestamp;
  lastSessionEnd?: Timestamp;
  availabilityConstraints: AvailabilityConstraints;
}

export interface Category {
  id: string;
  name: string;
  sortOrder?: number;
}

export interface MediaItem {
  image: { id?: string; url: string; width?: number; height?: number; altText?: string };
}

export interface Media {
  items: MediaItem[];
  mainMedia?: MediaItem;
  coverMedia?: MediaItem;
}

export type LocationType = 'BUSINESS' | 'CUSTOM' | 'CUSTOMER';

export interface Address {
  formattedAddress?: string;
  city?: string;
  country?: string;
  postalCode?: string;
  streetAddress?: { name?: string; number?: string };
}

export interface ServiceLocation {
  id?: string;
  type: LocationType;
  business?: { id: string; name: string; default?: boolean; address?: Address };
  custom?: { id?: string; address?: Address };
  calculatedAddress?: Address;
}

export interface Service {
  id: string;
  appId?: string;
  type: ServiceType;
  name: string;
  description?: string;
  tagLine?: string;
  media?: Media;
  hidden?: boolean;
  category?: Category;
  defaultCapacity: number;
  payment: ServicePayment;
  onlineBooking: OnlineBooking;
  schedule: ServiceSchedule;
  staffMemberIds: string[];
  locations: ServiceLocation[];
  bookingPolicy: BookingPolicy;
  mainSlug?: { name: string };
  createdDate: Timestamp;
  updatedDate: Timestamp;
  revision: string;
}

/** Options and variants (Wix `serviceOptionsAndVariants`). */
export type ServiceOptionType = 'CUSTOM' | 'STAFF_MEMBER' | 'DURATION';

export interface ServiceOption {
  id: string;
  type: ServiceOptionType;
  customData?: { name: string; choices: string[] };
  durationData?: { name: string };
}

export interface ServiceChoice {
  optionId: string;
  choiceId?: string;
  custom?: string;
  staffMemberId?: string;
  duration?: { minutes: number; name?: string };
}

export interface ServiceVariant {
  id?: string;
  choices: ServiceChoice[];
  price: Money;
}

export interface ServiceOptionsAndVariants {
  id: string;
  serviceId: string;
  options: { values: ServiceOption[] };
  variants: { values: ServiceVariant[] };
  minPrice?: Money;
  maxPrice?: Money;
  revision: string;
}
