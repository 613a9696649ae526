/**
 * Who receives which outbox events. A channel is a name `<prefix>:<detail>` (`email:booking-confirmed:customer`,
 * `webhook:<endpointId>`); its kind registers one handler for its prefix and a subscriber that names, for each
 * event, the channels that want it. The worker asks the subscribers once per event (its deliveries are made
 * then) and the handler once per attempt.
 */
import type { ClaimedDelivery, OutboxEvent } from '../../storage/outbox-types.js';

/** What a successful delivery answered (a status line for the delivery log). */
export interface DeliveryOutcome {
  answer?: string;
}

/** Resolves on success; throws to fail the attempt (a `DeliveryFailure` may say it must not be retried). */
export type ChannelHandler = (claimed: ClaimedDelivery) => Promise<DeliveryOutcome | void>;

/** The channels (full names) that want `event`; none is fine. */
export type OutboxSubscriber = (event: OutboxEvent) => readonly string[] | Promise<readonly string[]>;

/** A failed attempt, with the answer to log; `permanent` fails the delivery for good (no retry). */
export class DeliveryFailure extends Error {
  readonly answer: string | undefined;
  readonly permanent: boolean;

  constructor(message: string, options: { answer?: string; permanent?: boolean } = {}) {
    super(message);
    this.name = 'DeliveryFailure';
    this.answer = options.answer;
    this.permanent = options.permanent ?? false;
  }
}

export class OutboxChannels {
  private readonly handlers = new Map<string, ChannelHandler>();
  private readonly subscribers = new Set<OutboxSubscriber>();

  /** The handler for every channel `prefix` or `prefix:…`. One per prefix. */
  registerChannel(prefix: string, handler: ChannelHandler): () => void {
    if (this.handlers.has(prefix)) throw new Error(`outbox channel ${JSON.stringify(prefix)} is registered already`);
    this.handlers.set(prefix, handler);
    return () => void this.handlers.delete(prefix);
  }

  subscribe(subscriber: OutboxSubscriber): () => void {
    this.subscribers.add(subscriber);
    return () => void this.subscribers.delete(subscriber);
  }

  /** Every subscriber's channels for `event`, each once. */
  async deliveriesFor(event: OutboxEvent): Promise<string[]> {
    const all = new Set<string>();
    for (const subscriber of this.subscribers) for (const channel of await subscriber(event)) all.add(channel);
    return [...all];
  }

  /** The handler of the longest registered prefix of `channel`. */
  handlerFor(channel: string): ChannelHandler | undefined {
    let best: string | undefined;
    for (const prefix of this.handlers.keys()) {
      if ((channel === prefix || channel.startsWith(`${prefix}:`)) && (best === undefined || prefix.length > best.length)) best = prefix;
    }
    return best === undefined ? undefined : this.handlers.get(best);
  }
}
