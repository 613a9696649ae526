/**
 * Webhook endpoints (contract section 13): where the owner wants booking and order events POSTed. The signing
 * secret is kept in clear because signing needs it; it leaves the server once, in the answer to the create call.
 */
import type { OutboxEventType } from './outbox-types.js';

export interface WebhookEndpoint {
  id: string;
  url: string;
  /** The Wix event names this endpoint receives. */
  events: OutboxEventType[];
  /** A development endpoint: `http://` and private targets allowed (only while the server's setting allows it). */
  allowPrivate: boolean;
  createdDate: string;
}

export interface StoredWebhookEndpoint extends WebhookEndpoint {
  /** `whsec_` + base64 of the key bytes (Standard Webhooks' format). */
  secret: string;
}

export interface WebhookStore {
  /** Adds `endpoint` unless `limit` endpoints exist already (false: nothing written); the count and the insert are atomic. */
  create(endpoint: StoredWebhookEndpoint, limit: number): Promise<boolean>;
  /** Oldest first. */
  list(): Promise<StoredWebhookEndpoint[]>;
  get(id: string): Promise<StoredWebhookEndpoint | null>;
  delete(id: string): Promise<boolean>;
}
