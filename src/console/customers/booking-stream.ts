/**
 * The business stream (`GET /bookings/v2/events`) as a small reactive controller for views that only need to hear
 * that bookings changed: `onBooking` gets each changed booking; `onOpen` runs on every (re)connect, when changes
 * may have been missed, so the view reads again. Closed with its host.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BookingClient } from '../../api/client.js';
import type { Booking } from '../../model/booking.js';

export class BookingStream implements ReactiveController {
  private source: EventSource | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly client: BookingClient,
    private readonly onBooking: (booking: Booking) => void,
    private readonly onOpen: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const source = new EventSource(this.client.business.bookingEventsUrl());
    let opened = false;
    source.addEventListener('open', () => {
      // The first open follows the view's own first read; only a reconnect may have missed changes.
      if (opened) this.onOpen();
      opened = true;
    });
    source.addEventListener('booking', (e) => {
      try {
        const booking = JSON.parse((e as MessageEvent<string>).data) as Booking;
        if (typeof booking.id === 'string' && typeof booking.revision === 'string') this.onBooking(booking);
      } catch {
        // A malformed event changes nothing; the next read corrects the view.
      }
    });
    this.source = source;
  }

  hostDisconnected(): void {
    this.source?.close();
    this.source = undefined;
  }
}
