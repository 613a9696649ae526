/**
 * The payment-provider interface. Checkout charges `payNow` through it; a real card processor (Stripe,
 * Adyen, …) plugs in by implementing these three calls and registering under its name. The built-in `sandbox`
 * provider implements them with test card tokens, so every path runs for real without a processor.
 */
export interface ChargeRequest {
  /** The order being paid; providers must treat a repeated orderId + idempotencyKey as the same charge. */
  orderId: string;
  amountMinor: number;
  currency: string;
  cardToken: string;
  idempotencyKey: string;
  description?: string;
}

export type ChargeResult =
  /** Money taken (or authorised) now. */
  | { outcome: 'succeeded'; chargeId: string }
  /** Accepted for later settlement; the provider reports success or failure afterwards (see `onSettled`). */
  | { outcome: 'pending'; chargeId: string }
  /** The card was refused: the customer may try another card. */
  | { outcome: 'declined'; reason: string; declineCode: string }
  /** The provider could not be reached or failed: nothing was charged; try again later. */
  | { outcome: 'error'; reason: string };

export interface RefundRequest {
  chargeId: string;
  amountMinor: number;
  currency: string;
  idempotencyKey: string;
}

export type RefundResult = { outcome: 'succeeded'; refundId: string } | { outcome: 'error'; reason: string };

export type SettlementListener = (event: { chargeId: string; orderId: string; outcome: 'succeeded' | 'failed'; reason?: string }) => void;

export interface PaymentProvider {
  readonly name: string;
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /** Late results of `pending` charges. */
  onSettled(listener: SettlementListener): () => void;
}
