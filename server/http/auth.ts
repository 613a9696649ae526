/**
 * Who is calling. Routes ask for the identity they need (`requireOwner`, `requireBusiness`, `optionalIdentity`);
 * the owner key is compared in constant time. Visitor, member and business-account tokens plug in through
 * `TokenVerifier`. An OWNER account's token resolves to the owner (`{ kind: 'owner', userId }`), so
 * `requireOwner` admits it; a STAFF account's is `{ kind: 'staff' }`, admitted by `requireBusiness` only.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from '../domain/errors.js';

import type { Identity } from '../domain/identity/identity.js';

export type { Identity } from '../domain/identity/identity.js';

/** Resolves a bearer token that is not the owner key; null when it is not valid. */
export type TokenVerifier = (token: string) => Promise<Identity | null>;

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * The token of `Authorization: Bearer <token>`, or of the bare `Authorization: <token>` that Wix's own SDK sends
 * (its OAuthStrategy and ApiKeyStrategy put the token in the header with no scheme). Null for anything else.
 */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^\s*(?:Bearer\s+)?([^\s,]+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export interface Authenticator {
  /** The caller, or null when no token was sent. A token that is sent but not valid is a 401. */
  optionalIdentity(request: FastifyRequest): Promise<Identity | null>;
  requireIdentity(request: FastifyRequest): Promise<Identity>;
  /** The owner key or an OWNER account; anyone else is 403 (a STAFF account too). */
  requireOwner(request: FastifyRequest): Promise<void>;
  /**
   * The owner (key or OWNER account) or a STAFF account; visitors and members are 403. What a STAFF account may
   * then see and do is the domain's (bookings/access.ts).
   */
  requireBusiness(request: FastifyRequest): Promise<Identity>;
}

/**
 * Counts refused tokens per client address. Once an address is over its limit even the right owner key is
 * refused from it for a while, so the key cannot be guessed; visitor and member tokens (random, 256 bits)
 * still pass, so people who share that address are not locked out.
 */
export interface CredentialGuard {
  check(request: FastifyRequest): Promise<void>;
  fail(request: FastifyRequest): Promise<void>;
}

const NO_GUARD: CredentialGuard = { check: async () => undefined, fail: async () => undefined };

export function createAuthenticator(ownerKey: string, verifyToken: TokenVerifier, guard: CredentialGuard = NO_GUARD): Authenticator {
  // Compared in constant time; hashing first makes the lengths equal. The key's digest once, not per request.
  const ownerDigest = digest(ownerKey);
  const optionalIdentity = async (request: FastifyRequest): Promise<Identity | null> => {
    const token = bearerToken(request);
    if (token === null) {
      if (request.headers.authorization) throw unauthenticated('The Authorization header must be "Bearer <token>" (or the bare token).');
      return null;
    }
    if (timingSafeEqual(digest(token), ownerDigest)) {
      await guard.check(request);
      return { kind: 'owner' };
    }
    const identity = await verifyToken(token);
    if (!identity) {
      await guard.fail(request);
      await guard.check(request);
      throw unauthenticated('The token is not valid or has expired: get a new one from POST /oauth2/token.');
    }
    return identity;
  };
  return {
    optionalIdentity,
    async requireIdentity(request) {
      const identity = await optionalIdentity(request);
      if (!identity) throw unauthenticated();
      return identity;
    },
    async requireOwner(request) {
      const identity = await optionalIdentity(request);
      if (!identity) throw unauthenticated('This is an owner action: send the owner key as "Authorization: Bearer <key>".');
      if (identity.kind !== 'owner') throw forbidden('Only the business owner may do this.');
    },
    async requireBusiness(request) {
      const identity = await optionalIdentity(request);
      if (!identity) throw unauthenticated('Sign in with a business account (POST /oauth2/token, scope "business") or send the owner key.');
      if (identity.kind !== 'owner' && identity.kind !== 'staff') throw forbidden('Only the business (its owner or staff) may do this.');
      return identity;
    },
  };
}
