/**
 * Visitor (and, next, member) tokens (contract section 2). Tokens are random and opaque; only their sha256 is
 * stored, with an expiry. An access token and the refresh token issued with it form a session: revoking either
 * ends both at once, and refreshing rotates the refresh token. A refresh token is never an access token.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { TokenResponse } from '../../../src/model/members.js';
import type { Identity } from './identity.js';
import type { Storage, TokenRecord } from '../../storage/types.js';
import { DomainError } from '../errors.js';

export const ACCESS_TOKEN_SECONDS = 4 * 60 * 60;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 60 * 60;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
const newToken = (): string => randomBytes(32).toString('base64url');

const invalidGrant = (message: string) => new DomainError('INVALID_GRANT', message);

/** Told when a login's sessions end (logout), so open streams that hang on them can end too. */
export type RevocationListener = (familyId: string) => void;

export class TokenService {
  // Every open stream listens for the end of its login: no listener cap.
  private readonly revocations = new EventEmitter().setMaxListeners(0);

  constructor(
    private readonly storage: Storage,
    private readonly clock: () => Date,
  ) {}

  /** A new visitor: a fresh anonymous id and its first session. */
  issueAnonymous(clientId?: string): Promise<TokenResponse> {
    return this.issue({ kind: 'visitor', id: randomUUID() }, clientId);
  }

  private lastPurge = 0;

  /** Issue a session for a subject; members (password grant) reuse this. A refresh passes the family on. */
  async issue(subject: TokenRecord['subject'], clientId?: string, familyId?: string): Promise<TokenResponse> {
    const now = this.clock().getTime();
    // Expired tokens are useless: drop them now and then rather than on every call.
    if (now - this.lastPurge > 3_600_000) {
      this.lastPurge = now;
      await this.storage.tokens.purgeExpired(new Date(now).toISOString());
    }
    const sessionId = randomUUID();
    const access = newToken();
    const refresh = newToken();
    const base = { subject, sessionId, familyId: familyId ?? sessionId, ...(clientId ? { clientId } : {}) };
    await this.storage.transaction(async () => {
      await this.storage.tokens.insert(hashToken(access), {
        ...base,
        kind: 'access',
        expiresAt: new Date(now + ACCESS_TOKEN_SECONDS * 1000).toISOString(),
      });
      await this.storage.tokens.insert(hashToken(refresh), {
        ...base,
        kind: 'refresh',
        expiresAt: new Date(now + REFRESH_TOKEN_SECONDS * 1000).toISOString(),
      });
    });
    return { access_token: access, refresh_token: refresh, expires_in: ACCESS_TOKEN_SECONDS, token_type: 'Bearer' };
  }

  /** Trade a live refresh token for a new session of the same subject; the old session ends. */
  async refresh(refreshToken: string): Promise<TokenResponse> {
    const record = await this.live(refreshToken);
    if (!record || record.kind !== 'refresh')
      throw invalidGrant('The refresh token is not valid, was revoked or has expired: start again with grantType "anonymous".');
    await this.storage.tokens.revokeSession(record.sessionId, this.clock().toISOString());
    return this.issue(record.subject, record.clientId, record.familyId);
  }

  /**
   * Log out: end the login an access or refresh token belongs to (every session of its family), the anonymous
   * booking tokens it asked for, and its open live streams. Unknown tokens are ignored (RFC 7009).
   */
  async revoke(token: string): Promise<void> {
    const record = await this.storage.tokens.find(hashToken(token));
    if (!record) return;
    const at = this.clock().toISOString();
    await this.storage.transaction(async () => {
      await this.storage.tokens.revokeFamily(record.familyId, at);
      await this.storage.bookings.revokeAccessTokensOfFamily(record.familyId, at);
    });
    this.revocations.emit('revoked', record.familyId);
  }

  /** Returns the function that stops listening. */
  onRevoked(listener: RevocationListener): () => void {
    this.revocations.on('revoked', listener);
    return () => this.revocations.off('revoked', listener);
  }

  /** The `TokenVerifier` of http/auth.ts: live access tokens only. */
  verify = async (token: string): Promise<Identity | null> => {
    const record = await this.live(token);
    if (!record || record.kind !== 'access') return null;
    if (record.subject.kind === 'visitor') return { kind: 'visitor', visitorId: record.subject.id, familyId: record.familyId };
    if (record.subject.kind === 'business') {
      // Read each time: a deleted account, a new role or a new staff link counts at the next request.
      const user = await this.storage.businessUsers.get(record.subject.id);
      if (!user) return null;
      if (user.role === 'OWNER') return { kind: 'owner', userId: user.id, familyId: record.familyId };
      if (!user.staffMemberId) return null;
      return { kind: 'staff', userId: user.id, staffMemberId: user.staffMemberId, familyId: record.familyId };
    }
    const member = await this.storage.members.get(record.subject.id);
    return member ? { kind: 'member', memberId: member.id, contactId: member.contactId, familyId: record.familyId } : null;
  };

  private async live(token: string): Promise<TokenRecord | null> {
    if (token.length === 0 || token.length > 200) return null;
    const record = await this.storage.tokens.find(hashToken(token));
    if (!record || record.revokedAt || record.expiresAt <= this.clock().toISOString()) return null;
    return record;
  }
}
