/**
 * Rate limits on the public doors (docs/security.md): token minting, login, registration, anonymous-booking
 * tokens, booking creation and bad credentials (owner-key guesses), each per client address and, where the
 * caller has one, per token. @fastify/rate-limit applies them (fixed windows, IPv6 subnets) over a store that
 * counts in the storage's counters (storage/counter-types.ts), so on PostgreSQL every instance counts together;
 * this file says which door gets which limits and answers 429 with Retry-After in the contract's error shape.
 * (Open-stream caps are about one instance's open connections and stay per instance: routes/bookings-events.ts.)
 */
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from 'fastify';
import rateLimit, { normalizeIP, type FastifyRateLimitStore } from '@fastify/rate-limit';
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors.js';
import type { CounterStore, CounterWindow } from '../storage/counter-types.js';

export interface Limit {
  max: number;
  windowSeconds: number;
}

export interface RateLimitSettings {
  /** `POST /oauth2/token` (any grant), per address. */
  tokenMint: Limit;
  /** The password grant, per address (wrong passwords are also throttled per email and address). */
  login: Limit;
  /** `POST /members/v1/members/register`, per address: each one costs a password hash. */
  registration: Limit;
  /** `GET /v1/anonymous-bookings/{id}/token`, per token and per address. */
  anonymousBookingToken: { perToken: Limit; perAddress: Limit };
  /** `POST /bookings/v2/bookings`, per token and per address. */
  bookingCreate: { perToken: Limit; perAddress: Limit };
  /** Requests whose bearer token is refused (a guessed owner key, a stolen or made-up token), per address. */
  badCredentials: Limit;
  /** Open live-status streams at once. */
  streams: { perToken: number; perAddress: number };
}

const minute = (max: number): Limit => ({ max, windowSeconds: 60 });

/** Defaults sized for a studio: generous for people behind one shared address, costly for a script. */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  tokenMint: minute(60),
  login: minute(20),
  registration: { max: 20, windowSeconds: 3600 },
  anonymousBookingToken: { perToken: minute(20), perAddress: minute(120) },
  bookingCreate: { perToken: minute(20), perAddress: minute(120) },
  badCredentials: { max: 30, windowSeconds: 600 },
  streams: { perToken: 5, perAddress: 50 },
};

/** No limit at all: for the fuzz suite and benchmarks, which are one client hammering on purpose. */
export const NO_RATE_LIMITS: RateLimitSettings = {
  tokenMint: minute(Number.MAX_SAFE_INTEGER),
  login: minute(Number.MAX_SAFE_INTEGER),
  registration: minute(Number.MAX_SAFE_INTEGER),
  anonymousBookingToken: { perToken: minute(Number.MAX_SAFE_INTEGER), perAddress: minute(Number.MAX_SAFE_INTEGER) },
  bookingCreate: { perToken: minute(Number.MAX_SAFE_INTEGER), perAddress: minute(Number.MAX_SAFE_INTEGER) },
  badCredentials: minute(Number.MAX_SAFE_INTEGER),
  streams: { perToken: Number.MAX_SAFE_INTEGER, perAddress: Number.MAX_SAFE_INTEGER },
};

export function resolveRateLimits(settings: Partial<RateLimitSettings> | false | undefined): RateLimitSettings {
  if (settings === false) return NO_RATE_LIMITS;
  return { ...DEFAULT_RATE_LIMITS, ...settings };
}

/** The client's address as the limits see it: IPv6 grouped by /56 (one customer's whole network). */
export const clientAddress = (request: FastifyRequest): string => normalizeIP(request.ip, 56);

/** The caller's token (header or `?access_token=`), hashed so no token is ever held in the limiter's memory. */
export function callerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const fromHeader = header ? /^(?:Bearer\s+)?(\S+)\s*$/i.exec(header)?.[1] : undefined;
  const fromQuery = (request.query as { access_token?: unknown } | undefined)?.access_token;
  const token = fromHeader ?? (typeof fromQuery === 'string' ? fromQuery : undefined);
  return token ? createHash('sha256').update(token).digest('base64url').slice(0, 22) : null;
}

type Check = (request: FastifyRequest) => Promise<void>;
type KeyOf = (request: FastifyRequest) => string | null;

export interface DoorLimits {
  /** Count one request against `limit`, keyed by `keyOf`; 429 once it is over. */
  counter(door: string, limit: Limit, keyOf: KeyOf): Check;
  /** A counter that only failures feed: `check` refuses once over, `fail` counts one. */
  failureCounter(door: string, limit: Limit, keyOf: KeyOf): { check: Check; fail: (request: FastifyRequest) => Promise<void> };
}

function tooMany(door: string, seconds: number): DomainError {
  const wait = Math.max(1, seconds);
  return new DomainError(
    'TOO_MANY_REQUESTS',
    `Too many requests to ${door} from here. Wait ${wait} second${wait === 1 ? '' : 's'} and try again.`,
    { retryAfterSeconds: wait },
  );
}

type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** @fastify/rate-limit's store interface over our counters; one for every limiter (keys name their door). */
class CounterRateStore implements FastifyRateLimitStore {
  constructor(private readonly counters: CounterStore) {}

  incr(key: string, callback: StoreCallback, timeWindow: number): void {
    const now = Date.now();
    this.answer(this.counters.hit(key, timeWindow, now), now, callback);
  }

  /** The plugin's non-mutating peek (`{ increment: false }`). */
  read(key: string, callback: StoreCallback): void {
    const now = Date.now();
    this.answer(this.counters.read(key, now), now, callback);
  }

  child(): FastifyRateLimitStore {
    return this;
  }

  private answer(window: Promise<CounterWindow>, now: number, callback: StoreCallback): void {
    window.then(
      (w) => callback(null, { current: w.count, ttl: Math.max(0, w.resetAt - now) }),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

/** A limit this high is no limit (NO_RATE_LIMITS): nothing is counted, so the hot path pays nothing. */
const unlimited = (limit: Limit) => limit.max >= Number.MAX_SAFE_INTEGER;

/**
 * Registers @fastify/rate-limit (no global limit) counting in `counters`, and returns the door counters built
 * on it. Each counter's keys start with its door's name, so doors never share a count.
 */
export async function installDoorLimits(app: FastifyInstance, counters: CounterStore): Promise<DoorLimits> {
  await app.register(rateLimit, {
    global: false,
    // The plugin builds its store from a constructor; each limiter's child is that same store (keys differ).
    store: class extends CounterRateStore {
      constructor() {
        super(counters);
      }
    },
  });
  const limiter = (door: string, limit: Limit, keyOf: KeyOf) =>
    app.createRateLimit({
      max: limit.max,
      timeWindow: limit.windowSeconds * 1000,
      keyGenerator: (request) => `rate:${door}:${limit.max}/${limit.windowSeconds}:${keyOf(request) ?? ''}`,
    });

  return {
    counter(door, limit, keyOf) {
      if (unlimited(limit)) return async () => undefined;
      const count = limiter(door, limit, keyOf);
      return async (request) => {
        if (keyOf(request) === null) return;
        const result = await count(request);
        if (!result.isAllowed && result.isExceeded) throw tooMany(door, result.ttlInSeconds);
      };
    },
    failureCounter(door, limit, keyOf) {
      if (unlimited(limit)) return { check: async () => undefined, fail: async () => undefined };
      const count = limiter(door, limit, keyOf);
      return {
        async check(request) {
          if (keyOf(request) === null) return;
          const result = await count(request, { increment: false });
          if (!result.isAllowed && result.remaining === 0) throw tooMany(door, result.ttlInSeconds);
        },
        async fail(request) {
          if (keyOf(request) !== null) await count(request);
        },
      };
    },
  };
}

/** One route's extra checks, run first in its onRequest (or preValidation, when they need the body). */
export interface DoorRule {
  method: string;
  url: string;
  onRequest?: Check[];
  preValidation?: Check[];
}

/** Adds the rules' checks to the matching routes as they are declared; call before the routes register. */
export function applyDoorRules(app: FastifyInstance, rules: DoorRule[]): void {
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const rule of rules) {
      if (rule.url !== route.url || !methods.includes(rule.method)) continue;
      if (rule.onRequest) route.onRequest = [...rule.onRequest, ...asArray(route.onRequest)] as onRequestHookHandler[];
      if (rule.preValidation)
        route.preValidation = [...rule.preValidation, ...asArray(route.preValidation)] as RouteOptions['preValidation'];
    }
  });
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
