/**
 * Security headers on every answer, as helmet makes them: a strict Content-Security-Policy for the pages we
 * serve (the demo site and /console/), a stricter one for JSON, `nosniff`, no referrer, and framing only by
 * our own pages. The widget bundle under /widget/ is made to be embedded by other sites, so it is the one thing
 * other origins may load (Cross-Origin-Resource-Policy: cross-origin); the API's own cross-origin calls go
 * through CORS, which these headers do not touch.
 * helmet runs once, at start, into a header list that every answer then gets in one step: the headers never
 * depend on the request, and building them per request (as @fastify/helmet does) cost more than the rest of a
 * cached catalogue read.
 */
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Pages: scripts and styles from our origin only (no 'unsafe-inline', so the demo keeps its scripts in files),
 * images also from https (services' pictures live on other hosts). No `upgrade-insecure-requests`: the demo
 * runs on http://localhost.
 */
export const PAGE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'https:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

/** A JSON answer is never a document: should one be opened as a page, it may run and embed nothing. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

const isJson = (type: unknown) => typeof type === 'string' && /^application\/(problem\+)?json\b/.test(type);

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  // A popup the widget opens (a payment page, later) must keep its opener.
  crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
  referrerPolicy: { policy: 'no-referrer' },
  // No includeSubDomains: the parent domain's other hosts are not ours to decide for. Browsers ignore it on http.
  strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
};

/** The headers helmet sets for `options`, read by running its middleware once against a recording response. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => void (failure = error));
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return headers;
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = helmetHeaders(HELMET_OPTIONS);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith('/widget/')) reply.header('cross-origin-resource-policy', 'cross-origin');
    if (isJson(reply.getHeader('content-type'))) reply.header('content-security-policy', API_CSP);
    done(null, payload);
  });
}
