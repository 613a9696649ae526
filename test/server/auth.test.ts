/** Visitor tokens (contract section 2): issue, refresh, revoke; a refresh token is never an access token. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { TestServer } from './helpers.js';
import { startBookingServer } from './bookings-fixtures.js';

describe('visitor tokens', () => {
  let server: TestServer;
  before(async () => {
    ({ server } = await startBookingServer());
  });
  after(() => server.close());

  const token = (body: unknown) => server.call('POST', '/oauth2/token', { body });
  const whoAmI = (t: string) => server.call('POST', '/bookings-reader/v2/extended-bookings/query', { token: t, body: {} });

  it('issues opaque visitor tokens and stores only their hashes', async () => {
    const { status, body } = await token({ clientId: 'site-1', grantType: 'anonymous' });
    assert.equal(status, 200);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 4 * 3600);
    assert.match(body.access_token, /^[A-Za-z0-9_-]{40,}$/);
    assert.notEqual(body.access_token, body.refresh_token);
    assert.equal((await whoAmI(body.access_token)).status, 200);
    assert.equal(await server.storage.tokens.find(body.access_token), null);
    const stored = await server.storage.tokens.find(createHash('sha256').update(body.access_token).digest('hex'));
    assert.equal(stored?.subject.kind, 'visitor');
    assert.equal(stored?.clientId, 'site-1');
    assert.equal((await server.call('POST', '/_api/oauth2/token', { body: { grantType: 'anonymous' } })).status, 200);
  });

  it('never accepts a refresh token as an access token', async () => {
    const { body } = await token({ grantType: 'anonymous' });
    assert.equal((await whoAmI(body.refresh_token)).status, 401);
  });

  it('refreshes into a new session of the same visitor and retires the old refresh token', async () => {
    const { body } = await token({ grantType: 'anonymous' });
    const renewed = await token({ grantType: 'refresh_token', refresh_token: body.refresh_token });
    assert.equal(renewed.status, 200);
    const subject = async (t: string) => (await server.storage.tokens.find(createHash('sha256').update(t).digest('hex')))?.subject.id;
    assert.equal(await subject(renewed.body.access_token), await subject(body.access_token));
    const again = await token({ grantType: 'refresh_token', refresh_token: body.refresh_token });
    assert.equal(again.status, 400);
    assert.equal(again.body.details.applicationError.code, 'INVALID_GRANT');
    assert.equal((await token({ grantType: 'refresh_token', refresh_token: renewed.body.access_token })).status, 400);
  });

  it('revoking either token ends both at once', async () => {
    const { body } = await token({ grantType: 'anonymous' });
    const revoked = await server.call('POST', '/oauth2/revoke', { body: { token: body.refresh_token } });
    assert.equal(revoked.status, 200);
    assert.equal((await whoAmI(body.access_token)).status, 401);
    assert.equal((await token({ grantType: 'refresh_token', refresh_token: body.refresh_token })).status, 400);
    assert.equal((await server.call('POST', '/oauth2/revoke', { body: { token: 'unknown' } })).status, 200);
  });

  it('refuses unknown grants and missing fields with the contract error shape', async () => {
    const unknown = await token({ grantType: 'client_credentials' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.details.applicationError.code, 'UNSUPPORTED_GRANT_TYPE');
    assert.equal((await token({ grantType: 'refresh_token' })).status, 400);
    assert.equal((await token({})).status, 400);
  });
});
