/**
 * The business live stream (`GET /bookings/v2/events`, contract section 12) for a console view: one EventSource,
 * each `event: booking` handed over parsed, and `open` on every (re)connect, when the view must read again (the
 * stream replays nothing). EventSource retries a dropped connection by itself but gives up on an HTTP error (a
 * 401 after the token ended, a 429): then `recheck` reads with the token, which signs out on 401, and the stream
 * opens again after a pause.
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

export class BusinessStream {
  live = false;
  private source: EventSource | undefined;

  constructor(
    private readonly client: BookingClient,
    private readonly handlers: StreamHandlers,
  ) {}

  start(): void {
    this.source?.close(); // one connection, however often the view is attached
    const source = new EventSource(this.client.business.bookingEventsUrl());
    this.source = source;
    source.addEventListener('open', () => {
      this.live = true;
      this.handlers.open();
    });
    source.addEventListener('booking', (e) => {
      const booking = parseBooking((e as MessageEvent<string>).data);
      if (booking) this.handlers.booking(booking);
    });
    source.addEventListener('error', () => {
      this.live = false;
      this.handlers.down();
      if (source.readyState === EventSource.CLOSED && this.source === source) {
        void this.handlers.recheck().then(() => {
          if (this.source === source) setTimeout(() => this.source === source && this.start(), 5000);
        });
      }
    });
  }

  stop(): void {
    this.source?.close();
    this.source = undefined;
    this.live = false;
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
