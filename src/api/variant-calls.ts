/**
 * The owner's calls for a service's options and variants (contract section 3, Wix `serviceOptionsAndVariants`):
 * the console's variant editor. Every call sends the token, so a hidden service's variants are readable too.
 */
import type { ServiceOptionsAndVariants } from '../model/service.js';
import { BookingApiError } from './errors.js';
import type { Transport } from './transport.js';

/** What the owner sends: one option and its priced variants (the server adds the id, prices and revision). */
export type VariantsInput = Pick<ServiceOptionsAndVariants, 'serviceId' | 'options' | 'variants'>;

const PATH = '/bookings/v1/serviceOptionsAndVariants';

export function variantCalls(t: Transport) {
  const enc = encodeURIComponent;
  type Answer = { serviceOptionsAndVariants: ServiceOptionsAndVariants };
  return {
    serviceVariants: {
      /** The service's options and variants, or null when it has none. */
      getForService: (serviceId: string) =>
        t.request<{ serviceVariants: ServiceOptionsAndVariants }>('GET', `${PATH}/service_id/${enc(serviceId)}`).then(
          (r) => r.serviceVariants,
          (e: unknown) => {
            if (e instanceof BookingApiError && e.code === 'SERVICE_OPTIONS_AND_VARIANTS_NOT_FOUND') return null;
            throw e;
          },
        ),
      create: (input: VariantsInput) =>
        t.request<Answer>('POST', PATH, { body: { serviceOptionsAndVariants: input } }).then((r) => r.serviceOptionsAndVariants),
      /** Refused with 409 `REVISION_MISMATCH` when `revision` is not the stored one: someone else saved first. */
      update: (id: string, revision: string, input: VariantsInput) =>
        t
          .request<Answer>('PATCH', `${PATH}/${enc(id)}`, { body: { serviceOptionsAndVariants: { ...input, revision } } })
          .then((r) => r.serviceOptionsAndVariants),
      delete: (id: string) => t.request<Record<string, never>>('DELETE', `${PATH}/${enc(id)}`),
    },
  };
}
