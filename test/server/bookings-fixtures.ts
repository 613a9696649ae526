/**
 * Small factories for the bookings tests: a server on a fixed clock, visitors, demo services and their class
 * sessions (event ids built through availability's own encoder), and booking requests.
 */
import { Temporal } from 'temporal-polyfill';
import { encodeEventId } from '../../server/domain/availability/event-id.js';
import { DEMO_STAFF } from '../../server/seed/demo-accounts.js';
import { startServer, OWNER_KEY, type TestServer } from './helpers.js';

/** Tuesday 1 December 2026, 10:00 in New York: the week starts Monday 30 November. */
export const NOW = new Date('2026-12-01T15:00:00.000Z');

/** A server seeded at `now` whose clock the test may move (`clock.now = ...`). */
export async function startBookingServer(now: Date = NOW): Promise<{ server: TestServer; clock: { now: Date } }> {
  const clock = { now };
  const server = await startServer({ now: Temporal.Instant.fromEpochMilliseconds(now.getTime()), server: { clock: () => clock.now } });
  return { server, clock };
}

export async function visitorToken(server: TestServer): Promise<string> {
  const { status, body } = await server.call('POST', '/oauth2/token', { body: { clientId: 'test', grantType: 'anonymous' } });
  if (status !== 200) throw new Error(`token: ${status} ${JSON.stringify(body)}`);
  return body.access_token as string;
}

/** An access token of the demo STAFF account (Alex Rivera's), signed in as the console signs in. */
export async function staffToken(server: TestServer): Promise<string> {
  const { status, body } = await server.call('POST', '/oauth2/token', {
    body: { grantType: 'password', email: DEMO_STAFF.email, password: DEMO_STAFF.password, scope: 'business' },
  });
  if (status !== 200) throw new Error(`staff token: ${status} ${JSON.stringify(body)}`);
  return body.access_token as string;
}

export interface DemoService {
  id: string;
  name: string;
  scheduleId: string;
}

export async function serviceNamed(server: TestServer, name: string): Promise<DemoService> {
  const { body } = await server.call('POST', '/bookings/v2/services/query', { body: { query: { filter: { name } } } });
  const s = body.services[0];
  if (!s) throw new Error(`no service ${name}`);
  return { id: s.id, name: s.name, scheduleId: s.schedule.id };
}

/** The event id of the session of `service` starting at `localStart` (the rule whose time of day matches). */
export async function eventIdAt(server: TestServer, service: DemoService, localStart: string): Promise<string> {
  const rules = await server.storage.schedules.listRules({ serviceId: service.id });
  const rule = rules.find((r) => r.start.slice(11, 16) === localStart.slice(11, 16));
  if (!rule) throw new Error(`no rule of ${service.name} at ${localStart}`);
  return encodeEventId({ ruleId: rule.id, localStart });
}

let emails = 0;
export function classBooking(service: DemoService, eventId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  emails += 1;
  return {
    booking: {
      bookedEntity: { slot: { serviceId: service.id, eventId } },
      contactDetails: { firstName: 'Test', lastName: `Visitor ${emails}`, email: `visitor${emails}@example.com` },
      totalParticipants: 1,
      ...extra,
    },
  };
}

export function appointmentBooking(
  service: DemoService,
  startDate: string,
  endDate: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  emails += 1;
  return {
    booking: {
      bookedEntity: { slot: { serviceId: service.id, scheduleId: service.scheduleId, startDate, endDate, timezone: 'America/New_York' } },
      contactDetails: { firstName: 'Test', email: `visitor${emails}@example.com` },
      totalParticipants: 1,
      selectedPaymentOption: 'ONLINE',
      ...extra,
    },
  };
}

export { OWNER_KEY };
