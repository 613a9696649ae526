/** The owner's webhook endpoints and their delivery logs (contract section 13, docs/webhooks.md); owner only. */
import type { WebhookDelivery, WebhookEndpointView } from '../model/webhooks.js';
import type { Transport } from './transport.js';

const enc = encodeURIComponent;

export function webhooksCalls(t: Transport) {
  const base = '/webhooks/v1/endpoints';
  const webhooks = {
    listEndpoints: () => t.request<{ endpoints: WebhookEndpointView[] }>('GET', base).then((r) => r.endpoints),
    /** The answer's `secret` (`whsec_…`) is given here only: the server never shows it again. */
    createEndpoint: (endpoint: { url: string; events: string[]; allowPrivate?: boolean }) =>
      t.request<{ endpoint: WebhookEndpointView; secret: string }>('POST', base, { body: endpoint }),
    deleteEndpoint: (id: string) => t.request<Record<string, never>>('DELETE', `${base}/${enc(id)}`),
    listDeliveries: (id: string, limit = 50) =>
      t.request<{ deliveries: WebhookDelivery[] }>('GET', `${base}/${enc(id)}/deliveries?limit=${limit}`).then((r) => r.deliveries),
    resendDelivery: (id: string, deliveryId: string) =>
      t.request<{ delivery: WebhookDelivery }>('POST', `${base}/${enc(id)}/deliveries/${enc(deliveryId)}/resend`).then((r) => r.delivery),
  };
  return { webhooks };
}
