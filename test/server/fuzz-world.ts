/**
 * The fuzz suite's world: a real server (rate limits off, the static sites on), every route it registers,
 * callers of each kind (anonymous, visitor, member, owner, junk) and real ids to put into paths and bodies.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { buildServer, type ServerOptions } from '../../server/app.js';
import { createSqliteStorage } from '../../server/storage/sqlite/index.js';
import { startServer, OWNER_KEY, type TestServer } from './helpers.js';
import { NOW, eventIdAt, serviceNamed, classBooking } from './bookings-fixtures.js';
import { listRoutes, type RouteTemplate } from './fuzz-routes.js';
import type { FuzzIds } from './fuzz-shapes.js';
import { BOOKINGS_APP_ID } from '../../src/model/checkout.js';

export type CallerKind = 'anonymous' | 'visitor' | 'member' | 'owner' | 'junk';

export interface FuzzWorld {
  server: TestServer;
  routes: RouteTemplate[];
  ids: FuzzIds;
  /** The Authorization header each kind of caller sends (none for anonymous). */
  authorization: Record<CallerKind, string[]>;
}

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The fuzz server's options: the real server as the CLI builds it, minus rate limits (the fuzzer is one client). */
function fuzzOptions(): Partial<ServerOptions> {
  const staticRoots = [
    { prefix: '/widget/', root: root('dist') },
    { prefix: '/', root: root('demo') },
  ].filter((r) => existsSync(r.root));
  return { rateLimits: false, staticRoots } as Partial<ServerOptions>;
}

/** Routes of a twin built with the same options: `startServer` does not hand out its Fastify instance. */
async function routesOf(options: Partial<ServerOptions>): Promise<RouteTemplate[]> {
  const storage = createSqliteStorage(':memory:');
  const twin = await buildServer({ storage, ownerKey: OWNER_KEY, ...options });
  await twin.ready();
  try {
    return listRoutes(twin);
  } finally {
    await twin.close();
    await storage.close();
  }
}

async function must<T>(what: string, answer: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`fuzz set-up: ${what} answered ${status} ${JSON.stringify(body)}`);
  return body;
}

export async function startFuzzWorld(): Promise<FuzzWorld> {
  const options = fuzzOptions();
  const server = await startServer({
    now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
    server: { ...options, clock: () => NOW },
  });
  const routes = await routesOf(options);
  const call = server.call.bind(server);

  const visitor = await must<{ access_token: string }>(
    'visitor token',
    call('POST', '/oauth2/token', { body: { clientId: 'fuzz', grantType: 'anonymous' } }),
  );
  const spare = await must<{ refresh_token: string }>(
    'spare token',
    call('POST', '/oauth2/token', { body: { clientId: 'fuzz', grantType: 'anonymous' } }),
  );
  const credentials = { email: 'fuzz.member@example.com', password: 'a long fuzzing password' };
  await must('member', call('POST', '/members/v1/members/register', { body: { ...credentials, firstName: 'Fuzz', lastName: 'Member' } }));
  const member = await must<{ access_token: string }>(
    'member token',
    call('POST', '/oauth2/token', { body: { grantType: 'password', ...credentials } }),
  );

  const yoga = await serviceNamed(server, 'Community Yoga');
  const training = await serviceNamed(server, 'Personal Training');
  const eventId = await eventIdAt(server, yoga, '2026-12-05T10:00:00');
  const booking = await must<{ booking: { id: string } }>(
    'booking',
    call('POST', '/bookings/v2/bookings', {
      token: visitor.access_token,
      body: classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }),
    }),
  );
  const bookingId = booking.booking.id;
  const anonymous = await must<{ token: string }>(
    'anonymous token',
    call('GET', `/v1/anonymous-bookings/${bookingId}/token`, { token: visitor.access_token }),
  );
  const checkout = await must<{ checkout: { id: string } }>(
    'checkout',
    call('POST', '/ecom/v1/checkouts', {
      token: visitor.access_token,
      body: { lineItems: [{ catalogReference: { appId: BOOKINGS_APP_ID, catalogItemId: bookingId } }] },
    }),
  );
  const order = await call('POST', `/ecom/v1/checkouts/${checkout.checkout.id}/create-order`, { token: visitor.access_token, body: {} });
  const variants = await must<{ serviceOptionsAndVariantsList: { id: string }[] }>(
    'variants',
    call('POST', '/bookings/v1/serviceOptionsAndVariants/query', {}),
  );
  const staff = await must<{ staffMembers: { id: string }[] }>('staff', call('GET', '/bookings/v1/staff-members', { token: OWNER_KEY }));
  const rules = await server.storage.schedules.listRules({ serviceId: yoga.id });

  const ids: FuzzIds = {
    serviceId: yoga.id,
    appointmentServiceId: training.id,
    scheduleId: training.scheduleId,
    eventId,
    variantsId: variants.serviceOptionsAndVariantsList[0]?.id ?? 'no-variants',
    staffId: staff.staffMembers[0]?.id ?? 'no-staff',
    ruleId: rules[0]?.id ?? 'no-rule',
    bookingId,
    anonymousToken: anonymous.token,
    checkoutId: checkout.checkout.id,
    orderId: (order.body as { order?: { id?: string } })?.order?.id ?? 'no-order',
    refreshToken: spare.refresh_token,
  };
  const bearer = (token: string) => [`Bearer ${token}`, token];
  return {
    server,
    routes,
    ids,
    authorization: {
      anonymous: [],
      visitor: bearer(visitor.access_token),
      member: bearer(member.access_token),
      owner: bearer(OWNER_KEY),
      junk: [
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        `Bearer ${'x'.repeat(5000)}`,
        `Bearer ${spare.refresh_token}`,
        'Bearer \u00e9\u00e9',
        `Bearer ${OWNER_KEY}x`,
      ],
    },
  };
}
