/**
 * The policy form's "Used by" checklist (a checkbox a service) and the saving of it: each changed service is patched
 * with its own revision, one by one, so one refusal (someone saved that service meanwhile) leaves the rest saved and
 * is reported by name with the server's message.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BookingClient } from '../../api/client.js';
import { errorText } from '../texts.js';
import type { Move } from '../policies/policy-assign.js';
import { POLICY_TEXT as T } from '../policies/policy-texts.js';
import type { Service } from '../../model/service.js';

export interface UsedByProps {
  services: readonly Service[];
  ticked: ReadonlySet<string>;
  /** Services that use the default policy cannot be unticked there: there is no other policy to move them to. */
  locked: ReadonlySet<string>;
  failures: readonly MoveFailure[];
  toggle: (serviceId: string, on: boolean) => void;
}

export interface MoveFailure {
  serviceId: string;
  name: string;
  message: string;
}

export function usedByField(p: UsedByProps): TemplateResult {
  const hint = p.locked.size > 0 ? T.defaultUsedHint : T.usedByHint;
  const sorted = [...p.services].sort((a, b) => a.name.localeCompare(b.name));
  return html`<fieldset class="field part" aria-describedby="h-usedBy" data-used-by>
    <legend>${T.usedBy}</legend>
    <span class="hint" id="h-usedBy">${hint}</span>
    ${p.services.length === 0 ? html`<span class="hint">${T.noServices}</span>` : nothing}
    ${sorted.map(
      (s) =>
        html`<label class="check"
          ><input
            type="checkbox"
            data-service-id=${s.id}
            .checked=${p.ticked.has(s.id)}
            ?disabled=${p.locked.has(s.id)}
            @change=${(e: Event) => p.toggle(s.id, (e.target as HTMLInputElement).checked)}
          />
          ${s.name}</label
        >`,
    )}
    ${
      p.failures.length > 0
        ? html`<div class="error" role="alert" id="e-usedBy">
            <p>${T.notMoved}</p>
            <ul>
              ${p.failures.map((f) => html`<li data-service-id=${f.serviceId}>${f.name}: ${f.message}</li>`)}
            </ul>
          </div>`
        : nothing
    }
  </fieldset>`;
}

/** Patches each move's service with its revision; answers the refusals (the others are saved). */
export async function applyMoves(client: BookingClient, moves: readonly Move[]): Promise<MoveFailure[]> {
  const failures: MoveFailure[] = [];
  for (const { service, toPolicyId } of moves) {
    try {
      await client.catalogue.updateService(service.id, service.revision, { bookingPolicy: { id: toPolicyId } });
    } catch (e) {
      failures.push({ serviceId: service.id, name: service.name, message: errorText(e) });
    }
  }
  return failures;
}
