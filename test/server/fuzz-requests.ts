/**
 * One fuzz request: an arbitrary per route (path parameters real or random, a query string, a caller, headers
 * and a body), how to send it over HTTP, and what every answer must satisfy (contract section 1).
 */
import fc from 'fast-check';
import { errorShape } from './helpers.js';
import type { RouteTemplate } from './fuzz-routes.js';
import { templatesFor, nearValid } from './fuzz-shapes.js';
import { bodyText, contentType, pathSegment, queryString } from './fuzz-values.js';
import type { CallerKind, FuzzWorld } from './fuzz-world.js';

/** What is sent, flat and printable, so a failure's counterexample reads as a request. */
export interface FuzzRequest {
  method: string;
  path: string;
  caller: CallerKind;
  headers: Record<string, string>;
  body?: string;
}

const STATIC_PATHS = [
  '',
  'index.html',
  'popup.html',
  'embed-cross-origin.html',
  'studio.css',
  'widget/booking-widget.iife.js',
  'widget/booking-widget.js',
  'widget/',
  'widget/nope.js',
  '.env',
  '..%2f..%2fpackage.json',
  '%2e%2e/%2e%2e/package.json',
  'widget/..%2f..%2fpackage.json',
  'data/bookings.sqlite',
];

function paramArb(name: string, world: FuzzWorld): fc.Arbitrary<string> {
  if (name === '*') {
    return fc.oneof(
      fc.constantFrom(...STATIC_PATHS),
      fc.array(pathSegment, { maxLength: 4 }).map((s) => s.join('/')),
    );
  }
  const { ids } = world;
  const real =
    name === 'token' || name === 'bookingId'
      ? [ids.anonymousToken, ids.bookingId]
      : name === 'eventId'
        ? [ids.eventId]
        : Object.values(ids);
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 2, arbitrary: pathSegment });
}

const callerArb = fc.constantFrom<CallerKind>('anonymous', 'visitor', 'member', 'owner', 'owner', 'junk');
const extraHeaders = fc.record(
  {
    'idempotency-key': fc.constantFrom('fuzz-1', 'fuzz-2', 'x'.repeat(300), ' ', '\u00e9'),
    origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost:8787'),
    'x-forwarded-for': fc.constantFrom('203.0.113.9', '::1', 'not an address', '1.1.1.1, 2.2.2.2'),
    'access-control-request-method': fc.constantFrom('POST', 'DELETE', 'TRACE'),
  },
  { requiredKeys: [] },
);

export function requestArb(route: RouteTemplate, world: FuzzWorld): fc.Arbitrary<FuzzRequest> {
  const params = route.parts.map((part) => ('param' in part ? paramArb(part.param, world) : fc.constant(part.literal)));
  const templates = templatesFor(route.method, route.pattern, world.ids);
  // fetch refuses a body on GET and HEAD; every other method gets one most of the time.
  const canHaveBody = route.method !== 'GET' && route.method !== 'HEAD';
  const body: fc.Arbitrary<string | undefined> = !canHaveBody
    ? fc.constant(undefined)
    : fc.oneof(
        { weight: templates.length > 0 ? 5 : 0, arbitrary: templates.length > 0 ? nearValid(templates) : fc.constant(undefined) },
        { weight: 4, arbitrary: bodyText },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
  return fc
    .record({
      path: fc.tuple(...params),
      query: queryString,
      caller: callerArb,
      auth: fc.nat(),
      type: contentType,
      extra: extraHeaders,
      body,
    })
    .map(({ path, query, caller, auth, type, extra, body }) => {
      const joined = path.join('');
      const choices = world.authorization[caller];
      const headers: Record<string, string> = { ...extra };
      if (choices.length > 0) headers['authorization'] = choices[auth % choices.length]!;
      if (body !== undefined && type !== undefined) headers['content-type'] = type;
      return {
        method: route.method,
        path: `${joined.startsWith('/') ? '' : '/'}${joined}${query}`,
        caller,
        headers,
        ...(body !== undefined ? { body } : {}),
      };
    });
}

export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

export async function send(world: FuzzWorld, request: FuzzRequest): Promise<FuzzAnswer> {
  const response = await fetch(world.server.url + request.path, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  const type = response.headers.get('content-type') ?? '';
  // An event stream never ends by itself: its status and headers are the answer.
  if (type.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, contentType: type, text: '' };
  }
  return { status: response.status, contentType: type, text: await response.text() };
}

/** Never a 5xx; every error (except a bodiless HEAD) in the contract's shape. */
export function checkAnswer(request: FuzzRequest, answer: FuzzAnswer): void {
  if (answer.status >= 500) throw new Error(`${answer.status} for ${request.method} ${request.path}: ${answer.text.slice(0, 500)}`);
  if (answer.status < 400 || request.method === 'HEAD') return;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new Error(`${answer.status} with a body that is not JSON (${answer.contentType}): ${answer.text.slice(0, 200)}`);
  }
  errorShape(body);
}
