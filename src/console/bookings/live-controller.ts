/**
 * What every live console view's controller shares: the business stream (read again on each open, each event
 * handed to `onBooking`), the studio's zone for showing times, and signing out on a 401. A view's controller
 * extends this and writes only its reads and its actions.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BookingClient } from '../../api/client.js';
import type { Booking } from '../../model/booking.js';
import { BusinessStream } from './business-stream.js';
import { isUnauthorized, studioZone } from './console-reads.js';

export abstract class LiveController implements ReactiveController {
  /** The studio's zone; undefined until read (or unknown): times then use the browser's, still naming it. */
  timeZone: string | undefined;
  /** Counts reads: an answer to an older one is dropped (a newer filter, period or reconnect started another). */
  protected readSeq = 0;
  private readonly stream: BusinessStream;
  private attached = false;

  constructor(
    protected readonly host: ReactiveControllerHost,
    protected readonly client: BookingClient,
    /** Called when the server no longer takes the token (401), so the console signs out. */
    private readonly onUnauthorized: () => void,
  ) {
    this.stream = new BusinessStream(client, {
      open: () => void this.read(),
      booking: (b) => this.onBooking(b),
      down: () => host.requestUpdate(),
      recheck: () => this.read(),
    });
    host.addController(this);
  }

  /** The stream is open: changes arrive by themselves. */
  get live(): boolean {
    return this.stream.live;
  }

  hostConnected(): void {
    this.attached = true;
    // The zone before the stream: its `open` starts the first read, and a date filter means the studio's days.
    void studioZone(this.client).then((zone) => {
      this.timeZone = zone;
      this.host.requestUpdate();
      if (this.attached) this.stream.start();
    });
  }

  hostDisconnected(): void {
    this.attached = false;
    this.stream.stop();
  }

  /** Reads what the view shows: the first time, on every reconnect, after an action, and on Try again. */
  abstract read(): Promise<void>;

  protected abstract onBooking(booking: Booking): void;

  /**
   * One read: `apply` gets the answer unless a newer read started meanwhile; a failure signs out on a 401 or else
   * goes to `failed` (likewise only for the newest read). The host re-renders before and after.
   */
  protected async latest<T>(load: () => Promise<T>, apply: (answer: T) => void, failed: (error: unknown) => void): Promise<void> {
    const seq = ++this.readSeq;
    this.host.requestUpdate();
    try {
      const answer = await load();
      if (seq !== this.readSeq) return;
      apply(answer);
    } catch (error) {
      if (seq !== this.readSeq || this.unauthorized(error)) return;
      failed(error);
    }
    this.host.requestUpdate();
  }

  /** True (and signed out) when `error` is the server refusing the token. */
  protected unauthorized(error: unknown): boolean {
    if (isUnauthorized(error)) this.onUnauthorized();
    return isUnauthorized(error);
  }
}
