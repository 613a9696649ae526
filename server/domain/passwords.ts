/**
 * Password hashing with scrypt (node:crypto) and a constant-time check. Stored as `scrypt$N$r$p$salt$hash`, so
 * older hashes still verify and are upgraded at the next sign-in (`needsRehash`).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key))));

// OWASP's minimum for scrypt, in its 16 MiB form (N=2^14, r=8, p=5: the same work as N=2^17, p=1, with an
// eighth of the memory, so a burst of sign-ins cannot exhaust a small server's memory).
export const SCRYPT_PARAMS = { N: 2 ** 14, r: 8, p: 5 } as const;
const PARAMS = SCRYPT_PARAMS;
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when a stored hash was made with less work than today's parameters. */
export function needsRehash(stored: string): boolean {
  const [kind, n, r, p] = stored.split('$');
  return kind !== 'scrypt' || Number(n) * Number(r) * Number(p) < PARAMS.N * PARAMS.r * PARAMS.p;
}

/** Password rules (docs/security.md): a message a person can act on, or null when the password is fine. */
export function passwordProblem(password: string, email: string): string | null {
  if ([...password].length < 10) return 'must be at least 10 characters long';
  if (new Set(password).size === 1) return 'must not be one character repeated';
  const local = email.trim().toLowerCase();
  const lower = password.toLowerCase();
  if (lower === local || lower === local.split('@')[0]) return 'must not be your email address';
  return null;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, saltText, keyText] = stored.split('$');
  if (kind !== 'scrypt' || !n || !r || !p || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64url');
  const actual = await scrypt(password, Buffer.from(saltText, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
