/**
 * Charging and refunding through the registered providers, and the payment records that go with them. A
 * declined card is 402 with the provider's reason; an outage is 503 with Retry-After; both charge nothing.
 */
import type { PaymentInput } from '../../../src/model/checkout.js';
import type { CommerceStores, PaymentRecord } from '../../storage/commerce-types.js';
import { DomainError, ValidationError } from '../errors.js';
import type { ChargeResult, PaymentProvider } from './provider.js';

export interface ChargeOutcome {
  provider: string;
  result: Extract<ChargeResult, { outcome: 'succeeded' | 'pending' }>;
}

export class Payments {
  private readonly providers = new Map<string, PaymentProvider>();

  constructor(
    private readonly stores: CommerceStores,
    providers: PaymentProvider[],
    private readonly clock: () => Date,
  ) {
    for (const p of providers) this.providers.set(p.name, p);
  }

  provider(name: string): PaymentProvider {
    const p = this.providers.get(name);
    if (!p) throw ValidationError.field('payment.provider', `must be one of: ${[...this.providers.keys()].join(', ')}`);
    return p;
  }

  all(): PaymentProvider[] {
    return [...this.providers.values()];
  }

  /** Charge once per (namespace, key, card): a retry with the same key never charges twice. */
  async charge(input: {
    namespace: string;
    key: string;
    amountMinor: number;
    currency: string;
    payment: PaymentInput | undefined;
    description?: string;
  }): Promise<ChargeOutcome> {
    if (!input.payment) {
      throw ValidationError.field(
        'payment',
        `is required: there is ${(input.amountMinor / 100).toFixed(2)} ${input.currency} to pay now. Send { provider: "sandbox", cardToken }.`,
      );
    }
    const provider = this.provider(input.payment.provider);
    const result = await provider.charge({
      orderId: input.namespace,
      amountMinor: input.amountMinor,
      currency: input.currency,
      cardToken: input.payment.cardToken,
      idempotencyKey: `${input.key}:${input.payment.cardToken}`,
      ...(input.description ? { description: input.description } : {}),
    });
    if (result.outcome === 'declined') {
      await this.stores.payments.insert(
        this.recordOf({
          kind: 'CHARGE',
          provider: provider.name,
          amountMinor: input.amountMinor,
          currency: input.currency,
          status: 'FAILED',
          reason: result.reason,
        }),
      );
      throw new DomainError('PAYMENT_DECLINED', result.reason, { declineCode: result.declineCode });
    }
    if (result.outcome === 'error') {
      throw new DomainError('PAYMENT_PROVIDER_UNAVAILABLE', result.reason, { retryAfterSeconds: 30 });
    }
    return { provider: provider.name, result };
  }

  /** The payment row for a charge that went through (inside the caller's transaction). */
  async record(input: {
    orderId?: string;
    planOrderId?: string;
    charge: ChargeOutcome;
    amountMinor: number;
    currency: string;
  }): Promise<void> {
    const existing = await this.stores.payments.findByProviderRef(input.charge.provider, input.charge.result.chargeId);
    if (existing) return;
    await this.stores.payments.insert(
      this.recordOf({
        ...(input.orderId ? { orderId: input.orderId } : {}),
        ...(input.planOrderId ? { planOrderId: input.planOrderId } : {}),
        kind: 'CHARGE',
        provider: input.charge.provider,
        providerRef: input.charge.result.chargeId,
        amountMinor: input.amountMinor,
        currency: input.currency,
        status: input.charge.result.outcome === 'pending' ? 'PENDING' : 'SUCCEEDED',
      }),
    );
  }

  /** Give money back for a charge; records the refund. Returns false when the provider refused. */
  async refund(charge: PaymentRecord, amountMinor: number, key: string): Promise<boolean> {
    if (!charge.providerRef || amountMinor <= 0) return false;
    const result = await this.provider(charge.provider).refund({
      chargeId: charge.providerRef,
      amountMinor,
      currency: charge.currency,
      idempotencyKey: key,
    });
    await this.stores.payments.insert(
      this.recordOf({
        ...(charge.orderId ? { orderId: charge.orderId } : {}),
        kind: 'REFUND',
        provider: charge.provider,
        ...(result.outcome === 'succeeded' ? { providerRef: result.refundId } : {}),
        amountMinor,
        currency: charge.currency,
        status: result.outcome === 'succeeded' ? 'SUCCEEDED' : 'FAILED',
        ...(result.outcome === 'error' ? { reason: result.reason } : {}),
      }),
    );
    return result.outcome === 'succeeded';
  }

  private recordOf(fields: Omit<PaymentRecord, 'id' | 'createdDate'>): PaymentRecord {
    return { id: crypto.randomUUID(), createdDate: this.clock().toISOString(), ...fields };
  }
}
