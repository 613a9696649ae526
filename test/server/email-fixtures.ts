/** A booking, its business and service for the email tests: 18:00 in Lisbon, booked by a customer in New York. */
import type { Booking } from '../../src/model/booking.js';
import type { Business } from '../../src/model/business.js';
import type { EmailContext, EmailKind } from '../../server/notifications/email/index.js';
import { manageUrl } from '../../server/notifications/email/index.js';

export const HOSTILE_NAME = `<script>alert(1)</script>"onerror=alert(2) 'x' & co`;
export const TOKEN = 'anon_tok-123';
export const MANAGE_URL = manageUrl('https://studio.example', TOKEN);

export const business: Business = {
  id: 'biz1',
  name: 'Lisbon Yoga Studio',
  timeZone: 'Europe/Lisbon',
  currency: 'EUR',
  locale: 'en',
  email: 'owner@studio.example',
};

export function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk_0001',
    bookedEntity: {
      title: 'Private yoga',
      slot: {
        serviceId: 'svc1',
        scheduleId: 'sch1',
        startDate: '2026-12-01T18:00:00',
        endDate: '2026-12-01T19:00:00',
        timezone: 'Europe/Lisbon',
        resource: { id: 'st1', name: 'Ana Silva' },
        location: { locationType: 'OWNER_BUSINESS', name: 'Rua Augusta 10, Lisbon' },
      },
    },
    contactDetails: { firstName: 'Maya', lastName: 'Cohen', email: 'maya@customer.example', timeZone: 'America/New_York' },
    totalParticipants: 1,
    status: 'CONFIRMED',
    paymentStatus: 'NOT_PAID',
    startDate: '2026-12-01T18:00:00.000Z',
    endDate: '2026-12-01T19:00:00.000Z',
    createdDate: '2026-11-20T10:00:00.000Z',
    updatedDate: '2026-11-20T10:00:00.000Z',
    revision: '1',
    ...overrides,
  };
}

export function customerContext(overrides: Partial<EmailContext> = {}): EmailContext {
  const b = overrides.booking ?? booking();
  return {
    booking: b,
    service: { name: 'Private yoga' },
    business,
    recipient: { email: b.contactDetails.email ?? 'maya@customer.example', role: 'customer' },
    manageUrl: MANAGE_URL,
    price: { value: '45.00', currency: 'EUR' },
    ...overrides,
  };
}

export function businessContext(kind: EmailKind, overrides: Partial<EmailContext> = {}): EmailContext {
  return {
    booking: booking({ ...(kind === 'business-double-booking' ? { doubleBooked: true } : {}) }),
    service: { name: 'Private yoga' },
    business,
    recipient: { email: 'owner@studio.example', role: 'owner', name: 'Studio owner' },
    consoleUrl: 'https://studio.example/console/bookings/bk_0001',
    ...overrides,
  };
}

export const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//email//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:bk_0001@studio.example',
  'SEQUENCE:0',
  'DTSTAMP:20261120T100000Z',
  'DTSTART:20261201T180000Z',
  'DTEND:20261201T190000Z',
  'SUMMARY:Private yoga',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
