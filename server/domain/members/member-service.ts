/**
 * Members (contract section 2, extension): register with a password (scrypt), sign in for tokens, read oneself.
 * Wrong email and wrong password get the same answer, and both cost one scrypt, so neither leaks who is a member.
 * Registration likewise: a new email and a member's email get the same answer for the same scrypt; the member's
 * address is emailed instead of getting a second account (docs/security.md).
 */
import type { Member, MemberRegistration, TokenResponse } from '../../../src/model/members.js';
import type { Storage } from '../../storage/types.js';
import type { TokenService } from '../identity/tokens.js';
import { hashPassword, passwordProblem, verifyPassword } from '../passwords.js';
import { DomainError, ValidationError } from '../errors.js';
import type { LoginThrottle } from './login-throttle.js';
import { registrationForKnownEmail } from './registration-event.js';
import { checkPassword, type PasswordHasher } from './password-login.js';
import { confirmPasswordReset, requestPasswordReset } from './password-reset.js';

export interface RegisterInput {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export type { PasswordHasher } from './password-login.js';

/**
 * "You already have an account" emails per address within a day: a stranger repeating registrations from many
 * addresses must not flood a member's inbox. Past it the answer is the same; only the email is skipped.
 */
export const KNOWN_EMAIL_NOTICES_PER_DAY = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

export function publicMember(record: Member): Member {
  const { id, contactId, loginEmail, profile, createdDate, updatedDate } = record;
  return { id, contactId, loginEmail, profile, createdDate, updatedDate };
}

export class MemberService {
  constructor(
    private readonly storage: Storage,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly clock: () => Date,
    /** The password hashing in use; a test counts its calls. */
    private readonly passwords: PasswordHasher = { hash: hashPassword, verify: verifyPassword },
  ) {}

  /**
   * The same answer and the same work (one scrypt, one transaction) whether `email` is new or a member's, so
   * neither the answer nor its time tells who is a member. A new email becomes a member, who then signs in; a
   * member's email creates nothing and, through the outbox in the same transaction, gets an email saying it
   * already has an account. Only a bad email or a weak password is refused, alike for both.
   */
  async register(input: RegisterInput): Promise<MemberRegistration> {
    const email = input.email.trim().toLowerCase();
    const violations = [];
    if (!EMAIL.test(email)) violations.push({ field: 'email', description: 'must be an email address, like name@example.com' });
    const problem = passwordProblem(input.password, email);
    if (problem) violations.push({ field: 'password', description: problem });
    if (violations.length > 0) throw new ValidationError(violations);
    // Hashed before the email is looked up: a member's email pays for the hash too (the door's limit bounds it).
    const passwordHash = await this.passwords.hash(input.password);
    await this.storage.transaction(async () => {
      const now = this.clock();
      const existing = await this.storage.members.getByEmail(email);
      if (existing) {
        const notices = await this.storage.counters.hit(`register:known:${email}`, DAY_MS, Date.now());
        if (notices.count > KNOWN_EMAIL_NOTICES_PER_DAY) return;
        const firstName = existing.profile.firstName;
        await this.storage.outbox.append([
          registrationForKnownEmail(existing.id, { email: existing.loginEmail, ...(firstName ? { firstName } : {}) }, now),
        ]);
        return;
      }
      const contactId = await this.storage.contacts.upsertByEmail({
        email,
        ...(input.firstName ? { firstName: input.firstName } : {}),
        ...(input.lastName ? { lastName: input.lastName } : {}),
      });
      const member = {
        id: crypto.randomUUID(),
        contactId,
        loginEmail: email,
        profile: { ...(input.firstName ? { firstName: input.firstName } : {}), ...(input.lastName ? { lastName: input.lastName } : {}) },
        passwordHash,
        createdDate: now.toISOString(),
        updatedDate: now.toISOString(),
      };
      await this.storage.members.insert(member);
    });
    return { loginEmail: email, status: 'ACCEPTED' };
  }

  /** The password grant of `POST /oauth2/token`. `clientAddress` adds a per-address throttle to the per-email one. */
  async login(email: string, password: string, clientAddress: string, clientId?: string): Promise<TokenResponse> {
    const member = await checkPassword(
      {
        throttle: this.throttle,
        passwords: this.passwords,
        find: () => this.storage.members.getByEmail(email.trim()),
        refused: () => new DomainError('INVALID_CREDENTIALS', 'That email and password do not match a member. Check them and try again.'),
        rehash: (found, hash) => this.storage.members.setPasswordHash(found.id, hash, this.clock().toISOString()),
      },
      { email, address: clientAddress },
      password,
    );
    return this.tokens.issue({ kind: 'member', id: member.id }, clientId);
  }

  /** Emails a one-hour, single-use link when `email` is a member's; answers alike either way (password-reset.ts). */
  requestPasswordReset(email: string): Promise<void> {
    return requestPasswordReset({ storage: this.storage, passwords: this.passwords, clock: this.clock }, email);
  }

  /** Sets a new password from a live link; the link is used up and the member's sessions end. */
  resetPassword(token: string, password: string): Promise<void> {
    return confirmPasswordReset({ storage: this.storage, passwords: this.passwords, clock: this.clock }, token, password);
  }

  async get(memberId: string): Promise<Member> {
    const member = await this.storage.members.get(memberId);
    if (!member) throw new DomainError('MEMBER_NOT_FOUND', 'This member no longer exists.');
    return publicMember(member);
  }
}
