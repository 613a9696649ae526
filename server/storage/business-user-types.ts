/** Business accounts as stored (contract section 12): the login email, the role, the staff link, the password hash. */
import type { BusinessRole } from '../../src/model/business-user.js';

export interface BusinessUserRecord {
  id: string;
  /** Trimmed and lower case; unique without regard to case. */
  email: string;
  role: BusinessRole;
  /** The staff member a STAFF account acts for; never set on an OWNER. */
  staffMemberId?: string;
  passwordHash: string;
  createdDate: string;
  updatedDate: string;
}

/** What an owner may change on an account; `staffMemberId: null` removes the link (a STAFF promoted to OWNER). */
export interface BusinessUserPatch {
  email?: string;
  role?: BusinessRole;
  staffMemberId?: string | null;
  passwordHash?: string;
}

export interface BusinessUserStore {
  /** Refused by the database when the email is taken (the domain checks first, inside the same transaction). */
  create(user: BusinessUserRecord): Promise<void>;
  get(id: string): Promise<BusinessUserRecord | null>;
  getByEmail(email: string): Promise<BusinessUserRecord | null>;
  /** Every account, oldest first. */
  list(): Promise<BusinessUserRecord[]>;
  /** The account as it became, or null when there is none with `id`. */
  update(id: string, patch: BusinessUserPatch, at: string): Promise<BusinessUserRecord | null>;
  delete(id: string): Promise<boolean>;
  /** How many OWNER accounts there are (read inside the transaction that may remove one: the last stays). */
  countOwners(): Promise<number>;
}
