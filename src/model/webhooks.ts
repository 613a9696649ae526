/** Webhooks (contract section 13, docs/webhooks.md) as the API answers them: the server and the console share these. */

/** The events a webhook endpoint may ask for: Wix's names, in the order the docs list them. */
export const WEBHOOK_EVENT_TYPES = [
  'wix.bookings.v2.booking_created',
  'wix.bookings.v2.booking_confirmed',
  'wix.bookings.v2.booking_declined',
  'wix.bookings.v2.booking_canceled',
  'wix.bookings.v2.booking_rescheduled',
  'wix.bookings.v2.booking_updated',
  'wix.ecom.v1.order_created',
  'wix.ecom.v1.order_payment_status_updated',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** An endpoint as listed: never its secret. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  allowPrivate: boolean;
  createdDate: string;
}

export interface WebhookAttempt {
  attempt: number;
  startedDate: string;
  finishedDate: string;
  ok: boolean;
  answer?: string;
  error?: string;
}

/** One delivery of an event to an endpoint, with every attempt. */
export interface WebhookDelivery {
  id: string;
  eventId: string;
  eventType: string;
  status: 'PENDING' | 'DELIVERING' | 'DONE' | 'FAILED';
  attempts: number;
  lastAnswer?: string;
  lastError?: string;
  createdDate: string;
  nextAttemptDate?: string;
  doneDate?: string;
  attemptLog: WebhookAttempt[];
}
