/**
 * A channel for tests and for trying the outbox by hand: it subscribes to every event (or those `wants` picks),
 * records each attempt, and fails the first `failFirst` attempts of each delivery.
 */
import type { ClaimedDelivery, OutboxEvent } from '../../storage/outbox-types.js';
import { DeliveryFailure } from './channels.js';
import type { Outbox } from './outbox.js';

export interface RecordingChannelOptions {
  /** Channel prefix (default `test`); the channel is `<prefix>:all`. */
  prefix?: string;
  wants?: (event: OutboxEvent) => boolean;
  /** Attempts of each delivery that fail before one succeeds (default 0). */
  failFirst?: number;
  /** Called on each successful attempt (a file log, a counter). */
  onDelivered?: (claimed: ClaimedDelivery) => void | Promise<void>;
}

export class RecordingChannel {
  readonly attempts: ClaimedDelivery[] = [];
  readonly delivered: ClaimedDelivery[] = [];
  readonly channel: string;
  private readonly off: (() => void)[];

  constructor(
    outbox: Outbox,
    private readonly options: RecordingChannelOptions = {},
  ) {
    const prefix = options.prefix ?? 'test';
    this.channel = `${prefix}:all`;
    this.off = [
      outbox.registerChannel(prefix, (claimed) => this.handle(claimed)),
      outbox.subscribe((event) => ((options.wants ?? (() => true))(event) ? [this.channel] : [])),
    ];
  }

  private async handle(claimed: ClaimedDelivery): Promise<{ answer: string }> {
    this.attempts.push(claimed);
    if (claimed.delivery.attempts <= (this.options.failFirst ?? 0))
      throw new DeliveryFailure(`refused attempt ${claimed.delivery.attempts}`, { answer: '503 Service Unavailable' });
    await this.options.onDelivered?.(claimed);
    this.delivered.push(claimed);
    return { answer: '200 OK' };
  }

  close(): void {
    for (const off of this.off) off();
  }
}
