/**
 * The widget's allowed origins (extension): stored by the owner beside the environment's BOOKINGS_ALLOWED_ORIGINS
 * (shown read-only), validated as origins, and honoured by the CORS check at once, without a restart.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type TestServer } from './helpers.js';
import { OWNER_KEY, staffToken } from './bookings-fixtures.js';

const PATH = '/business/v1/settings/widget';

describe('allowed origins for the widget', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ server: { allowedOrigins: ['https://env.example'] } });
  });
  after(async () => server.close());

  const patch = (allowedOrigins: unknown, token: string | null = OWNER_KEY) =>
    server.call('PATCH', PATH, { ...(token ? { token } : {}), body: { allowedOrigins } });
  /** The browser's preflight for a widget call from a page on `origin`; the origin it is allowed, or null. */
  const preflight = async (origin: string) => {
    const answer = await server.call('OPTIONS', '/bookings/v2/services/query', {
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    return answer.headers.get('access-control-allow-origin');
  };

  it('lets a page on a newly stored origin call the API at once, beside the environment’s origins', async () => {
    assert.equal(await preflight('https://shop.example'), null);
    assert.equal(await preflight('https://env.example'), 'https://env.example');
    const saved = await patch(['https://Shop.example:443/', 'http://localhost:5173']);
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body, {
      widget: { allowedOrigins: ['https://shop.example', 'http://localhost:5173'] },
      environmentOrigins: ['https://env.example'],
    });
    assert.equal(await preflight('https://shop.example'), 'https://shop.example');
    assert.equal(await preflight('http://localhost:5173'), 'http://localhost:5173');
    assert.equal(await preflight('https://env.example'), 'https://env.example', 'the environment’s stay');
    const read = await server.call('GET', '/site-properties/v4/properties', { headers: { origin: 'https://shop.example' } });
    assert.equal(read.headers.get('access-control-allow-origin'), 'https://shop.example');

    assert.equal((await patch([])).status, 200);
    assert.equal(await preflight('https://shop.example'), null, 'removed: refused again');
  });

  it('refuses what is not an https origin (http only for localhost), naming the entry', async () => {
    for (const [list, index] of [
      [['http://shop.example'], 0],
      [['https://shop.example', 'https://shop.example/booking'], 1],
      [['shop.example'], 0],
      [['https://user:pw@shop.example'], 0],
      [['https://shop.example?x=1'], 0],
    ] as const) {
      const refused = await patch(list);
      assert.equal(refused.status, 400, JSON.stringify(list));
      assert.equal(refused.body.details.validationError.fieldViolations[0].field, `allowedOrigins[${index}]`);
    }
  });

  it('is the owner’s only', async () => {
    assert.equal((await server.call('GET', PATH)).status, 401);
    assert.equal((await patch(['https://a.example'], null)).status, 401);
    assert.equal((await patch(['https://a.example'], await staffToken(server))).status, 403);
    assert.equal((await server.call('GET', PATH, { token: await staffToken(server) })).status, 403);
  });
});
