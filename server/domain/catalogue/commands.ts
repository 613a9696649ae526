/**
 * What the owner sends to create or change services and their options and variants, as plain types the domain
 * owns. test/server/schema-types.test.ts proves the HTTP schemas' static types equal these.
 */
import type {
  AvailabilityConstraints,
  FixedPayment,
  LocationType,
  Media,
  OnlineBooking,
  PaymentOptions,
  RateType,
  ServiceChoice,
  ServiceOption,
  ServiceType,
  VariedPayment,
} from '../../../src/model/service.js';
import type { Money } from '../../../src/model/common.js';

export interface PaymentFields {
  rateType: RateType;
  fixed?: FixedPayment;
  varied?: Omit<VariedPayment, 'minPrice' | 'maxPrice'>;
  custom?: { description: string };
  /** Unset options take defaults from the rate type (catalogue/service-rules.ts). */
  options?: Partial<PaymentOptions>;
  /** The pricing plans that cover the service; unset on an update keeps the ones it has. */
  pricingPlanIds?: string[];
}

export interface ServiceFields {
  type: ServiceType;
  name: string;
  description?: string;
  tagLine?: string;
  hidden?: boolean;
  defaultCapacity?: number;
  /** An existing category by id, or a new one when `name` is sent too. */
  category?: { id: string; name?: string };
  media?: Media;
  payment: PaymentFields;
  onlineBooking?: Partial<OnlineBooking>;
  schedule?: { availabilityConstraints?: Partial<AvailabilityConstraints> };
  staffMemberIds?: string[];
  locations?: LocationFields[];
  bookingPolicy?: { id: string };
}

/** Where the service takes place: the business's place, the customer's, or another address. */
export interface LocationFields {
  id?: string;
  type: LocationType;
  business?: { id: string; name: string; default?: boolean; address?: { formattedAddress?: string } };
  custom?: { id?: string; address?: { formattedAddress?: string } };
}

export type ServiceUpdate = Partial<ServiceFields> & { revision: string };

export interface OptionsAndVariantsFields {
  serviceId: string;
  options: { values: ServiceOption[] };
  variants: { values: { id?: string; choices: Omit<ServiceChoice, 'choiceId'>[]; price: Money }[] };
}

export type OptionsAndVariantsUpdate = OptionsAndVariantsFields & { revision: string };
