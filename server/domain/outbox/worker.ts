/**
 * Delivers the outbox (contract section 13). Each round it makes the deliveries of new events (one per channel
 * their subscribers name, channels.ts), claims the due ones under a lease (storage/outbox-types.ts: on PostgreSQL
 * `FOR UPDATE SKIP LOCKED`, so each goes to one instance), runs their channel's handler, and completes them or
 * schedules the next attempt: 10 s × 2^(attempts − 1), capped at an hour, with jitter, until 24 hours after the
 * event, then FAILED. At least once: a handler that ran but whose completion was lost (a crash, a lapsed lease)
 * runs again with the same event id, so receivers drop duplicates by it.
 */
import { randomUUID } from 'node:crypto';
import type { ClaimedDelivery, OutboxStore } from '../../storage/outbox-types.js';
import { DeliveryFailure, type OutboxChannels } from './channels.js';

export interface OutboxWorkerOptions {
  /** Poll and deliver on a timer (default true); false leaves it to `runOnce()` (tests). */
  enabled?: boolean;
  /** Between rounds when nothing is due (default 250 ms); `wake()` starts a round at once. */
  pollMs?: number;
  /** Deliveries claimed per round (default 20), delivered concurrently. */
  batch?: number;
  /** How long a claim is this worker's (default 60 s); a handler gets half of it before it counts as failed. */
  leaseMs?: number;
  /** First retry delay (default 10 s), doubled per attempt up to `maxDelayMs` (default 1 h). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Retries stop this long after the event (default 24 h). */
  giveUpAfterMs?: number;
  /** DONE deliveries are deleted this long after (default 7 days). */
  retainMs?: number;
  /** Epoch milliseconds (default Date.now); tests move it. */
  clock?: () => number;
  /** In [0, 1), for the jitter (default Math.random). */
  random?: () => number;
  workerId?: string;
  log?: (message: string, error: unknown) => void;
}

const PURGE_EVERY_MS = 3_600_000;

export class OutboxWorker {
  readonly workerId: string;
  private readonly o: Required<Omit<OutboxWorkerOptions, 'workerId' | 'log'>>;
  private readonly log: (message: string, error: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private lastPurge = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly channels: OutboxChannels,
    options: OutboxWorkerOptions = {},
  ) {
    this.workerId = options.workerId ?? randomUUID();
    this.log = options.log ?? (() => undefined);
    this.o = {
      enabled: options.enabled ?? true,
      pollMs: options.pollMs ?? 250,
      batch: options.batch ?? 20,
      leaseMs: options.leaseMs ?? 60_000,
      baseDelayMs: options.baseDelayMs ?? 10_000,
      maxDelayMs: options.maxDelayMs ?? 3_600_000,
      giveUpAfterMs: options.giveUpAfterMs ?? 24 * 3_600_000,
      retainMs: options.retainMs ?? 7 * 24 * 3_600_000,
      clock: options.clock ?? Date.now,
      random: options.random ?? Math.random,
    };
  }

  start(): void {
    if (!this.o.enabled || !this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Something was appended and committed: run a round now (or right after the one running). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** The delay before attempt `attempts + 1`, jittered to 50–100 % of 10 s × 2^(attempts − 1), capped. */
  retryDelay(attempts: number): number {
    const full = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** Math.max(0, attempts - 1));
    return Math.round(full * (0.5 + this.o.random() / 2));
  }

  /** One round: dispatch new events, deliver what is due. Returns the deliveries attempted. */
  async runOnce(): Promise<number> {
    const now = this.o.clock();
    const dispatched = await this.dispatch(now);
    const claimed = await this.store.claimDue(now, this.o.batch, this.o.leaseMs, this.workerId);
    await Promise.all(claimed.map((c) => this.deliver(c)));
    if (now - this.lastPurge >= PURGE_EVERY_MS) {
      this.lastPurge = now;
      await this.store.purgeDone(now - this.o.retainMs);
    }
    // A full batch (or new events) may mean more is waiting: tell the loop to go on without sleeping.
    return claimed.length + (dispatched === this.o.batch ? this.o.batch : 0);
  }

  private async dispatch(now: number): Promise<number> {
    const events = await this.store.undispatched(this.o.batch);
    const batch = [];
    for (const event of events) batch.push({ eventId: event.id, channels: await this.channels.deliveriesFor(event) });
    if (batch.length > 0) await this.store.addDeliveries(batch, now);
    return events.length;
  }

  /** The outbox clock's now (epoch ms): what a resend schedules by. */
  now(): number {
    return this.o.clock();
  }

  private async deliver({ delivery, event }: ClaimedDelivery): Promise<void> {
    const handler = this.channels.handlerFor(delivery.channel);
    // Every attempt's start and end go to the delivery log with its outcome (outbox_attempts).
    const startedAt = this.o.clock();
    try {
      if (!handler) throw new DeliveryFailure(`no handler for channel ${delivery.channel} in this process`);
      const outcome = await withTimeout(handler({ delivery, event }), this.o.leaseMs / 2);
      const at = this.o.clock();
      await this.store.complete(delivery.id, this.workerId, at, outcome?.answer, { startedAt, finishedAt: at });
    } catch (error) {
      const now = this.o.clock();
      const deadline = event.createdAt + this.o.giveUpAfterMs;
      const permanent = error instanceof DeliveryFailure && error.permanent;
      const next = permanent || now >= deadline ? null : Math.min(now + this.retryDelay(delivery.attempts), deadline);
      const answer = error instanceof DeliveryFailure ? error.answer : undefined;
      await this.store.fail(delivery.id, this.workerId, messageOf(error), next, answer, { startedAt, finishedAt: now });
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.loop().finally(() => (this.running = undefined));
    }, delay);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    let busy = true;
    while (busy && !this.stopped) {
      this.again = false;
      try {
        busy = (await this.runOnce()) > 0 || this.again;
      } catch (error) {
        this.log('outbox round failed', error);
        busy = false;
      }
    }
    if (!this.stopped) this.schedule(this.o.pollMs);
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryFailure(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)) || 'failed';
