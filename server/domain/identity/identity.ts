/**
 * Who is calling, as the domain sees it: the owner, a visitor or a member. How a caller proves it (a bearer
 * token, the owner key) is the HTTP layer's business (server/http/auth.ts).
 */
export type Identity =
  | { kind: 'owner' }
  | { kind: 'visitor'; visitorId: string; contactId?: string; familyId?: string }
  | { kind: 'member'; memberId: string; contactId: string; familyId?: string };
