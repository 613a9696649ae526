/** Small factories for the flow's tests: services, slots, bookings as the contract shapes them. */
import type { Booking, Service, TimeSlot, Checkout } from '../../../src/model/index.js';

export function aService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'svc-yoga',
    type: 'CLASS',
    name: 'Community Yoga',
    defaultCapacity: 3,
    payment: { rateType: 'NO_FEE', options: { online: false, inPerson: true, deposit: false, pricingPlan: false }, pricingPlanIds: [] },
    onlineBooking: { enabled: true, requireManualApproval: false, allowMultipleRequests: false },
    schedule: { id: 'sch-yoga', availabilityConstraints: { sessionDurations: [60], timeBetweenSessions: 0 } },
    staffMemberIds: [],
    locations: [],
    bookingPolicy: {
      id: 'p',
      limitEarlyBookingPolicy: { enabled: false, earliestBookingInMinutes: 0 },
      limitLateBookingPolicy: { enabled: false, latestBookingInMinutes: 0 },
      cancellationPolicy: { enabled: true, limitLatestCancellation: false, latestCancellationInMinutes: 0 },
      reschedulePolicy: { enabled: false, limitLatestReschedule: false, latestRescheduleInMinutes: 0 },
      waitlistPolicy: { enabled: false, capacity: 0, reservationTimeInMinutes: 0 },
      participantsPolicy: { maxParticipantsPerBooking: 1 },
    },
    createdDate: '2026-01-01T00:00:00Z',
    updatedDate: '2026-01-01T00:00:00Z',
    revision: '1',
    ...overrides,
  };
}

export function aSlot(start: string, overrides: Partial<TimeSlot> = {}): TimeSlot {
  const end = start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`);
  return {
    serviceId: 'svc-yoga',
    scheduleId: 'sch-yoga',
    localStartDate: start,
    localEndDate: end,
    bookable: true,
    totalCapacity: 3,
    remainingCapacity: 3,
    bookableCapacity: 3,
    eventInfo: { eventId: `ev-${start}` },
    availableResources: [],
    bookingPolicyViolations: { tooEarlyToBook: false, tooLateToBook: false, bookOnlineDisabled: false },
    nonBookableReasons: { noRemainingCapacity: false, violatesBookingPolicy: false, eventCancelled: false },
    ...overrides,
  };
}

export function aBooking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk-1',
    bookedEntity: { slot: { serviceId: 'svc-yoga', scheduleId: 'sch-yoga' }, title: 'Community Yoga' },
    contactDetails: {},
    status: 'CREATED',
    paymentStatus: 'UNDEFINED',
    startDate: '2026-11-28T15:00:00.000Z',
    createdDate: '2026-11-24T00:00:00Z',
    updatedDate: '2026-11-24T00:00:00Z',
    revision: '1',
    ...overrides,
  };
}

export function aCheckout(payNow: string): Checkout {
  // eCom's price shape, as the server answers a checkout.
  const price = (value: string) => ({
    amount: value,
    convertedAmount: value,
    formattedAmount: `$${value}`,
    formattedConvertedAmount: `$${value}`,
  });
  const m = (value: string) => ({ subtotal: price(value), total: price(value) });
  return {
    id: 'co-1',
    lineItems: [],
    priceSummary: m('80.00'),
    payNow: m(payNow),
    payLater: m('0.00'),
    currency: 'USD',
    createdDate: '',
    updatedDate: '',
  };
}
