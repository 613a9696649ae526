/**
 * The demo's business accounts (contract section 12): an OWNER and a STAFF account for Alex Rivera, so the console
 * can be tried both ways. Hashed as members' are (passwords.ts). The seed writes the rows itself, so the password
 * rules (passwordProblem) are not asked; these two meet them anyway, and accounts made through the API or
 * `booking-server users add` always must.
 */
import { hashPassword } from '../domain/passwords.js';
import type { DemoTeam } from './demo-team.js';
import { id, type SeedContext } from './demo-values.js';

export const DEMO_OWNER = { email: 'owner@example.com', password: 'harbor-owner' } as const;
export const DEMO_STAFF = { email: 'alex@example.com', password: 'harbor-staff' } as const;

export async function seedAccounts({ storage, stamp }: SeedContext, { staff }: DemoTeam): Promise<void> {
  const [ownerHash, staffHash] = await Promise.all([hashPassword(DEMO_OWNER.password), hashPassword(DEMO_STAFF.password)]);
  await storage.businessUsers.create({
    id: id(),
    email: DEMO_OWNER.email,
    role: 'OWNER',
    passwordHash: ownerHash,
    createdDate: stamp,
    updatedDate: stamp,
  });
  await storage.businessUsers.create({
    id: id(),
    email: DEMO_STAFF.email,
    role: 'STAFF',
    staffMemberId: staff.alex.id,
    passwordHash: staffHash,
    createdDate: stamp,
    updatedDate: stamp,
  });
}
