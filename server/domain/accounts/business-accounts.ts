/**
 * Business accounts (contract section 12): sign-in with scope "business", the caller's own account and password,
 * and the OWNER's CRUD over every account. Hashing and throttling are the members' (passwords.ts, LoginThrottle):
 * a wrong password and an unknown email get the same 401 for the same scrypt, so the door tells nobody which
 * emails have an account. The last OWNER can be neither deleted nor demoted, so the business is never left
 * without one (the owner key aside).
 */
import { randomUUID } from 'node:crypto';
import type { BusinessRole, BusinessUser } from '../../../src/model/business-user.js';
import type { TokenResponse } from '../../../src/model/members.js';
import type { BusinessUserRecord } from '../../storage/business-user-types.js';
import type { Storage } from '../../storage/types.js';
import type { Identity } from '../identity/identity.js';
import type { TokenService } from '../identity/tokens.js';
import type { LoginThrottle } from '../members/login-throttle.js';
import type { PasswordHasher } from '../members/member-service.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { checkPassword } from '../members/password-login.js';
import { DomainError, ValidationError, notFound } from '../errors.js';
import { emailViolations, isRole, normalEmail, passwordViolations, roleViolations, staffLinkViolations } from './account-rules.js';

export interface NewBusinessUser {
  email: string;
  role: string;
  staffMemberId?: string | undefined;
  password: string;
}

export interface BusinessUserChange {
  email?: string | undefined;
  role?: string | undefined;
  /** null removes the link (with a move to OWNER it goes by itself). */
  staffMemberId?: string | null | undefined;
  password?: string | undefined;
}

export function publicUser(record: BusinessUserRecord): BusinessUser {
  const { id, email, role, staffMemberId, createdDate, updatedDate } = record;
  return { id, email, role, ...(staffMemberId ? { staffMemberId } : {}), createdDate, updatedDate };
}

const userNotFound = (id: string) => notFound('Business account', id, 'BUSINESS_USER_NOT_FOUND');
const lastOwner = (what: string) =>
  new DomainError('LAST_OWNER', `This is the last OWNER account, so it cannot be ${what}: make another account OWNER first.`);
const subject = (id: string) => ({ kind: 'business' as const, id });

export class BusinessAccounts {
  constructor(
    private readonly storage: Storage,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly clock: () => Date,
    private readonly passwords: PasswordHasher = { hash: hashPassword, verify: verifyPassword },
  ) {}

  /** The password grant with scope "business": the usual token answer, a session like a member's. */
  async login(email: string, password: string, clientAddress: string, clientId?: string): Promise<TokenResponse> {
    const user = await checkPassword(
      {
        throttle: this.throttle,
        passwords: this.passwords,
        find: () => this.storage.businessUsers.getByEmail(normalEmail(email)),
        refused: () =>
          new DomainError('INVALID_CREDENTIALS', 'That email and password do not match a business account. Check them and try again.'),
        rehash: async (found, hash) =>
          void (await this.storage.businessUsers.update(found.id, { passwordHash: hash }, this.clock().toISOString())),
      },
      { email, address: clientAddress },
      password,
    );
    return this.tokens.issue(subject(user.id), clientId);
  }

  /** The signed-in account; the owner key is no account (403 BUSINESS_LOGIN_REQUIRED). */
  async me(identity: Identity): Promise<BusinessUser> {
    return publicUser(await this.own(identity));
  }

  /**
   * Change one's own password, knowing the current one (wrong guesses count in the sign-in throttle). Every other
   * session of the account ends: whoever else held it is signed out; the caller's own login stays.
   */
  async changePassword(identity: Identity, currentPassword: string, newPassword: string, clientAddress: string): Promise<void> {
    const user = await this.own(identity);
    const attempt = { email: user.email, address: clientAddress };
    await this.throttle.check(attempt);
    if (!(await this.passwords.verify(currentPassword, user.passwordHash))) {
      await this.throttle.fail(attempt);
      throw ValidationError.field('currentPassword', 'is not the current password of this account');
    }
    const violations = passwordViolations(newPassword, user.email, 'newPassword');
    if (violations.length > 0) throw new ValidationError(violations);
    const hash = await this.passwords.hash(newPassword);
    const at = this.clock().toISOString();
    await this.storage.transaction(async () => {
      await this.storage.businessUsers.update(user.id, { passwordHash: hash }, at);
      await this.storage.tokens.revokeSubject(subject(user.id), at, identity.familyId);
    });
  }

  // ---- the OWNER's CRUD ----

  async list(): Promise<BusinessUser[]> {
    return (await this.storage.businessUsers.list()).map(publicUser);
  }

  async get(id: string): Promise<BusinessUser> {
    const user = await this.storage.businessUsers.get(id);
    if (!user) throw userNotFound(id);
    return publicUser(user);
  }

  /** Also the CLI's `users add` and so the way to the first OWNER. */
  async create(input: NewBusinessUser): Promise<BusinessUser> {
    const email = normalEmail(input.email);
    const violations = [
      ...emailViolations(email),
      ...roleViolations(input.role),
      ...(await staffLinkViolations(this.storage, input.role, input.staffMemberId)),
      ...passwordViolations(input.password, email),
    ];
    if (violations.length > 0 || !isRole(input.role)) throw new ValidationError(violations);
    const role: BusinessRole = input.role;
    const passwordHash = await this.passwords.hash(input.password);
    return this.storage.transaction(async () => {
      await this.refuseTaken(email);
      const now = this.clock().toISOString();
      const user: BusinessUserRecord = {
        id: randomUUID(),
        email,
        role,
        ...(role === 'STAFF' && input.staffMemberId ? { staffMemberId: input.staffMemberId } : {}),
        passwordHash,
        createdDate: now,
        updatedDate: now,
      };
      await this.storage.businessUsers.create(user);
      return publicUser(user);
    });
  }

  /** Change an account's email, role, staff link or password; a new password signs the account out everywhere. */
  async update(id: string, change: BusinessUserChange): Promise<BusinessUser> {
    const current = await this.storage.businessUsers.get(id);
    if (!current) throw userNotFound(id);
    const email = change.email !== undefined ? normalEmail(change.email) : current.email;
    const role = change.role ?? current.role;
    // Becoming OWNER drops the staff link; staying or becoming STAFF keeps the current one unless a new one is sent.
    const staffMemberId =
      role === 'OWNER'
        ? (change.staffMemberId ?? null)
        : change.staffMemberId !== undefined
          ? change.staffMemberId
          : (current.staffMemberId ?? null);
    const violations = [
      ...(change.email !== undefined ? emailViolations(email) : []),
      ...roleViolations(role),
      ...(await staffLinkViolations(this.storage, role, staffMemberId)),
      ...(change.password !== undefined ? passwordViolations(change.password, email) : []),
    ];
    if (violations.length > 0 || !isRole(role)) throw new ValidationError(violations);
    const passwordHash = change.password !== undefined ? await this.passwords.hash(change.password) : undefined;
    return this.storage.transaction(async () => {
      const stored = await this.storage.businessUsers.get(id);
      if (!stored) throw userNotFound(id);
      if (stored.role === 'OWNER' && role !== 'OWNER' && (await this.storage.businessUsers.countOwners()) <= 1)
        throw lastOwner('made STAFF');
      if (email !== stored.email) await this.refuseTaken(email);
      const at = this.clock().toISOString();
      const updated = await this.storage.businessUsers.update(
        id,
        { email, role, staffMemberId: role === 'STAFF' ? staffMemberId : null, ...(passwordHash ? { passwordHash } : {}) },
        at,
      );
      if (!updated) throw userNotFound(id);
      if (passwordHash) await this.storage.tokens.revokeSubject(subject(id), at);
      return publicUser(updated);
    });
  }

  /** Delete an account and end its sessions; never the last OWNER. */
  async remove(id: string): Promise<void> {
    await this.storage.transaction(async () => {
      const stored = await this.storage.businessUsers.get(id);
      if (!stored) throw userNotFound(id);
      if (stored.role === 'OWNER' && (await this.storage.businessUsers.countOwners()) <= 1) throw lastOwner('deleted');
      await this.storage.businessUsers.delete(id);
      await this.storage.tokens.revokeSubject(subject(id), this.clock().toISOString());
    });
  }

  private async own(identity: Identity): Promise<BusinessUserRecord> {
    const userId = identity.kind === 'owner' || identity.kind === 'staff' ? identity.userId : undefined;
    if (!userId) {
      throw new DomainError(
        'BUSINESS_LOGIN_REQUIRED',
        'This is about a business account: sign in with POST /oauth2/token (grantType "password", scope "business"); the owner key is no account.',
      );
    }
    const user = await this.storage.businessUsers.get(userId);
    if (!user) throw userNotFound(userId);
    return user;
  }

  private async refuseTaken(email: string): Promise<void> {
    if (await this.storage.businessUsers.getByEmail(email))
      throw new DomainError('ALREADY_EXISTS', `Another business account already uses ${email}.`, { field: 'email' });
  }
}
