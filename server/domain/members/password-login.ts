/**
 * The password check every sign-in shares (members, business accounts): the throttle first, one scrypt whether
 * the account exists or not (an unknown email costs what a wrong password does, so neither tells who has an
 * account), the same refusal for both, and a hash made with older parameters upgraded once the password is known.
 */
import { hashPassword, needsRehash } from '../passwords.js';
import type { DomainError } from '../errors.js';
import type { LoginThrottle } from './login-throttle.js';

/** A real hash of a throwaway password, verified when no account has the email. */
const DUMMY_HASH = hashPassword('not-an-account-password');

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

export interface PasswordAccount {
  passwordHash: string;
}

export interface PasswordLogin<A extends PasswordAccount> {
  throttle: LoginThrottle;
  passwords: PasswordHasher;
  /** The account with this email, or null. */
  find: () => Promise<A | null>;
  /** The refusal for a wrong email or password (one error for both). */
  refused: () => DomainError;
  /** Stores a new hash of the same password (the account's hash needed more work). */
  rehash: (account: A, hash: string) => Promise<void>;
}

/** The account whose password this is; throws `refused()` otherwise. */
export async function checkPassword<A extends PasswordAccount>(
  login: PasswordLogin<A>,
  attempt: { email: string; address: string },
  password: string,
): Promise<A> {
  await login.throttle.check(attempt);
  const account = await login.find();
  const ok = await login.passwords.verify(password, account?.passwordHash ?? (await DUMMY_HASH));
  if (!account || !ok) {
    await login.throttle.fail(attempt);
    throw login.refused();
  }
  await login.throttle.succeed(attempt);
  if (needsRehash(account.passwordHash)) await login.rehash(account, await login.passwords.hash(password));
  return account;
}
