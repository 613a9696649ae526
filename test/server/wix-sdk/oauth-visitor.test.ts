/**
 * The visitor flow through Wix's own OAuthStrategy: it fetches its token with the global `fetch` from Wix's host,
 * so each test routes that host to the server (and only while it runs), as docs/wix-sdk.md tells developers to.
 * Also runs the example of docs/wix-sdk.md, demo/wix-sdk-example.mjs, end to end.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, OAuthStrategy } from '@wix/sdk';
import { fetchTo, modules, startBookingServer } from './sdk-fixtures.js';
import { serviceNamed } from '../bookings-fixtures.js';
import type { TestServer } from '../helpers.js';
// @ts-expect-error -- a plain .mjs script with no types: the test calls its `main` and `redirectWixApis`.
import { main as runExample, redirectWixApis } from '../../../demo/wix-sdk-example.mjs';

type Redirect = (base: string) => () => void;
type Example = (base: string, log: (line: string) => void) => Promise<{ classes: string[]; status: string; total: { amount: string } }>;

describe("Wix's SDK: a visitor through OAuthStrategy", () => {
  let server: TestServer;
  before(async () => {
    ({ server } = await startBookingServer());
  });
  after(() => server.close());

  it('gets a visitor token from /oauth2/token, books with it (sent bare), and sees only its own bookings', async () => {
    const original = globalThis.fetch;
    const restore = (redirectWixApis as Redirect)(server.url);
    try {
      const auth = OAuthStrategy({ clientId: 'sdk-visitor' });
      const client = createClient({ modules, auth, fetch: fetchTo(server.url) });
      const flow = await serviceNamed(server, 'Vinyasa Flow');
      const { timeSlots } = await client.eventTimeSlots.listEventTimeSlots({ serviceIds: [flow.id], cursorPaging: { limit: 1 } });
      const { booking } = await client.bookings.createBooking({
        bookedEntity: { slot: { serviceId: flow.id, eventId: timeSlots?.[0]?.eventInfo?.eventId ?? '' } },
        contactDetails: { firstName: 'Olive', email: 'olive@example.com' },
        totalParticipants: 1,
        selectedPaymentOption: 'ONLINE',
      });
      assert.equal(booking?.status, 'CREATED');
      const tokens = auth.getTokens();
      assert.ok(tokens.accessToken.value, 'the strategy holds the server-issued access token');
      assert.ok(tokens.refreshToken.value);
      const { items } = await client.extendedBookings.queryExtendedBookings().find();
      assert.deepEqual(
        items.map((x) => x.booking?._id),
        [booking?._id],
      );

      // An expired access token is renewed with the refresh token (grantType refresh_token), as against Wix.
      const renewing = OAuthStrategy({
        clientId: 'sdk-visitor',
        tokens: { accessToken: { value: tokens.accessToken.value, expiresAt: 1 }, refreshToken: tokens.refreshToken },
      });
      const again = createClient({ modules, auth: renewing, fetch: fetchTo(server.url) });
      const mine = await again.extendedBookings.queryExtendedBookings().find();
      assert.deepEqual(
        mine.items.map((x) => x.booking?._id),
        [booking?._id],
        'the renewed token is the same visitor',
      );
      assert.notEqual(renewing.getTokens().accessToken.value, tokens.accessToken.value);
    } finally {
      restore();
    }
    assert.equal(globalThis.fetch, original, 'the global fetch is restored');
  });

  it('demo/wix-sdk-example.mjs runs against the server: a Community Yoga session booked, checked out, CONFIRMED', async () => {
    const lines: string[] = [];
    const result = await (runExample as Example)(server.url, (line) => lines.push(line));
    assert.deepEqual(result.classes.slice().sort(), ['Community Yoga', 'Family Climb', 'Vinyasa Flow']);
    assert.equal(result.status, 'CONFIRMED');
    assert.equal(result.total.amount, '0.00');
    assert.ok(lines.some((l) => l.startsWith('booked ')));
  });
});
