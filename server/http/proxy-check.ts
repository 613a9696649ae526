/**
 * Behind a reverse proxy without `--trust-proxy`, every request seems to come from the proxy: per-client limits
 * then throttle everyone together. Requests that carry X-Forwarded-For or Forwarded while no proxy is trusted
 * are the sign; say so once (not per request: a proxy sends them on every one).
 */
import type { FastifyInstance } from 'fastify';
import type { TrustProxy } from '../config.js';

export const UNTRUSTED_PROXY_WARNING =
  'warning: requests arrive with X-Forwarded-For or Forwarded headers, but no proxy is trusted, so every client ' +
  'looks like the proxy. If a reverse proxy forwards to this server, start it with --trust-proxy (its address, ' +
  'loopback, or a hop count); if not, someone is sending these headers themselves and they are ignored.\n';

export function warnOnUntrustedProxy(
  app: FastifyInstance,
  trustProxy: TrustProxy | undefined,
  warn: (text: string) => void = (text) => process.stderr.write(text),
): void {
  if (trustProxy !== undefined && trustProxy !== false) return;
  let warned = false;
  app.addHook('onRequest', async (request) => {
    if (warned || (request.headers['x-forwarded-for'] === undefined && request.headers['forwarded'] === undefined)) return;
    warned = true;
    warn(UNTRUSTED_PROXY_WARNING);
  });
}
