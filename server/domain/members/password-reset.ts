/**
 * Password reset by email (contract section 15). Asking answers alike for any address: the same work (a new
 * token and its hash, one transaction, one counter) whether or not the address is a member's, and only a
 * member's gets the email, through the outbox in the same transaction. A link works once, for an hour; only
 * the sha256 of its token is stored. Setting the new password ends every session the member had.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { NewOutboxEvent, OutboxEventType } from '../../storage/outbox-types.js';
import type { Storage } from '../../storage/types.js';
import { hashToken } from '../identity/tokens.js';
import { passwordProblem } from '../passwords.js';
import { DomainError, ValidationError } from '../errors.js';
import type { PasswordHasher } from './password-login.js';

export const PASSWORD_RESET_FQDN = 'members.internal.password_reset';
export const PASSWORD_RESET_REQUESTED = 'members.password_reset_requested' satisfies OutboxEventType;
/** How long a link works. */
export const RESET_LINK_MS = 60 * 60 * 1000;
/** Reset emails per address within the hour: a stranger asking again and again must not flood a member's inbox. */
export const RESET_EMAILS_PER_HOUR = 3;

export interface PasswordResetDeps {
  storage: Storage;
  passwords: PasswordHasher;
  clock: () => Date;
}

/** What the event carries to the email channel: the address, the member's own first name, the link's token. */
export interface PasswordResetPayload {
  email: string;
  firstName?: string;
  token: string;
  expiresAt: string;
}

/**
 * Records a link for the member with this email, if there is one, and queues its email. Answers nothing either
 * way. The raw token travels only in the outbox event, which the email channel turns into the link.
 */
export async function requestPasswordReset(deps: PasswordResetDeps, emailInput: string): Promise<void> {
  const { storage, clock } = deps;
  const email = emailInput.trim().toLowerCase();
  // Made whether or not the address is a member's, so both cost the same.
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  await storage.transaction(async () => {
    const now = clock();
    const member = await storage.members.getByEmail(email);
    const sent = await storage.counters.hit(`password-reset:${email}`, RESET_LINK_MS, Date.now());
    if (!member || sent.count > RESET_EMAILS_PER_HOUR) return;
    const expiresAt = new Date(now.getTime() + RESET_LINK_MS).toISOString();
    await storage.members.insertPasswordReset({ tokenHash, memberId: member.id, expiresAt, createdDate: now.toISOString() });
    const firstName = member.profile.firstName;
    await storage.outbox.append([
      resetEvent(member.id, { email: member.loginEmail, ...(firstName ? { firstName } : {}), token, expiresAt }, now),
    ]);
  });
}

const askAgain = 'Ask for a new link with "Forgot password?" where you sign in.';

/** Sets the member's new password from a live link, uses the link up and ends the member's sessions. */
export async function confirmPasswordReset(deps: PasswordResetDeps, token: string, password: string): Promise<void> {
  const { storage, passwords, clock } = deps;
  const tokenHash = hashToken(token);
  const reset = await storage.members.findPasswordReset(tokenHash);
  if (!reset) throw new DomainError('PASSWORD_RESET_LINK_INVALID', `This password reset link is not valid. ${askAgain}`);
  const used = () => new DomainError('PASSWORD_RESET_LINK_USED', `This password reset link was already used. ${askAgain}`);
  if (reset.usedAt) throw used();
  if (reset.expiresAt <= clock().toISOString())
    throw new DomainError('PASSWORD_RESET_LINK_EXPIRED', `This password reset link has expired: links work for one hour. ${askAgain}`);
  const member = await storage.members.get(reset.memberId);
  if (!member) throw new DomainError('PASSWORD_RESET_LINK_INVALID', `This password reset link is not valid. ${askAgain}`);
  const problem = passwordProblem(password, member.loginEmail);
  if (problem) throw new ValidationError([{ field: 'password', description: problem }]);
  const passwordHash = await passwords.hash(password);
  await storage.transaction(async () => {
    const at = clock().toISOString();
    // Marked in the transaction: of two uses racing, one finds the link used and changes nothing.
    if (!(await storage.members.usePasswordResets(member.id, tokenHash, at))) throw used();
    await storage.members.setPasswordHash(member.id, passwordHash, at);
    await storage.tokens.revokeSubject({ kind: 'member', id: member.id }, at);
  });
}

function resetEvent(memberId: string, payload: PasswordResetPayload, at: Date): NewOutboxEvent {
  return {
    id: randomUUID(),
    eventType: PASSWORD_RESET_REQUESTED,
    entityFqdn: PASSWORD_RESET_FQDN,
    entityId: memberId,
    payload: { ...payload },
    eventTime: at.toISOString(),
    createdAt: Date.now(),
  };
}

/** The payload of such an event as delivered; null when it is not one (or not well formed). */
export function passwordResetPayload(payload: Record<string, unknown>): PasswordResetPayload | null {
  const { email, firstName, token, expiresAt } = payload;
  if (typeof email !== 'string' || email === '' || typeof token !== 'string' || token === '' || typeof expiresAt !== 'string') return null;
  return { email, token, expiresAt, ...(typeof firstName === 'string' && firstName !== '' ? { firstName } : {}) };
}
