/** The service and variant steps: what the customer picked, and what a new pick resets. */
import type { ServiceOptionsAndVariants } from '../../model/service.js';
import { maxParticipants, singleChoice } from '../booking-request.js';
import { monthOf } from '../calendar.js';
import { AUTO_ADVANCE_MONTHS } from '../context.js';
import { paymentChoices } from '../price.js';
import type { Catalogue, FlowContext } from '../types.js';

type Args = { context: FlowContext };
type Change = Partial<FlowContext>;

export const rememberCatalogue = (_: unknown, { services, business }: Catalogue): Change => ({ services, business });

export const setCategory = (_: unknown, categoryId: string | undefined): Change => ({ categoryId });

/** Picks a service; what was chosen for another service (variant, slot, month) starts again. */
export function chooseService({ context }: Args, serviceId: string): Change {
  const service = context.services.find((s) => s.id === serviceId);
  const sameService = service?.id === context.service?.id;
  const choice = service ? paymentChoices(service)[0] : undefined;
  return {
    service,
    ...(sameService
      ? {}
      : {
          variants: undefined,
          counts: {},
          slot: undefined,
          day: undefined,
          staffId: undefined,
          course: undefined,
          slots: [],
          month: monthOf(context.today),
          autoAdvance: AUTO_ADVANCE_MONTHS,
        }),
    priceInfo: undefined,
    raceLost: false,
    payment: choice?.payment ?? 'OFFLINE',
    depositSelected: choice?.depositSelected ?? false,
  };
}

/** A service without variants, for one participant: the variant step is skipped. */
export const skipVariants = (): Change => ({ variants: null, variantShown: false, counts: { '': 1 } });

/** Shows the variant step; counts chosen earlier for this service stay (Back from the slot step). */
export function showVariants({ context }: Args, variants: ServiceOptionsAndVariants | null): Change {
  const kept = Object.keys(context.counts).length > 0 && context.variants !== undefined;
  return { variants, variantShown: true, counts: kept ? context.counts : firstCounts(variants) };
}

export function setCount({ context }: Args, { key, count }: { key: string; count: number }): Change {
  const clamped = Math.max(0, Math.min(maxParticipants(context), Math.floor(count)));
  return {
    counts: singleChoice(context) ? { [key]: 1 } : { ...context.counts, [key]: clamped },
    slot: undefined,
    priceInfo: undefined,
  };
}

function firstCounts(variants: ServiceOptionsAndVariants | null): Record<string, number> {
  const first = variants?.variants.values[0]?.id;
  return first !== undefined ? { [first]: 1 } : { '': 1 };
}
