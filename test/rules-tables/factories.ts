/** Small factories for the shared rules' tables: a service in a currency, its variants, a policy, a booking. */
import type { Booking, BookingStatus } from '../../src/model/booking.js';
import type { BookingPolicy } from '../../src/model/policy.js';
import type { RateType, Service, ServiceOptionsAndVariants } from '../../src/model/service.js';

const money = (value: string, currency: string) => ({ value, currency });

interface ServiceSpec {
  currency: string;
  rate?: RateType;
  /** Fixed price, or the default price of a VARIED service. */
  price?: string;
  deposit?: string;
  online?: boolean;
  inPerson?: boolean;
  pricingPlan?: boolean;
  fullUpfrontPaymentAllowed?: boolean;
}

export function aPolicy(overrides: Partial<Pick<BookingPolicy, 'cancellationPolicy' | 'reschedulePolicy'>> = {}): BookingPolicy {
  return {
    id: 'policy',
    limitEarlyBookingPolicy: { enabled: false, earliestBookingInMinutes: 0 },
    limitLateBookingPolicy: { enabled: false, latestBookingInMinutes: 0 },
    cancellationPolicy: { enabled: true, limitLatestCancellation: true, latestCancellationInMinutes: 60 },
    reschedulePolicy: { enabled: true, limitLatestReschedule: true, latestRescheduleInMinutes: 120 },
    waitlistPolicy: { enabled: false, capacity: 0, reservationTimeInMinutes: 0 },
    participantsPolicy: { maxParticipantsPerBooking: 10 },
    ...overrides,
  };
}

export function aRuleService(spec: ServiceSpec, policy: BookingPolicy = aPolicy()): Service {
  const rate = spec.rate ?? 'FIXED';
  const price = money(spec.price ?? '0', spec.currency);
  const deposit = spec.deposit ? { deposit: money(spec.deposit, spec.currency) } : {};
  const terms = { ...deposit, ...(spec.fullUpfrontPaymentAllowed === false ? { fullUpfrontPaymentAllowed: false } : {}) };
  return {
    id: `svc-${spec.currency}`,
    type: 'CLASS',
    name: `Class in ${spec.currency}`,
    defaultCapacity: 10,
    payment: {
      rateType: rate,
      ...(rate === 'FIXED' ? { fixed: { price, ...terms } } : rate === 'VARIED' ? { varied: { defaultPrice: price, ...terms } } : {}),
      ...(rate === 'CUSTOM' ? { custom: { description: 'Ask us' } } : {}),
      options: {
        online: spec.online ?? true,
        inPerson: spec.inPerson ?? true,
        deposit: spec.deposit !== undefined,
        pricingPlan: spec.pricingPlan ?? false,
      },
      pricingPlanIds: [],
    },
    onlineBooking: { enabled: true, requireManualApproval: false, allowMultipleRequests: false },
    schedule: { id: 'sch', availabilityConstraints: { sessionDurations: [60], timeBetweenSessions: 0 } },
    staffMemberIds: [],
    locations: [],
    bookingPolicy: policy,
    createdDate: '2030-01-01T00:00:00Z',
    updatedDate: '2030-01-01T00:00:00Z',
    revision: '1',
  };
}

/** Adult and Child variants of one custom option, priced in `currency`. */
export function ageVariants(currency: string, adult: string, child: string): ServiceOptionsAndVariants {
  const choice = (custom: string) => [{ optionId: 'opt-age', custom }];
  return {
    id: 'vars',
    serviceId: `svc-${currency}`,
    options: { values: [{ id: 'opt-age', type: 'CUSTOM', customData: { name: 'Age', choices: ['Adult', 'Child'] } }] },
    variants: {
      values: [
        { id: 'v-adult', choices: choice('Adult'), price: money(adult, currency) },
        { id: 'v-child', choices: choice('Child'), price: money(child, currency) },
      ],
    },
    revision: '1',
  };
}

export const START = '2030-06-01T10:00:00.000Z';
/** The instant `minutes` (plus `ms`) before START. */
export const before = (minutes: number, ms = 0) => new Date(Date.parse(START) - minutes * 60_000 + ms).toISOString();

export function aRuleBooking(status: BookingStatus = 'CONFIRMED', overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk-rules',
    bookedEntity: { slot: { serviceId: 'svc-USD', scheduleId: 'sch' }, title: 'Class' },
    contactDetails: { firstName: 'Ada', email: 'ada@example.com' },
    status,
    paymentStatus: 'NOT_PAID',
    startDate: START,
    endDate: '2030-06-01T11:00:00.000Z',
    totalParticipants: 1,
    createdDate: '2030-01-01T00:00:00Z',
    updatedDate: '2030-01-01T00:00:00Z',
    revision: '1',
    ...overrides,
  };
}
