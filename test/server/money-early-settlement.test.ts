/**
 * A provider's late answer can arrive before the order that recorded its charge has committed (a fast webhook,
 * a loaded server). It must still reach the order: the failed payment declines the booking, as when it comes later.
 */
import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { TestServer } from './helpers.js';
import { serviceNamed, eventIdAt } from './bookings-fixtures.js';
import { startMoneyServer, cart, getBooking, getOrder, until } from './money-fixtures.js';
import type {
  ChargeRequest,
  ChargeResult,
  PaymentProvider,
  RefundResult,
  SettlementListener,
} from '../../server/domain/payments/provider.js';

/** Accepts every charge for later settlement and reports its failure at once, before `charge` even returns. */
class FailsBeforeTheOrderProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private readonly listeners = new Set<SettlementListener>();

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const chargeId = `ch_${crypto.randomUUID()}`;
    for (const listener of this.listeners)
      listener({ chargeId, orderId: request.orderId, outcome: 'failed', reason: 'The bank refused it at once.' });
    return { outcome: 'pending', chargeId };
  }

  async refund(): Promise<RefundResult> {
    return { outcome: 'succeeded', refundId: `re_${crypto.randomUUID()}` };
  }

  onSettled(listener: SettlementListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

describe('a settlement that arrives before its order', () => {
  let server: TestServer;
  before(async () => {
    server = await startMoneyServer(new FailsBeforeTheOrderProvider());
  });
  after(() => server.close());

  it('still declines the booking and rejects the order once the order exists', async () => {
    const vinyasa = await serviceNamed(server, 'Vinyasa Flow');
    const c = await cart(server, vinyasa, await eventIdAt(server, vinyasa, '2026-12-09T18:00:00'));
    const order = await server.call('POST', `/ecom/v1/checkouts/${c.checkoutId}/create-order`, {
      token: c.token,
      body: { payment: { provider: 'sandbox', cardToken: 'tok_anything' } },
    });
    assert.equal(order.status, 200, JSON.stringify(order.body));
    const declined = await until(
      () => getBooking(server, c.bookingId),
      (b) => b.status === 'DECLINED',
      'the early failure to decline the booking',
    );
    assert.equal(declined.paymentStatus, 'NOT_PAID');
    assert.equal((await getOrder(server, order.body.orderId)).status, 'REJECTED');
  });
});
