/**
 * Members (contract section 2, extension): register with a password (scrypt), sign in for tokens, read oneself.
 * Wrong email and wrong password get the same answer, and both cost one scrypt, so neither leaks who is a member.
 */
import type { Member, TokenResponse } from '../../../src/model/members.js';
import type { Storage } from '../../storage/types.js';
import type { TokenService } from '../identity/tokens.js';
import { hashPassword, needsRehash, passwordProblem, verifyPassword } from '../passwords.js';
import { DomainError, ValidationError } from '../errors.js';
import type { LoginThrottle } from './login-throttle.js';

export interface RegisterInput {
  email: string;
  password: string;
  firstName?: string;
  lastName?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/** A real hash of a throwaway password, so an unknown email costs the same scrypt as a known one. */
const DUMMY_HASH = hashPassword('not-a-member-password');

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

  async register(input: RegisterInput): Promise<Member> {
    const email = input.email.trim().toLowerCase();
    const violations = [];
    if (!EMAIL.test(email)) violations.push({ field: 'email', description: 'must be an email address, like name@example.com' });
    const problem = passwordProblem(input.password, email);
    if (problem) violations.push({ field: 'password', description: problem });
    if (violations.length > 0) throw new ValidationError(violations);
    // Cheap checks first: a known email must not cost a password hash (a flood of them would slow every login).
    const exists = () => new DomainError('MEMBER_ALREADY_EXISTS', 'There is already a member with this email: sign in instead.');
    if (await this.storage.members.getByEmail(email)) throw exists();
    const passwordHash = await this.passwords.hash(input.password);
    return this.storage.transaction(async () => {
      // Checked again inside: two registrations of one email may have raced past the first check.
      if (await this.storage.members.getByEmail(email)) throw exists();
      const contactId = await this.storage.contacts.upsertByEmail({
        email,
        ...(input.firstName ? { firstName: input.firstName } : {}),
        ...(input.lastName ? { lastName: input.lastName } : {}),
      });
      const now = this.clock().toISOString();
      const member = {
        id: crypto.randomUUID(),
        contactId,
        loginEmail: email,
        profile: { ...(input.firstName ? { firstName: input.firstName } : {}), ...(input.lastName ? { lastName: input.lastName } : {}) },
        passwordHash,
        createdDate: now,
        updatedDate: now,
      };
      await this.storage.members.insert(member);
      return publicMember(member);
    });
  }

  /** The password grant of `POST /oauth2/token`. `clientAddress` adds a per-address throttle to the per-email one. */
  async login(email: string, password: string, clientAddress: string, clientId?: string): Promise<TokenResponse> {
    const attempt = { email, address: clientAddress };
    await this.throttle.check(attempt);
    const member = await this.storage.members.getByEmail(email.trim());
    const ok = await this.passwords.verify(password, member?.passwordHash ?? (await DUMMY_HASH));
    if (!member || !ok) {
      await this.throttle.fail(attempt);
      throw new DomainError('INVALID_CREDENTIALS', 'That email and password do not match a member. Check them and try again.');
    }
    await this.throttle.succeed(attempt);
    if (needsRehash(member.passwordHash)) {
      // Hashed with less work than today's parameters: upgrade it now that we know the password.
      await this.storage.members.setPasswordHash(member.id, await this.passwords.hash(password), this.clock().toISOString());
    }
    return this.tokens.issue({ kind: 'member', id: member.id }, clientId);
  }

  async get(memberId: string): Promise<Member> {
    const member = await this.storage.members.get(memberId);
    if (!member) throw new DomainError('MEMBER_NOT_FOUND', 'This member no longer exists.');
    return publicMember(member);
  }
}
