/**
 * The flow's stand-in while XState and the flow machine load (a chunk of their own): it paints the service step
 * from the catalogue feed, keeps what the customer does there (a category, a service) and hands it to the machine
 * once it runs. The steps read it through the flow context as they read the machine: `getSnapshot()` (value,
 * context, `matches`), `subscribe` and `send`, which is all they use.
 */
import { initialContext } from '../../flow/context.js';
import { toFlowError } from '../../flow/retry.js';
import type { Catalogue, FlowContext, FlowEvent, FlowInput } from '../../flow/types.js';
import type { CatalogueFeed } from '../../flow/catalogue-feed.js';

export type PendingValue = 'boot' | 'service' | 'failed' | 'variant' | 'myBookings';

export interface PendingSnapshot {
  value: PendingValue;
  status: 'active';
  context: FlowContext;
  matches(value: string): boolean;
}

export class PendingFlow {
  private snapshot: PendingSnapshot;
  private readonly listeners = new Set<(snapshot: PendingSnapshot) => void>();
  /** What the customer did before the machine arrived, in order, for `replay`. */
  private readonly queue: FlowEvent[] = [];

  constructor(
    input: FlowInput,
    /** Try again after the catalogue failed to load. */
    private readonly onRetry: () => void,
  ) {
    // Only the service step reads this context, and the machine computes its own from `input`: so no zone or
    // day here, which would cost the first paint Intl's time-zone set-up (tens of ms on a slow machine).
    this.snapshot = snapshotOf('boot', initialContext({ ...input, timeZone: input.timeZone || 'UTC', today: input.today ?? '' }));
  }

  getSnapshot(): PendingSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (snapshot: PendingSnapshot) => void): { unsubscribe(): void } {
    this.listeners.add(listener);
    return { unsubscribe: () => void this.listeners.delete(listener) };
  }

  send(event: FlowEvent): void {
    const { value } = this.snapshot;
    if (event.type === 'RETRY' && value === 'failed') this.onRetry();
    if (value !== 'service') return;
    if (event.type === 'SET_CATEGORY') {
      this.queue.push(event);
      this.set(value, { categoryId: event.categoryId });
    } else if (event.type === 'SELECT_SERVICE') {
      this.queue.push(event);
      this.set('variant', {});
    } else if (event.type === 'MY_BOOKINGS') {
      this.queue.push(event);
      this.set('myBookings', {});
    }
  }

  /** Shows the feed's catalogue: at once when the loader's answers are decoded already (the first render shows the cards), else when it comes. */
  showFrom(feed: CatalogueFeed): void {
    const now = feed.now();
    if (now) this.show(now);
    else
      void feed.current().then(
        (catalogue) => this.show(catalogue),
        (error: unknown) => this.fail(error),
      );
  }

  /** The catalogue arrived (or changed): the service step shows it. */
  show({ services, business }: Catalogue): void {
    if (this.snapshot.value === 'boot' || this.snapshot.value === 'failed') this.set('service', { services, business, error: undefined });
    else this.set(this.snapshot.value, { services, business });
  }

  /** The catalogue could not be loaded and nothing was stored: the service step shows the error and Try again. */
  fail(error: unknown): void {
    if (this.snapshot.value === 'boot') this.set('failed', { error: toFlowError(error) });
  }

  /** Sends what the customer did here to the machine, which has just reached its service step. */
  replay(send: (event: FlowEvent) => void): void {
    for (const event of this.queue.splice(0)) send(event);
  }

  private set(value: PendingValue, change: Partial<FlowContext>): void {
    this.snapshot = snapshotOf(value, { ...this.snapshot.context, ...change });
    for (const listener of this.listeners) listener(this.snapshot);
  }
}

function snapshotOf(value: PendingValue, context: FlowContext): PendingSnapshot {
  return { value, status: 'active', context, matches: (v) => v === value };
}
