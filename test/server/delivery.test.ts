/**
 * Delivery (issue 12): pre-compressed widget files with their cache headers, compressed JSON above a threshold,
 * uncompressed Server-Sent Events, and ETag revalidation of the public catalogue reads. Over node:http, so the
 * Accept-Encoding sent and the bytes received are exactly what a test says (fetch would add and undo encodings).
 * The static roots are fixtures in a temp folder, run through scripts/compress-dist.mjs as `npm run build` does,
 * so this suite needs no built dist/.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Temporal } from 'temporal-polyfill';
import { startServer, type TestServer } from './helpers.js';
import { NOW, OWNER_KEY, visitorToken, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';
import { COMPRESS_THRESHOLD_BYTES } from '../../server/http/compression.js';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...options.headers };
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const req = httpRequest(url, { method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The body as sent, decoded per its Content-Encoding. */
function decoded(answer: Answer): Buffer {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(answer.body);
  if (encoding === 'gzip') return gunzipSync(answer.body);
  assert.equal(encoding, undefined, `unexpected content-encoding ${encoding}`);
  return answer.body;
}

/** Script-like text of about `kb` KiB that compresses as real code does (repetitive, not random). */
function fakeScript(kb: number, seed: string): string {
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < kb * 1024; i++) {
    lines.push(`function ${seed}${i}(a,b){return a.map((x)=>x*${i % 17}+b["k${i % 5}"]).filter(Boolean)}`);
  }
  return lines.join('\n');
}

describe('delivery: compression and caching', () => {
  let dir: string;
  let widgetRoot: string;
  let server: TestServer;
  const clock = { now: NOW };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'delivery-test-'));
    widgetRoot = join(dir, 'widget');
    const siteRoot = join(dir, 'site');
    mkdirSync(widgetRoot);
    mkdirSync(siteRoot);
    writeFileSync(join(widgetRoot, 'booking-widget.iife.js'), fakeScript(40, 'iife'));
    writeFileSync(join(widgetRoot, 'booking-widget.js'), fakeScript(40, 'esm'));
    writeFileSync(join(widgetRoot, 'calendar-B4xQ9_zT.js'), fakeScript(8, 'chunk'));
    writeFileSync(join(siteRoot, 'index.html'), `<!doctype html><title>Demo</title>\n${'<p>Book a class.</p>\n'.repeat(200)}`);
    writeFileSync(join(siteRoot, 'popup.js'), fakeScript(4, 'popup'));
    execFileSync(process.execPath, ['scripts/compress-dist.mjs', widgetRoot], { stdio: 'pipe' });
    server = await startServer({
      now: Temporal.Instant.fromEpochMilliseconds(NOW.getTime()),
      server: {
        clock: () => clock.now,
        staticRoots: [
          { prefix: '/widget/', root: widgetRoot },
          { prefix: '/', root: siteRoot },
        ],
      },
    });
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the build step writes a smaller .br and .gz next to each script', () => {
    for (const name of ['booking-widget.iife.js', 'booking-widget.js', 'calendar-B4xQ9_zT.js']) {
      const plain = readFileSync(join(widgetRoot, name));
      const br = readFileSync(join(widgetRoot, `${name}.br`));
      const gz = readFileSync(join(widgetRoot, `${name}.gz`));
      assert.ok(br.length < gz.length && gz.length < plain.length, `${name}: ${plain.length} / ${gz.length} / ${br.length}`);
      assert.deepEqual(brotliDecompressSync(br), plain);
      assert.deepEqual(gunzipSync(gz), plain);
    }
  });

  it('serves the entry script as br or gzip, as asked, with the same bytes and revalidation headers', async () => {
    const plain = readFileSync(join(widgetRoot, 'booking-widget.iife.js'));
    const url = `${server.url}/widget/booking-widget.iife.js`;
    const br = await send(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gzip = await send(url, { headers: { 'accept-encoding': 'gzip' } });
    const identity = await send(url);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.ok(br.body.length < gzip.body.length && gzip.body.length < plain.length / 3);
    for (const answer of [br, gzip, identity]) {
      assert.equal(answer.status, 200);
      assert.deepEqual(decoded(answer), plain);
      assert.match(answer.headers['content-type'] ?? '', /javascript/);
      assert.equal(answer.headers['cache-control'], 'public, max-age=300, must-revalidate');
      assert.ok(answer.headers.etag, 'an ETag');
      assert.ok(answer.headers['last-modified'], 'a Last-Modified');
      assert.match(String(answer.headers.vary), /accept-encoding/i);
      assert.equal(answer.headers['cross-origin-resource-policy'], 'cross-origin');
    }
    // The ES module entry gets the same treatment.
    const esm = await send(`${server.url}/widget/booking-widget.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(esm.headers['content-encoding'], 'br');
    assert.equal(esm.headers['cache-control'], 'public, max-age=300, must-revalidate');
  });

  it('answers a conditional GET of the entry script with a bodiless 304', async () => {
    const url = `${server.url}/widget/booking-widget.iife.js`;
    for (const encoding of ['br', 'gzip', 'identity']) {
      const first = await send(url, { headers: { 'accept-encoding': encoding } });
      const etag = String(first.headers.etag);
      const again = await send(url, { headers: { 'accept-encoding': encoding, 'if-none-match': etag } });
      assert.equal(again.status, 304, encoding);
      assert.equal(again.body.length, 0);
      assert.equal(again.headers.etag, etag);
      assert.equal(again.headers['cache-control'], 'public, max-age=300, must-revalidate');
      const since = await send(url, {
        headers: { 'accept-encoding': encoding, 'if-modified-since': String(first.headers['last-modified']) },
      });
      assert.equal(since.status, 304, `${encoding} by date`);
    }
    const changed = await send(url, { headers: { 'accept-encoding': 'br', 'if-none-match': 'W/"something-else"' } });
    assert.equal(changed.status, 200);
  });

  it('caches a content-hashed chunk for a year and revalidates HTML every time', async () => {
    const chunk = await send(`${server.url}/widget/calendar-B4xQ9_zT.js`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers['content-encoding'], 'br');
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    const page = await send(`${server.url}/`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(page.status, 200);
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(decoded(page).toString('utf8'), /<title>Demo<\/title>/);
    // Pages have no pre-compressed copy: compressed on the fly, and the page CSP is kept.
    assert.equal(page.headers['content-encoding'], 'gzip');
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
    assert.equal(page.headers['cross-origin-resource-policy'], 'same-origin');
  });

  it('compresses a large JSON answer and leaves a small one alone', async () => {
    const large = await send(`${server.url}/bookings/v2/services/query`, {
      method: 'POST',
      headers: { 'accept-encoding': 'br, gzip' },
      body: {},
    });
    assert.equal(large.status, 200);
    assert.equal(large.headers['content-encoding'], 'br');
    const json = decoded(large);
    assert.ok(json.length >= COMPRESS_THRESHOLD_BYTES, `${json.length} bytes`);
    assert.ok(large.body.length < json.length / 2);
    assert.ok(JSON.parse(json.toString('utf8')).services.length > 1);
    assert.equal(large.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'");

    const gzip = await send(`${server.url}/pricing-plans/v2/plans`, { headers: { 'accept-encoding': 'gzip' } });
    const plansLength = decoded(gzip).length;
    assert.equal(gzip.headers['content-encoding'], plansLength >= COMPRESS_THRESHOLD_BYTES ? 'gzip' : undefined);

    const small = await send(`${server.url}/healthz`, { headers: { 'accept-encoding': 'br, gzip' } });
    assert.equal(small.status, 200);
    assert.equal(small.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(small.body.toString('utf8')), { status: 'ok' });

    const plain = await send(`${server.url}/bookings/v2/services/query`, { method: 'POST', body: {} });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, json);
  });

  it('streams Server-Sent Events uncompressed, the first frame at once', async () => {
    const visitor = await visitorToken(server);
    const yoga = await serviceNamed(server, 'Community Yoga');
    const eventId = await eventIdAt(server, yoga, '2026-12-19T10:00:00');
    const booked = await server.call('POST', '/bookings/v2/bookings', {
      token: visitor,
      body: classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }),
    });
    assert.equal(booked.status, 200);
    const url = `${server.url}/bookings/v2/bookings/${booked.body.booking.id}/events?access_token=${visitor}`;
    const first = await new Promise<{ headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const req = httpRequest(url, { headers: { 'accept-encoding': 'br, gzip, deflate' } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('\n\n') && text.includes('event: booking')) {
            resolve({ headers: res.headers, text });
            req.destroy();
          }
        });
        res.on('error', () => undefined);
      });
      req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
      req.setTimeout(10_000, () => reject(new Error('no frame in time')));
      req.end();
    });
    assert.match(String(first.headers['content-type']), /^text\/event-stream/);
    assert.equal(first.headers['content-encoding'], undefined);
    assert.match(first.text, /"status":"CREATED"/);
  });

  it('gives the public catalogue reads an ETag: 304 while unchanged, a new one after an owner edit', async () => {
    const yoga = await serviceNamed(server, 'Community Yoga');
    const serviceUrl = `${server.url}/bookings/v2/services/${yoga.id}`;
    const first = await send(serviceUrl, { headers: { 'accept-encoding': 'br' } });
    assert.equal(first.status, 200);
    assert.equal(first.headers['cache-control'], 'no-cache');
    assert.match(String(first.headers.vary), /authorization/i);
    const etag = String(first.headers.etag);
    assert.match(etag, /^W\/".+"$/);

    const unchanged = await send(serviceUrl, { headers: { 'if-none-match': etag, 'accept-encoding': 'br' } });
    assert.equal(unchanged.status, 304);
    assert.equal(unchanged.body.length, 0);
    assert.equal(unchanged.headers.etag, etag);

    // The other public reads carry one too, and the POST query answers 304 over its body.
    const climb = await serviceNamed(server, 'Family Climb');
    for (const path of [`/bookings/v1/serviceOptionsAndVariants/service_id/${climb.id}`, '/pricing-plans/v2/plans']) {
      const read = await send(server.url + path);
      assert.equal(read.status, 200, path);
      assert.ok(read.headers.etag, path);
      assert.equal((await send(server.url + path, { headers: { 'if-none-match': String(read.headers.etag) } })).status, 304, path);
    }
    const query = { query: { filter: { name: 'Community Yoga' } } };
    const listed = await send(`${server.url}/bookings/v2/services/query`, { method: 'POST', body: query });
    const listEtag = String(listed.headers.etag);
    const listedAgain = await send(`${server.url}/bookings/v2/services/query`, {
      method: 'POST',
      body: query,
      headers: { 'if-none-match': listEtag },
    });
    assert.equal(listedAgain.status, 304);

    // With a token: private, never stored, never a 304.
    const owner = await send(serviceUrl, { headers: { authorization: `Bearer ${OWNER_KEY}`, 'if-none-match': etag } });
    assert.equal(owner.status, 200);
    assert.equal(owner.headers['cache-control'], 'private, no-store');
    assert.equal(owner.headers.etag, undefined);
    const ownerList = await send(`${server.url}/bookings/v2/services/query`, {
      method: 'POST',
      body: {},
      headers: { authorization: `Bearer ${OWNER_KEY}` },
    });
    assert.equal(ownerList.headers['cache-control'], 'private, no-store');

    const service = JSON.parse(decoded(first).toString('utf8')).service;
    const edited = await server.call('PATCH', `/bookings/v2/services/${yoga.id}`, {
      token: OWNER_KEY,
      body: { service: { revision: service.revision, name: 'Community Yoga (outdoors)' } },
    });
    assert.equal(edited.status, 200);
    const after = await send(serviceUrl, { headers: { 'if-none-match': etag } });
    assert.equal(after.status, 200);
    assert.notEqual(after.headers.etag, etag);
    assert.equal(JSON.parse(after.body.toString('utf8')).service.name, 'Community Yoga (outdoors)');
    const listAfter = await send(`${server.url}/bookings/v2/services/query`, {
      method: 'POST',
      body: query,
      headers: { 'if-none-match': listEtag },
    });
    assert.equal(listAfter.status, 200);
    assert.notEqual(listAfter.headers.etag, listEtag);
  });

  it('needs no dist/: the fixture roots stand in for it', () => {
    assert.ok(existsSync(join(widgetRoot, 'booking-widget.iife.js.br')));
  });
});
