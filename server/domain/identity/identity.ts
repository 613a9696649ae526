/**
 * Who is calling, as the domain sees it: the owner, a staff account, a visitor or a member. How a caller proves
 * it (a bearer token, the owner key) is the HTTP layer's business (server/http/auth.ts).
 *
 * An OWNER business account is the owner, with every right the owner key has: it is `owner` with its `userId`
 * (and its login's `familyId`), so every check of `kind === 'owner'` holds for it. A STAFF account is `staff`,
 * acting for one staff member: it sees and acts on that member's bookings only (bookings/access.ts).
 */
export type Identity =
  | { kind: 'owner'; userId?: string; familyId?: string }
  | { kind: 'staff'; userId: string; staffMemberId: string; familyId: string }
  | { kind: 'visitor'; visitorId: string; contactId?: string; familyId?: string }
  | { kind: 'member'; memberId: string; contactId: string; familyId?: string };
