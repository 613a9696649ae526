/** Identity, members and pricing plans (contract sections 2 and 8; extensions to Wix). */
import type { Money, Timestamp } from './common.js';

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  token_type: 'Bearer';
}

export interface Member {
  id: string;
  contactId: string;
  loginEmail: string;
  profile: { firstName?: string; lastName?: string; nickname?: string };
  createdDate: Timestamp;
  updatedDate: Timestamp;
}

/**
 * What `POST /members/v1/members/register` answers (202), whether the email was new or already a member's: the
 * answer never tells which (docs/security.md). A new email can sign in at once; a known one is emailed instead.
 */
export interface MemberRegistration {
  /** The email as the server keeps it: trimmed and lower case. */
  loginEmail: string;
  status: 'ACCEPTED';
}

export interface PricingPlan {
  id: string;
  name: string;
  description?: string;
  pricing: { price: Money; singlePaymentForDuration?: { count: number; unit: 'DAY' | 'MONTH' } };
  /** Credits a purchase grants; absent means unlimited. */
  credits?: number;
  durationInDays: number;
  /** Service types the plan pays for. */
  eligibleServiceIds: string[];
}

export interface MemberPlanOrder {
  id: string;
  planId: string;
  planName: string;
  memberId: string;
  /** CANCELED (extension, as Wix): its payment failed after the sale; it pays for nothing and has no credits. */
  status: 'ACTIVE' | 'ENDED' | 'CANCELED';
  credits?: { total: number; remaining: number };
  startDate: Timestamp;
  expirationDate: Timestamp;
  /** Why and when a CANCELED plan ended (Wix's `cancellation`). */
  cancellation?: { cause: 'PAYMENT_FAILURE'; reason: string; effectiveDate: Timestamp };
}
