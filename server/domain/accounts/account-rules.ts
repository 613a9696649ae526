/**
 * What makes a business account valid (contract section 12), as field violations a person can act on: an email
 * address, a role of OWNER or STAFF, a STAFF account linked to a staff member that exists (an OWNER to none), and
 * a password by the same rules as members' (passwords.ts).
 */
import type { FieldViolation } from '../../../src/model/errors.js';
import type { BusinessRole } from '../../../src/model/business-user.js';
import type { Storage } from '../../storage/types.js';
import { passwordProblem } from '../passwords.js';

export const BUSINESS_ROLES: readonly BusinessRole[] = ['OWNER', 'STAFF'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const normalEmail = (email: string): string => email.trim().toLowerCase();

export const isRole = (role: string): role is BusinessRole => (BUSINESS_ROLES as readonly string[]).includes(role);

export function emailViolations(email: string): FieldViolation[] {
  return EMAIL.test(normalEmail(email)) ? [] : [{ field: 'email', description: 'must be an email address, like name@example.com' }];
}

export function roleViolations(role: string): FieldViolation[] {
  return isRole(role) ? [] : [{ field: 'role', description: 'must be "OWNER" or "STAFF"' }];
}

export function passwordViolations(password: string, email: string, field = 'password'): FieldViolation[] {
  const problem = passwordProblem(password, normalEmail(email));
  return problem ? [{ field, description: problem }] : [];
}

/** A STAFF account names a staff member of the business; an OWNER names none. */
export async function staffLinkViolations(
  storage: Pick<Storage, 'staff'>,
  role: string,
  staffMemberId: string | null | undefined,
): Promise<FieldViolation[]> {
  if (role === 'OWNER' && staffMemberId)
    return [{ field: 'staffMemberId', description: 'must be left out for an OWNER: owners act for the whole business' }];
  if (role !== 'STAFF') return [];
  if (!staffMemberId)
    return [{ field: 'staffMemberId', description: 'is required for a STAFF account: the staff member whose bookings it works on' }];
  if (!(await storage.staff.get(staffMemberId)))
    return [{ field: 'staffMemberId', description: `names no staff member of this business (${staffMemberId})` }];
  return [];
}
