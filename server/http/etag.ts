/**
 * Revalidation for the public catalogue reads the widget makes on every load (the services list, one service,
 * its variants, the pricing plans): an `ETag` over the answer's body and `Cache-Control: no-cache`, so a browser
 * or proxy may keep the answer but asks each time, and hears a bodiless 304 while nothing changed. An owner's
 * edit changes the body, hence the ETag, so the next read gets the new answer at once (no max-age to wait out).
 * An answer to a caller with a token (an owner sees hidden services) is `private, no-store` and never a 304.
 * Attached to those routes alone (onRoute), so the route files stay as they are and no other answer pays for it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';

/** `METHOD url-pattern` of the routes whose answers are the same for every anonymous caller. */
export const PUBLIC_READS = new Set([
  'POST /bookings/v2/services/query',
  'GET /bookings/v2/services/:id',
  'GET /bookings/v1/serviceOptionsAndVariants/service_id/:serviceId',
  'GET /pricing-plans/v2/plans',
]);

export const PUBLIC_READ_CACHE_CONTROL = 'no-cache';
export const PRIVATE_READ_CACHE_CONTROL = 'private, no-store';

function carriesToken(request: FastifyRequest): boolean {
  const query = request.query as { access_token?: unknown } | undefined;
  return request.headers.authorization !== undefined || query?.access_token !== undefined;
}

/** A weak validator: the body is the same JSON whatever its Content-Encoding on the wire. */
export function bodyEtag(body: string | Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match's weak comparison (RFC 9110 §13.1.2): `*`, or any listed tag equal to ours ignoring `W/`. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const ours = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === ours;
  });
}

function addVary(current: unknown, field: string): string {
  const list = (Array.isArray(current) ? current.join(',') : typeof current === 'string' ? current : '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (list.some((v) => v === '*' || v.toLowerCase() === field.toLowerCase())) return list.join(', ');
  return [...list, field].join(', ');
}

/** The onSend of a public read: ETag, Cache-Control, and a 304 when the caller has this answer already. */
function revalidate(request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void): void {
  if (reply.statusCode !== 200) return done(null, payload);
  // The same URL answers an owner differently (hidden services), so caches must key on the token too.
  reply.header('vary', addVary(reply.getHeader('vary'), 'Authorization'));
  if (carriesToken(request)) {
    reply.header('cache-control', PRIVATE_READ_CACHE_CONTROL).removeHeader('etag');
    return done(null, payload);
  }
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return done(null, payload);
  // A kept public answer (public-answers.ts) comes with its ETag already made.
  const known = reply.getHeader('etag');
  const etag = typeof known === 'string' ? known : bodyEtag(payload);
  reply.header('etag', etag).header('cache-control', PUBLIC_READ_CACHE_CONTROL);
  if (!noneMatch(request.headers['if-none-match'], etag)) return done(null, payload);
  reply.code(304).removeHeader('content-type').removeHeader('content-length');
  done(null, null);
}

/** Adds `revalidate` to the public reads alone (every other route skips the hook entirely). Call before routes. */
export function installCatalogueEtags(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat().map((m) => (m === 'HEAD' ? 'GET' : m));
    if (!methods.some((m) => PUBLIC_READS.has(`${m} ${route.url}`))) return;
    // First: the validator is over the plain JSON, before compression (whose onSend is already on the route).
    route.onSend = [revalidate, ...[route.onSend ?? []].flat()];
  });
}
