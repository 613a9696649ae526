/**
 * A STAFF account's bookings as columns of the bookings table, for queries that must not read every booking into
 * JavaScript (the customers list). The same rule as staff-access.ts's `staffMemberSees`: an appointment by its
 * resource, a class booking by its session rule (an event id is base64url of `ruleId|localStart`, so the rule is
 * a prefix of it), a course booking by its schedule.
 */
import type { Storage } from '../../storage/types.js';
import type { BookingScope } from '../../storage/customer-types.js';

/**
 * The longest prefix of the event ids of `ruleId`'s sessions that base64url fixes: whole 3-byte groups of
 * `ruleId|`. For a rule id of 36 characters (a UUID) it is exactly the rule; a shorter group could also match
 * another rule's sessions whose id begins the same, which the customer page filters again with staffMemberSees.
 */
export function eventIdPrefix(ruleId: string): string {
  const bytes = Buffer.from(`${ruleId}|`, 'utf8');
  return bytes.subarray(0, Math.floor(bytes.length / 3) * 3).toString('base64url');
}

export async function staffScope(storage: Pick<Storage, 'schedules'>, staffMemberId: string): Promise<BookingScope> {
  const rules = await storage.schedules.listRules({ staffMemberId });
  return {
    staffMemberId,
    // An empty prefix (a rule id of one character) would match every class booking: leave such a rule out.
    eventIdPrefixes: [...new Set(rules.map((r) => eventIdPrefix(r.id)).filter((p) => p !== ''))],
    courseScheduleIds: [...new Set(rules.map((r) => r.scheduleId))],
  };
}
