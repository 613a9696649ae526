/**
 * The outbox as the rest of the server sees it: channel kinds register their handler and subscriber here
 * (channels.ts), and the worker (worker.ts) delivers. Events are written by events.ts, inside the transactions of
 * the booking and order changes.
 */
import type { OutboxStore } from '../../storage/outbox-types.js';
import { OutboxChannels, type ChannelHandler, type OutboxSubscriber } from './channels.js';
import { OutboxWorker, type OutboxWorkerOptions } from './worker.js';

export class Outbox {
  readonly channels = new OutboxChannels();
  readonly worker: OutboxWorker;

  constructor(
    readonly store: OutboxStore,
    options: OutboxWorkerOptions = {},
  ) {
    this.worker = new OutboxWorker(store, this.channels, options);
  }

  /** The handler for every channel named `prefix` or `prefix:…` (`email`, `webhook`). */
  registerChannel(prefix: string, handler: ChannelHandler): () => void {
    return this.channels.registerChannel(prefix, handler);
  }

  /** Names, per event, the channels that want it; asked once per event, when its deliveries are made. */
  subscribe(subscriber: OutboxSubscriber): () => void {
    return this.channels.subscribe(subscriber);
  }

  /** Deliver soon: called after a commit that appended events. */
  wake(): void {
    this.worker.wake();
  }
}
