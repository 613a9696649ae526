/** The sign-in throttle: per email, per address, and the window passing. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LoginThrottle } from '../../server/domain/members/login-throttle.js';
import { DomainError } from '../../server/domain/errors.js';

describe('login throttle', () => {
  it('locks an email after 5 failures until the window passes, then lets it try again', async () => {
    let now = 0;
    const t = new LoginThrottle({ clock: () => now, windowMs: 60_000 });
    const attempt = { email: 'A@example.com', address: '10.0.0.1' };
    for (let i = 0; i < 5; i++) {
      await t.check(attempt);
      await t.fail(attempt);
    }
    await assert.rejects(
      t.check({ ...attempt, email: 'a@example.com ' }),
      (e: unknown) => e instanceof DomainError && e.code === 'TOO_MANY_LOGIN_ATTEMPTS' && e.data['retryAfterSeconds'] === 60,
    );
    now = 60_001;
    await t.check(attempt);
  });

  it('locks an address only after 30 failures across emails', async () => {
    const t = new LoginThrottle({ clock: () => 0 });
    for (let i = 0; i < 30; i++) {
      const attempt = { email: `user${i}@example.com`, address: '10.0.0.2' };
      await t.check(attempt);
      await t.fail(attempt);
    }
    await assert.rejects(t.check({ email: 'fresh@example.com', address: '10.0.0.2' }), DomainError);
    await t.check({ email: 'fresh@example.com', address: '10.0.0.3' });
  });

  it('a good sign-in clears the email’s count from that address, not the address’s', async () => {
    const t = new LoginThrottle({ clock: () => 0, maxPerEmail: 2, maxPerAddress: 3 });
    const attempt = { email: 'b@example.com', address: '10.0.0.4' };
    await t.fail(attempt);
    await t.succeed(attempt);
    await t.fail(attempt);
    await t.check(attempt);
    await t.fail({ ...attempt, email: 'c@example.com' });
    await assert.rejects(t.check(attempt), DomainError, 'three failures from the address');
  });
});
