/**
 * The owner's catalogue calls (contract section 3): the console's services and service views. The widget's
 * `queryServices` is anonymous (public, cached), so it never lists hidden services; `queryAllServices` sends the token.
 */
import type { PagingMetadata, Query } from '../model/common.js';
import type {
  AvailabilityConstraints,
  Media,
  OnlineBooking,
  PaymentOptions,
  Service,
  ServicePayment,
  ServiceType,
} from '../model/service.js';
import type { Transport } from './transport.js';

/** The fields an owner sends to create a service (an update sends any of them); see server/http/schemas/service.ts. */
export interface ServiceInput {
  type: ServiceType;
  name: string;
  description?: string;
  hidden?: boolean;
  defaultCapacity?: number;
  /** An existing category by id, or a new one when `name` is sent too. */
  category?: { id: string; name?: string };
  media?: Media;
  payment: Pick<ServicePayment, 'rateType' | 'fixed' | 'custom'> & { options?: Partial<PaymentOptions> };
  onlineBooking?: Partial<OnlineBooking>;
  schedule?: { availabilityConstraints?: Partial<AvailabilityConstraints> };
  staffMemberIds?: string[];
  /** The booking policy by id; the service then carries a copy of it. */
  bookingPolicy?: { id: string };
}

export function servicesCalls(t: Transport) {
  const enc = encodeURIComponent;
  return {
    catalogue: {
      queryAllServices: (query?: Query) =>
        t.request<{ services: Service[]; pagingMetadata: PagingMetadata }>('POST', '/bookings/v2/services/query', { body: { query } }),
      createService: (service: ServiceInput) =>
        t.request<{ service: Service }>('POST', '/bookings/v2/services', { body: { service } }).then((r) => r.service),
      /** Refused with 409 `REVISION_MISMATCH` when `revision` is not the stored one: someone else saved first. */
      updateService: (serviceId: string, revision: string, service: Partial<ServiceInput>) =>
        t
          .request<{ service: Service }>('PATCH', `/bookings/v2/services/${enc(serviceId)}`, {
            body: { service: { ...service, revision } },
          })
          .then((r) => r.service),
      deleteService: (serviceId: string) => t.request<Record<string, never>>('DELETE', `/bookings/v2/services/${enc(serviceId)}`),
    },
  };
}
