import type { Booking, ContactDetails } from '../../../src/model/index.js';

/** A booking as the server returns it; override what the test is about. */
export function aBooking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: crypto.randomUUID(),
    bookedEntity: { slot: { serviceId: 'svc-vinyasa', scheduleId: 'sch-vinyasa' }, title: 'Vinyasa Flow' },
    contactDetails: aContact(),
    status: 'CONFIRMED',
    paymentStatus: 'NOT_PAID',
    startDate: '2026-12-02T12:00:00.000Z',
    createdDate: '2026-11-20T09:00:00.000Z',
    updatedDate: '2026-11-20T09:00:00.000Z',
    revision: '1',
    ...overrides,
  };
}

export function aContact(overrides: Partial<ContactDetails> = {}): ContactDetails {
  return { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+1 555 0100', ...overrides };
}

/** A database name of its own per test, so tests never see each other's data. */
export const freshDbName = (): string => `booking-widget-test-${crypto.randomUUID()}`;
