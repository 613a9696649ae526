/** The stores of people outside the business: contacts, members with their password-reset links, and plans. */
import type { PricingPlan, Member, MemberPlanOrder } from '../../src/model/members.js';
import type { ContactDetails } from '../../src/model/booking.js';

export interface ContactStore {
  /** The contact with this email (case-insensitive), created when new; names and phone are filled in when missing. */
  upsertByEmail(details: ContactDetails): Promise<string>;
  get(id: string): Promise<(ContactDetails & { contactId: string }) | null>;
}

export interface MemberRecord extends Member {
  passwordHash: string;
}

export interface PlanStore {
  list(): Promise<PricingPlan[]>;
  get(id: string): Promise<PricingPlan | null>;
  insert(plan: PricingPlan): Promise<void>;
  listMemberOrders(memberId: string): Promise<MemberPlanOrder[]>;
  insertMemberOrder(order: MemberPlanOrder): Promise<void>;
}

export interface MemberStore {
  getByEmail(email: string): Promise<MemberRecord | null>;
  get(id: string): Promise<MemberRecord | null>;
  insert(member: MemberRecord): Promise<void>;
  setPasswordHash(memberId: string, passwordHash: string, at: string): Promise<void>;
  /** Stores a password-reset link (contract section 15): only the sha256 of its token. */
  insertPasswordReset(reset: PasswordResetRecord): Promise<void>;
  /** The link with this token hash, used or not, expired or not; null when there is none. */
  findPasswordReset(tokenHash: string): Promise<PasswordResetRecord | null>;
  /** Marks every unused link of the member used at `at`; true when `tokenHash` was among them (it was unused). */
  usePasswordResets(memberId: string, tokenHash: string, at: string): Promise<boolean>;
}

export interface PasswordResetRecord {
  tokenHash: string;
  memberId: string;
  expiresAt: string;
  usedAt?: string;
  createdDate: string;
}
