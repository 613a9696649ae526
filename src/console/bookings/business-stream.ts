/**
 * The business live stream (`GET /bookings/v2/events`, contract section 12) for the console's views and
 * controllers: ONE EventSource per signed-in client, shared by every subscriber on the page (a view, the sidebar's
 * count, the outbox), because the server caps the streams a token may hold (5) and every tab of the console shares
 * one token. Each `event: booking` goes to every subscriber parsed, and `open` on every (re)connect, when a view
 * must read again (the stream replays nothing); a subscriber joining an open stream gets its `open` at once.
 * EventSource retries a dropped connection by itself but gives up on an HTTP error (a 401 after the token ended,
 * a 429): then one subscriber's `recheck` reads with the token, which signs out on 401, and the stream opens again
 * after a pause.
 */
import type { BookingClient } from '../../api/client.js';
import type { Booking } from '../../model/booking.js';

export interface StreamHandlers {
  open(): void;
  booking(booking: Booking): void;
  /** The connection dropped; `live` is false until the next `open`. */
  down(): void;
  recheck(): Promise<void>;
}

const REOPEN_MS = 5000;

/** The page's one connection for a client, and who listens to it. */
class SharedStream {
  live = false;
  readonly subscribers = new Set<StreamHandlers>();
  private source: EventSource | undefined;
  private reopen: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: BookingClient) {}

  join(handlers: StreamHandlers): void {
    this.subscribers.add(handlers);
    if (!this.source && this.reopen === undefined) this.connect();
    else if (this.live) queueMicrotask(() => this.subscribers.has(handlers) && handlers.open());
  }

  leave(handlers: StreamHandlers): void {
    this.subscribers.delete(handlers);
    if (this.subscribers.size > 0) return;
    this.source?.close();
    this.source = undefined;
    clearTimeout(this.reopen);
    this.reopen = undefined;
    this.live = false;
  }

  private connect(): void {
    this.reopen = undefined;
    // The URL is read on each connect: it carries the current token, which may have been refreshed meanwhile.
    const source = new EventSource(this.client.business.bookingEventsUrl());
    this.source = source;
    source.addEventListener('open', () => {
      this.live = true;
      for (const s of [...this.subscribers]) s.open();
    });
    source.addEventListener('booking', (e) => {
      const booking = parseBooking((e as MessageEvent<string>).data);
      if (booking) for (const s of [...this.subscribers]) s.booking(booking);
    });
    source.addEventListener('error', () => {
      this.live = false;
      for (const s of [...this.subscribers]) s.down();
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      this.source = undefined;
      const first = this.subscribers.values().next().value;
      void (first ? first.recheck() : Promise.resolve()).then(() => {
        if (this.subscribers.size > 0 && !this.source && this.reopen === undefined)
          this.reopen = setTimeout(() => this.connect(), REOPEN_MS);
      });
    });
  }
}

const shared = new WeakMap<BookingClient, SharedStream>();

/** One subscriber's handle on the page's shared stream: `start` joins it, `stop` leaves it. */
export class BusinessStream {
  private joined = false;

  constructor(
    private readonly client: BookingClient,
    private readonly handlers: StreamHandlers,
  ) {}

  get live(): boolean {
    return this.joined && (shared.get(this.client)?.live ?? false);
  }

  start(): void {
    if (this.joined) return;
    this.joined = true;
    let stream = shared.get(this.client);
    if (!stream) shared.set(this.client, (stream = new SharedStream(this.client)));
    stream.join(this.handlers);
  }

  stop(): void {
    if (!this.joined) return;
    this.joined = false;
    shared.get(this.client)?.leave(this.handlers);
  }
}

function parseBooking(data: string): Booking | undefined {
  try {
    const value: unknown = JSON.parse(data);
    const b = value as Partial<Booking> | null;
    return b && typeof b.id === 'string' && typeof b.status === 'string' && typeof b.revision === 'string' ? (value as Booking) : undefined;
  } catch {
    return undefined;
  }
}
