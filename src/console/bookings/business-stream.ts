/**
 * The business live stream (`GET /bookings/v2/events`, contract section 12) for a console view: one EventSource,
 * each `event: booking` parsed and handed on, and the recovery both views need. EventSource reconnects by itself
 * after a dropped connection but gives up after an HTTP error (a 401 once the token ended, a 429): then the view
 * checks the token with a plain read (which signs out on 401) and the stream is opened again 5 seconds later.
 */
import type { ReactiveControllerHost } from 'lit';
import type { BookingClient } from '../../api/client.js';
import type { Booking } from '../../model/booking.js';

/** The feed a stream keeps live: its flag (shown as "Live"), and its read, done again on every open. */
export interface LiveFeed {
  live: boolean;
  read(): Promise<void>;
}

const REOPEN_MS = 5000;

export class BusinessStream {
  private source: EventSource | undefined;

  constructor(
    private readonly client: BookingClient,
    private readonly host: ReactiveControllerHost,
    private readonly feed: LiveFeed,
    private readonly onBooking: (booking: Booking) => void,
  ) {}

  start(): void {
    const source = new EventSource(this.client.business.bookingEventsUrl());
    this.source = source;
    source.addEventListener('open', () => {
      this.feed.live = true;
      void this.feed.read(); // the stream replays nothing: read what changed while it was closed
    });
    source.addEventListener('booking', (e) => {
      const booking = parseBooking((e as MessageEvent<string>).data);
      if (booking) this.onBooking(booking);
    });
    source.addEventListener('error', () => {
      this.feed.live = false;
      this.host.requestUpdate();
      if (source.readyState === EventSource.CLOSED && this.source === source) {
        void this.feed.read().then(() => {
          if (this.source === source) setTimeout(() => this.source === source && this.start(), REOPEN_MS);
        });
      }
    });
  }

  stop(): void {
    this.source?.close();
    this.source = undefined;
  }
}

/** A stream event's data as a booking, or undefined for anything else. */
export function parseBooking(data: string): Booking | undefined {
  try {
    const value: unknown = JSON.parse(data);
    const b = value as Partial<Booking> | null;
    return b && typeof b.id === 'string' && typeof b.status === 'string' && typeof b.revision === 'string' ? (value as Booking) : undefined;
  } catch {
    return undefined;
  }
}
