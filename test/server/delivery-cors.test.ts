/** A widget on another site revalidates its cached catalogue: If-None-Match passes a preflight, ETag is readable. */
// storage-agnostic: CORS headers and an ETag over the answer's body (server/http/etag.ts), alike on either backend.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './helpers.js';

it('lets a widget on another site revalidate: If-None-Match allowed in a preflight, ETag readable', async () => {
  const server = await startServer();
  try {
    const origin = { origin: 'https://studio.example' };
    const preflight = await fetch(`${server.url}/bookings/v2/services/query`, {
      method: 'OPTIONS',
      headers: { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,if-none-match' },
    });
    assert.match(String(preflight.headers.get('access-control-allow-headers')), /if-none-match/i);
    const read = await fetch(`${server.url}/bookings/v2/services/query`, {
      method: 'POST',
      headers: { ...origin, 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(read.status, 200);
    assert.ok(read.headers.get('etag'));
    assert.match(String(read.headers.get('access-control-expose-headers')), /\betag\b/i);
    // Read to the end: closing the server drops idle connections only, and one whose compressed answer is still
    // streaming stays open for the keep-alive timeout (72 s).
    await read.arrayBuffer();
  } finally {
    await server.close();
  }
});
