/**
 * Security headers on every answer, through @fastify/helmet: a strict Content-Security-Policy for the pages we
 * serve (the demo site, later /console/), a stricter one for JSON, `nosniff`, no referrer, and framing only by
 * our own pages. The widget bundle under /widget/ is made to be embedded by other sites, so it is the one thing
 * other origins may load (Cross-Origin-Resource-Policy: cross-origin); the API's own cross-origin calls go
 * through CORS, which these headers do not touch.
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

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

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: PAGE_CSP },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // A popup the widget opens (a payment page, later) must keep its opener.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    referrerPolicy: { policy: 'no-referrer' },
    // No includeSubDomains: the parent domain's other hosts are not ours to decide for. Browsers ignore it on http.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/widget/')) reply.header('cross-origin-resource-policy', 'cross-origin');
    if (isJson(reply.getHeader('content-type'))) reply.header('content-security-policy', API_CSP);
    return payload;
  });
}
