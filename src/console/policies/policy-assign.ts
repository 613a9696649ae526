/**
 * Which services a save moves (pure): the "Used by" checklist against what each service uses now. A ticked service
 * moves to this policy; an unticked one that used it moves back to the default policy (a service always has one).
 */
import type { Service } from '../../model/service.js';

export interface Move {
  service: Service;
  /** The policy the service moves to. */
  toPolicyId: string;
}

export function usersOf(services: readonly Service[], policyId: string | undefined): Set<string> {
  return new Set(services.filter((s) => policyId !== undefined && s.bookingPolicy.id === policyId).map((s) => s.id));
}

export function movesFor(
  services: readonly Service[],
  policyId: string,
  ticked: ReadonlySet<string>,
  defaultId: string | undefined,
): Move[] {
  const moves: Move[] = [];
  for (const service of services) {
    const uses = service.bookingPolicy.id === policyId;
    if (ticked.has(service.id) && !uses) moves.push({ service, toPolicyId: policyId });
    else if (!ticked.has(service.id) && uses && defaultId && defaultId !== policyId) moves.push({ service, toPolicyId: defaultId });
  }
  return moves;
}
