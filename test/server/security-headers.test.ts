/**
 * Security headers on every kind of answer: demo pages, the widget bundle (loadable by any site), JSON, errors
 * and 404s; and the API's CORS answers still work for another origin.
 */
// storage-agnostic: headers only (server/http/security-headers.ts, CORS, the static roots), alike on either backend.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type TestServer } from './helpers.js';

const DEMO = fileURLToPath(new URL('../../demo', import.meta.url));

/** The CSP as a map of directive → sources. */
function csp(headers: Headers): Map<string, string[]> {
  const text = headers.get('content-security-policy');
  assert.ok(text, 'no Content-Security-Policy');
  return new Map(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function assertCommon(headers: Headers, what: string): void {
  assert.equal(headers.get('x-content-type-options'), 'nosniff', what);
  assert.equal(headers.get('referrer-policy'), 'no-referrer', what);
  assert.ok(headers.get('x-frame-options'), `${what}: X-Frame-Options for old browsers`);
  const policy = csp(headers);
  assert.ok(!policy.has('upgrade-insecure-requests'), `${what}: the demo runs on http://localhost`);
  for (const [name, sources] of policy)
    assert.ok(!sources.includes("'unsafe-inline'") && !sources.includes("'unsafe-eval'"), `${what}: ${name}`);
}

describe('security headers', () => {
  let server: TestServer;
  const widgetDir = mkdtempSync(join(tmpdir(), 'widget-'));
  before(async () => {
    // A stand-in bundle: these tests are about headers, and run before any build.
    writeFileSync(join(widgetDir, 'booking-widget.iife.js'), 'void 0;\n');
    server = await startServer({
      server: {
        staticRoots: [
          { prefix: '/widget/', root: widgetDir },
          { prefix: '/', root: DEMO },
        ],
      },
    });
  });
  after(async () => {
    await server.close();
    rmSync(widgetDir, { recursive: true, force: true });
  });

  it('demo pages: a CSP with scripts and styles from this origin only, framed only by this origin', async () => {
    for (const path of ['/', '/index.html', '/popup.html', '/embed-cross-origin.html', '/studio.css']) {
      const r = await fetch(server.url + path);
      assert.equal(r.status, 200, path);
      assertCommon(r.headers, path);
      const policy = csp(r.headers);
      assert.deepEqual(policy.get('script-src'), ["'self'"], path);
      assert.deepEqual(policy.get('style-src'), ["'self'"], path);
      assert.deepEqual(policy.get('frame-ancestors'), ["'self'"], path);
      assert.deepEqual(policy.get('object-src'), ["'none'"], path);
      assert.equal(r.headers.get('cross-origin-resource-policy'), 'same-origin', path);
    }
  });

  it('the widget bundle: loadable by any site (Cross-Origin-Resource-Policy: cross-origin), with CORS', async () => {
    const r = await fetch(`${server.url}/widget/booking-widget.iife.js`, { headers: { origin: 'https://partner.example' } });
    assert.equal(r.status, 200);
    assertCommon(r.headers, 'widget');
    assert.equal(r.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(r.headers.get('access-control-allow-origin'), '*');
  });

  it('JSON answers, errors and 404s: nosniff and a CSP that lets a JSON answer run and embed nothing', async () => {
    const answers = [
      [
        'POST /bookings/v2/services/query',
        await fetch(`${server.url}/bookings/v2/services/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      ],
      [
        '400',
        await fetch(`${server.url}/bookings/v2/services/query`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"query":5}',
        }),
      ],
      ['401', await fetch(`${server.url}/bookings-reader/v2/extended-bookings/query`, { method: 'POST' })],
      ['404 route', await fetch(`${server.url}/bookings/v2/nothing-here`)],
      ['404 file', await fetch(`${server.url}/widget/nope.js`)],
    ] as const;
    for (const [what, r] of answers) {
      assert.match(r.headers.get('content-type') ?? '', /^application\/json/, what);
      assertCommon(r.headers, what);
      const policy = csp(r.headers);
      assert.deepEqual(policy.get('default-src'), ["'none'"], what);
      assert.deepEqual(policy.get('frame-ancestors'), ["'none'"], what);
    }
  });

  it('the API still answers other origins: preflight and the call itself carry CORS headers', async () => {
    const origin = 'https://partner.example';
    const preflight = await fetch(`${server.url}/bookings/v2/bookings`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/i);
    const call = await fetch(`${server.url}/bookings/v2/services/query`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(call.status, 200);
    assert.equal(call.headers.get('access-control-allow-origin'), '*');
    // Cross-origin fetches are governed by CORS; Cross-Origin-Resource-Policy only stops no-cors loads of JSON.
    assert.equal(call.headers.get('cross-origin-resource-policy'), 'same-origin');
    // Read to the end: closing the server (next, in `after`) drops idle connections only, and one whose compressed
    // answer is still streaming stays open for the keep-alive timeout (72 s).
    await call.arrayBuffer();
  });
});
