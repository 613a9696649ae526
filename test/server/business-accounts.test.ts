/** Business accounts signing in (contract section 12): scope "business", /business/v1/me, own password, logout. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, OWNER_KEY, errorShape, type TestServer } from './helpers.js';
import { DEMO_OWNER, DEMO_STAFF } from '../../server/seed/demo.js';

const signIn = (server: TestServer, email: string, password: string, extra: Record<string, unknown> = {}) =>
  server.call('POST', '/oauth2/token', { body: { grantType: 'password', email, password, scope: 'business', ...extra } });

describe('business accounts: sign-in', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it('signs in the demo OWNER and STAFF with scope business and answers /business/v1/me', async () => {
    const alex = (await server.storage.staff.list()).find((s) => s.name === 'Alex Rivera');
    for (const [account, role] of [
      [DEMO_OWNER, 'OWNER'],
      [DEMO_STAFF, 'STAFF'],
    ] as const) {
      const tokens = await signIn(server, account.email.toUpperCase(), account.password);
      assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
      assert.equal(tokens.body.token_type, 'Bearer');
      assert.ok(tokens.body.refresh_token);
      const me = await server.call('GET', '/business/v1/me', { token: tokens.body.access_token });
      assert.equal(me.status, 200);
      assert.equal(me.body.user.email, account.email);
      assert.equal(me.body.user.role, role);
      assert.equal(me.body.user.staffMemberId, role === 'STAFF' ? alex?.id : undefined);
      assert.equal(me.body.user.passwordHash, undefined);
    }
  });

  it('keeps the password grant without scope for members: a business account is no member', async () => {
    const asMember = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'password', email: DEMO_OWNER.email, password: DEMO_OWNER.password },
    });
    assert.equal(asMember.status, 401);
    const member = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'password', email: 'member@example.com', password: 'harbor-demo' },
    });
    assert.equal(member.status, 200);
    assert.equal((await server.call('GET', '/business/v1/me', { token: member.body.access_token })).status, 403);
    const odd = await signIn(server, DEMO_OWNER.email, DEMO_OWNER.password, { scope: 'admin' });
    assert.equal(odd.status, 400);
    assert.deepEqual(errorShape(odd.body), { kind: 'validation', fields: ['scope'] });
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await signIn(server, DEMO_OWNER.email, 'not-the-password', {});
    const unknown = await signIn(server, 'nobody@example.com', 'not-the-password');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(wrong.body, unknown.body);
    assert.deepEqual(errorShape(wrong.body), { kind: 'application', code: 'INVALID_CREDENTIALS' });
  });

  it('throttles repeated wrong passwords with 429 and Retry-After, the right one included', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await signIn(server, DEMO_STAFF.email, `wrong-${i}-password`)).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
    const locked = await signIn(server, DEMO_STAFF.email, DEMO_STAFF.password);
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.deepEqual(errorShape(locked.body), { kind: 'application', code: 'TOO_MANY_LOGIN_ATTEMPTS' });
  });

  it('the owner key is no account: /business/v1/me is 403 BUSINESS_LOGIN_REQUIRED; no token is 401', async () => {
    const me = await server.call('GET', '/business/v1/me', { token: OWNER_KEY });
    assert.equal(me.status, 403);
    assert.deepEqual(errorShape(me.body), { kind: 'application', code: 'BUSINESS_LOGIN_REQUIRED' });
    assert.equal((await server.call('GET', '/business/v1/me')).status, 401);
  });

  it('refreshes, and stops working at once when revoked (access and refresh alike)', async () => {
    const tokens = await signIn(server, DEMO_OWNER.email, DEMO_OWNER.password);
    const refreshed = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'refresh_token', refresh_token: tokens.body.refresh_token },
    });
    assert.equal(refreshed.status, 200);
    const token = refreshed.body.access_token;
    assert.equal((await server.call('GET', '/business/v1/me', { token })).status, 200);
    assert.equal(
      (await server.call('GET', '/business/v1/me', { token: refreshed.body.refresh_token })).status,
      401,
      'a refresh token is no access token',
    );
    assert.equal((await server.call('POST', '/oauth2/revoke', { body: { token } })).status, 200);
    assert.equal((await server.call('GET', '/business/v1/me', { token })).status, 401);
    assert.equal((await server.call('GET', '/business/v1/users', { token })).status, 401, 'an OWNER right ends with the session');
    const again = await server.call('POST', '/oauth2/token', {
      body: { grantType: 'refresh_token', refresh_token: refreshed.body.refresh_token },
    });
    assert.equal(again.status, 400);
  });
});

describe("business accounts: changing one's own password", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  it("checks the current password, applies the rules, and ends the account's other sessions", async () => {
    const here = (await signIn(server, DEMO_STAFF.email, DEMO_STAFF.password)).body.access_token;
    const elsewhere = (await signIn(server, DEMO_STAFF.email, DEMO_STAFF.password)).body.access_token;
    const change = (token: string, currentPassword: string, newPassword: string) =>
      server.call('POST', '/business/v1/me/password', { token, body: { currentPassword, newPassword } });

    const wrong = await change(here, 'not-my-password', 'a much better secret');
    assert.equal(wrong.status, 400);
    assert.deepEqual(errorShape(wrong.body), { kind: 'validation', fields: ['currentPassword'] });
    const weak = await change(here, DEMO_STAFF.password, 'short');
    assert.deepEqual(errorShape(weak.body), { kind: 'validation', fields: ['newPassword'] });

    const ok = await change(here, DEMO_STAFF.password, 'a much better secret');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal((await server.call('GET', '/business/v1/me', { token: here })).status, 200, 'the caller stays signed in');
    assert.equal((await server.call('GET', '/business/v1/me', { token: elsewhere })).status, 401, 'other sessions end');
    assert.equal((await signIn(server, DEMO_STAFF.email, DEMO_STAFF.password)).status, 401);
    assert.equal((await signIn(server, DEMO_STAFF.email, 'a much better secret')).status, 200);
    const stored = await server.storage.businessUsers.getByEmail(DEMO_STAFF.email);
    assert.match(stored?.passwordHash ?? '', /^scrypt\$/);
  });
});
