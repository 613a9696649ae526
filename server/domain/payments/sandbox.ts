/**
 * The built-in `sandbox` provider: a real implementation of the provider interface that moves no money.
 * Test tokens: `tok_visa` succeeds, `tok_declined` is declined, `tok_error` fails as an outage would,
 * `tok_async_declined` is accepted as pending and fails at settlement. A charge is idempotent by its key.
 */
import type { ChargeRequest, ChargeResult, PaymentProvider, RefundRequest, RefundResult, SettlementListener } from './provider.js';

export const SANDBOX_TOKENS = ['tok_visa', 'tok_declined', 'tok_error', 'tok_async_declined'] as const;

export interface SandboxOptions {
  /** How long a pending charge takes to settle; tests shorten it. */
  settleAfterMs?: number;
  /** How long each call takes, as a real processor's network round trip does; races need it. Default 0. */
  latencyMs?: number;
}

export class SandboxProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private readonly charges = new Map<string, ChargeResult>();
  private readonly chargedMinor = new Map<string, number>();
  private readonly refunds = new Map<string, RefundResult>();
  private readonly listeners = new Set<SettlementListener>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly moved = { charges: 0, chargedMinor: 0, refunds: 0, refundedMinor: 0 };

  constructor(private readonly options: SandboxOptions = {}) {}

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    await this.roundTrip();
    const key = `${request.orderId}:${request.idempotencyKey}`;
    const earlier = this.charges.get(key);
    if (earlier) return earlier;
    const result = this.decide(request);
    this.charges.set(key, result);
    if (result.outcome === 'succeeded' || result.outcome === 'pending') this.chargedMinor.set(result.chargeId, request.amountMinor);
    if (result.outcome === 'succeeded') {
      this.moved.charges += 1;
      this.moved.chargedMinor += request.amountMinor;
    }
    if (result.outcome === 'pending') this.settleLater(result.chargeId, request.orderId);
    return result;
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    await this.roundTrip();
    const earlier = this.refunds.get(request.idempotencyKey);
    if (earlier) return earlier;
    const charged = this.chargedMinor.get(request.chargeId);
    const result: RefundResult =
      charged === undefined
        ? { outcome: 'error', reason: `No sandbox charge ${request.chargeId} to refund.` }
        : request.amountMinor > charged
          ? { outcome: 'error', reason: 'A refund cannot be larger than the charge.' }
          : { outcome: 'succeeded', refundId: `re_${crypto.randomUUID()}` };
    if (result.outcome === 'succeeded' && charged !== undefined) {
      this.chargedMinor.set(request.chargeId, charged - request.amountMinor);
      this.moved.refunds += 1;
      this.moved.refundedMinor += request.amountMinor;
    }
    this.refunds.set(request.idempotencyKey, result);
    return result;
  }

  onSettled(listener: SettlementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Read-only: the money this sandbox really moved (succeeded charges, refunds), so tests can count it. */
  ledger(): Readonly<{ charges: number; chargedMinor: number; refunds: number; refundedMinor: number }> {
    return { ...this.moved };
  }

  /** Stop pending settlements (server shutdown). */
  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async roundTrip(): Promise<void> {
    if (this.options.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
  }

  private decide(request: ChargeRequest): ChargeResult {
    if (!Number.isInteger(request.amountMinor) || request.amountMinor <= 0) {
      return { outcome: 'declined', reason: 'The amount to charge must be positive.', declineCode: 'invalid_amount' };
    }
    switch (request.cardToken) {
      case 'tok_visa':
        return { outcome: 'succeeded', chargeId: `ch_${crypto.randomUUID()}` };
      case 'tok_async_declined':
        return { outcome: 'pending', chargeId: `ch_${crypto.randomUUID()}` };
      case 'tok_declined':
        return {
          outcome: 'declined',
          reason: 'Your card was declined. Try another card, or choose to pay in person if the studio allows it.',
          declineCode: 'card_declined',
        };
      case 'tok_error':
        return {
          outcome: 'error',
          reason: 'The payment provider is not answering. Nothing was charged; please try again in a few minutes.',
        };
      default:
        return {
          outcome: 'declined',
          reason: `The sandbox does not know the card token "${request.cardToken}". Use tok_visa to pay.`,
          declineCode: 'invalid_token',
        };
    }
  }

  private settleLater(chargeId: string, orderId: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.chargedMinor.set(chargeId, 0);
      for (const l of this.listeners)
        l({ chargeId, orderId, outcome: 'failed', reason: 'The bank declined the payment after it was accepted.' });
    }, this.options.settleAfterMs ?? 2000);
    this.timers.add(timer);
  }
}
