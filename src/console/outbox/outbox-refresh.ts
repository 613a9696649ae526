/**
 * Keeps the outbox view current without a reload, the cheapest honest way (docs/console.md, "Outbox"): every
 * booking change on the business stream queues emails, so each `booking` event asks for a re-read a moment later
 * (one read for a burst); sending happens in the background with no event of its own, so while the page is
 * visible the list is also re-read every half minute. A hidden tab neither polls nor re-reads until shown again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BookingClient } from '../../api/client.js';
import { BusinessStream } from '../bookings/business-stream.js';

/** Events closer together than this make one read: a confirmation queues two emails at once. */
export const EVENT_PAUSE_MS = 800;
export const POLL_MS = 30_000;

export class OutboxRefresh implements ReactiveController {
  private readonly stream: BusinessStream;
  private pause: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;

  constructor(
    host: ReactiveControllerHost,
    client: BookingClient,
    private readonly refresh: () => void,
  ) {
    // The page's shared business stream; a reconnect re-reads too, as emails may have gone out meanwhile.
    this.stream = new BusinessStream(client, {
      open: () => this.soon(),
      booking: () => this.soon(),
      down: () => undefined,
      recheck: async () => this.refresh(),
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.stream.start();
    this.poll = setInterval(() => this.visible() && this.refresh(), POLL_MS);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.stream.stop();
    clearTimeout(this.pause);
    clearInterval(this.poll);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private visible(): boolean {
    return document.visibilityState === 'visible';
  }

  private readonly onVisibility = (): void => {
    if (this.visible()) this.refresh();
  };

  private soon(): void {
    clearTimeout(this.pause);
    this.pause = setTimeout(() => this.visible() && this.refresh(), EVENT_PAUSE_MS);
  }
}
