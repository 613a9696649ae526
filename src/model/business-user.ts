/** Business accounts (contract section 12, extension): who signs in to the console, and with which rights. */

/** OWNER: everything the owner key may do. STAFF: the bookings of one staff member's sessions and appointments. */
export type BusinessRole = 'OWNER' | 'STAFF';

/** An account as the API answers it: never its password or its hash. */
export interface BusinessUser {
  id: string;
  email: string;
  role: BusinessRole;
  /** The staff member a STAFF account acts for. */
  staffMemberId?: string;
  createdDate: string;
  updatedDate: string;
}
