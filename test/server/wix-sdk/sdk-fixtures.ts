/**
 * Wix's own SDK against this server: `createClient` from `@wix/sdk` with the real `@wix/bookings` (and eCom, members,
 * pricing-plans) modules, its `fetch` option sending every request to a real server on 127.0.0.1 instead of Wix's
 * host, exactly as docs/wix-sdk.md tells a Wix developer to do. Nothing of the SDK is stubbed.
 */
import { ApiKeyStrategy, createClient } from '@wix/sdk';
import {
  availabilityTimeSlots,
  bookingPolicies,
  bookings,
  eventTimeSlots,
  extendedBookings,
  pricing,
  serviceOptionsAndVariants,
  services,
  staffMembers,
} from '@wix/bookings';
import * as checkout from '@wix/auto_sdk_ecom_checkout';
import * as orders from '@wix/auto_sdk_ecom_orders';
import * as members from '@wix/auto_sdk_members_members';
import * as plans from '@wix/auto_sdk_pricing-plans_plans';
import * as planOrders from '@wix/auto_sdk_pricing-plans_orders';
import { startBookingServer, OWNER_KEY } from '../bookings-fixtures.js';
import type { TestServer } from '../helpers.js';

export const modules = {
  services,
  serviceOptionsAndVariants,
  availabilityTimeSlots,
  eventTimeSlots,
  bookings,
  extendedBookings,
  pricing,
  bookingPolicies,
  staffMembers,
  checkout,
  orders,
  members,
  plans,
  planOrders,
};

/** The SDK's `fetch` option: the same path and query, sent to `base` instead of https://www.wixapis.com. */
export function fetchTo(base: string): typeof fetch {
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return fetch(`${base}${url.pathname}${url.search}`, init);
  };
}

/** What `createClient`'s `auth` needs: the headers to send. */
export interface HeaderAuth {
  getAuthHeaders: () => Promise<{ headers: Record<string, string> }>;
}

/** An auth strategy that sends `token` as Wix's strategies do: bare, `Authorization: <token>`. */
export const bareToken = (token: string): HeaderAuth => ({ getAuthHeaders: async () => ({ headers: { Authorization: token } }) });
/** No credentials at all: the public reads. */
export const noAuth = (): HeaderAuth => ({ getAuthHeaders: async () => ({ headers: {} }) });

export function sdkClient(server: TestServer, auth: HeaderAuth) {
  return createClient({ modules, auth, fetch: fetchTo(server.url) });
}

/** The owner, through Wix's own ApiKeyStrategy (it too sends the key bare). */
export function ownerClient(server: TestServer) {
  return createClient({
    modules,
    auth: ApiKeyStrategy({ apiKey: OWNER_KEY, siteId: 'self-hosted' }),
    fetch: fetchTo(server.url),
  });
}

export type SdkClient = ReturnType<typeof sdkClient>;

/** The SDK's error objects carry the server's `details.applicationError.code` (or `validationError`). */
export function sdkErrorCode(error: unknown): string | undefined {
  const details = (error as { details?: { applicationError?: { code?: string }; validationError?: { fieldViolations?: unknown[] } } })
    .details;
  if (details?.validationError) return 'INVALID_ARGUMENT';
  return details?.applicationError?.code;
}

/** Runs `call`, which must fail; answers the SDK error's code and HTTP status. */
export async function failureOf(call: () => Promise<unknown>): Promise<{ code: string | undefined; status: number | undefined }> {
  try {
    await call();
  } catch (error) {
    return { code: sdkErrorCode(error), status: (error as { status?: number }).status };
  }
  throw new Error('the call was expected to fail');
}

export async function visitorAccessToken(server: TestServer): Promise<string> {
  const { body } = await server.call('POST', '/oauth2/token', { body: { clientId: 'wix-sdk-test', grantType: 'anonymous' } });
  return body.access_token as string;
}

export { startBookingServer, OWNER_KEY };
