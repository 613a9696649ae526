/**
 * Anonymous access as Wix has it (contract section 5): a booking's creator asks for a link token, and the token
 * alone then reads that one booking. Cancel and reschedule by token are booking commands with an anonymous caller.
 */
import { randomBytes } from 'node:crypto';
import type { AllowedActions, Booking } from '../../../src/model/booking.js';
import type { Identity } from '../identity/identity.js';
import type { BookingAccessToken, Storage } from '../../storage/types.js';
import { DomainError } from '../errors.js';
import { hashToken } from '../identity/tokens.js';
import { bookingNotFound, visibleTo } from './access.js';
import { serviceIdOf } from './booked-service.js';
import { allowedActions } from './policy.js';

/** How long a booking link works after the booking ends, and how many live links one booking may have. */
export const ANONYMOUS_TOKEN_DAYS = 30;
export const MAX_ANONYMOUS_TOKENS = 10;

export class AnonymousAccess {
  constructor(
    private readonly storage: Storage,
    private readonly clock: () => Date,
  ) {}

  /**
   * A link token for one booking. It expires ANONYMOUS_TOKEN_DAYS after the booking ends (at least that long from
   * now), dies with the asking visitor's login, and only the newest MAX_ANONYMOUS_TOKENS of a booking stay live.
   */
  async issueToken(identity: Identity, id: string): Promise<string> {
    const record = visibleTo(identity, id, await this.storage.bookings.get(id));
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const from = Math.max(now.getTime(), Date.parse(record.booking.endDate ?? '') || 0);
    await this.storage.bookings.saveAccessToken(
      hashToken(token),
      {
        bookingId: record.booking.id,
        ...(identity.kind !== 'owner' && identity.familyId ? { familyId: identity.familyId } : {}),
        createdDate: now.toISOString(),
        expiresAt: new Date(from + ANONYMOUS_TOKEN_DAYS * 86_400_000).toISOString(),
      },
      MAX_ANONYMOUS_TOKENS,
    );
    return token;
  }

  /** The live grant an anonymous token holds; 404 INVALID_TOKEN for anything else (unknown, expired, revoked). */
  async accessForToken(token: string): Promise<BookingAccessToken> {
    const invalid = new DomainError('INVALID_TOKEN', 'This booking link is not valid or has expired; ask the business for a new one.');
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalid;
    // Looked up by sha256: the stored hash tells nothing usable about the token, and no compare of secrets runs here.
    const access = await this.storage.bookings.findByAccessToken(hashToken(token), this.clock().toISOString());
    if (!access) throw invalid;
    return access;
  }

  async bookingIdForToken(token: string): Promise<string> {
    return (await this.accessForToken(token)).bookingId;
  }

  /** The booking behind a token, with what its holder may do to it. */
  async view(token: string): Promise<{ booking: Booking; allowedAnonymousActions: AllowedActions }> {
    const id = await this.bookingIdForToken(token);
    const record = await this.storage.bookings.get(id);
    if (!record) throw bookingNotFound(id);
    const service = await this.storage.catalogue.getService(serviceIdOf(record.booking));
    const actions = service
      ? allowedActions(service.bookingPolicy, record.booking, this.clock(), 'anonymous')
      : { cancel: false, reschedule: false };
    return { booking: record.booking, allowedAnonymousActions: actions };
  }
}
