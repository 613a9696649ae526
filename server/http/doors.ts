/**
 * Which public door gets which limit (docs/security.md). Each rule runs before the route's own hooks, so a
 * flood is refused before any token lookup, body check or password hash.
 */
import type { FastifyRequest } from 'fastify';
import { callerToken, clientAddress, type DoorLimits, type DoorRule, type RateLimitSettings } from './rate-limits.js';

const byAddress = (request: FastifyRequest) => `ip:${clientAddress(request)}`;
const byToken = (request: FastifyRequest) => {
  const token = callerToken(request);
  return token ? `token:${token}` : null;
};
const grantOf = (request: FastifyRequest): unknown => (request.body as { grantType?: unknown } | null | undefined)?.grantType;

export function doorRules(limits: RateLimitSettings, doors: DoorLimits): DoorRule[] {
  const login = doors.counter('sign-in', limits.login, byAddress);
  return [
    {
      method: 'POST',
      url: '/oauth2/token',
      onRequest: [doors.counter('tokens', limits.tokenMint, byAddress)],
      // The grant is in the body, so the sign-in limit waits for it; still before the schema and the hash.
      preValidation: [async (request) => (grantOf(request) === 'password' ? login(request) : undefined)],
    },
    { method: 'POST', url: '/members/v1/members/register', onRequest: [doors.counter('registration', limits.registration, byAddress)] },
    // Each ask may send an email, as a registration may; each confirm tries a link and hashes a password, as a sign-in does.
    {
      method: 'POST',
      url: '/members/v1/members/password-reset',
      onRequest: [doors.counter('password reset', limits.registration, byAddress)],
    },
    { method: 'POST', url: '/members/v1/members/password-reset/confirm', onRequest: [login] },
    {
      method: 'GET',
      url: '/v1/anonymous-bookings/:bookingId/token',
      onRequest: [
        doors.counter('booking links', limits.anonymousBookingToken.perAddress, byAddress),
        doors.counter('booking links', limits.anonymousBookingToken.perToken, byToken),
      ],
    },
    {
      method: 'POST',
      url: '/bookings/v2/bookings',
      onRequest: [
        doors.counter('booking creation', limits.bookingCreate.perAddress, byAddress),
        doors.counter('booking creation', limits.bookingCreate.perToken, byToken),
      ],
    },
  ];
}
