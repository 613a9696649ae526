/**
 * Keeps the outbox view current without a reload, the cheapest honest way (docs/console.md, "Outbox"): every
 * booking change on the business stream queues emails, so each `booking` event asks for a re-read a moment later
 * (one read for a burst); sending happens in the background with no event of its own, so while the page is
 * visible the list is also re-read every half minute. A hidden tab neither polls nor re-reads until shown again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Events closer together than this make one read: a confirmation queues two emails at once. */
export const EVENT_PAUSE_MS = 800;
export const POLL_MS = 30_000;
const RECONNECT_MS = 5_000;

export class OutboxRefresh implements ReactiveController {
  private source: EventSource | undefined;
  private pause: ReturnType<typeof setTimeout> | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private reconnect: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    /** The stream's URL with the current token (read on each connect: the token may have been refreshed). */
    private readonly streamUrl: () => string,
    private readonly refresh: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connect();
    this.poll = setInterval(() => this.visible() && this.refresh(), POLL_MS);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected(): void {
    this.source?.close();
    this.source = undefined;
    clearTimeout(this.pause);
    clearTimeout(this.reconnect);
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

  private connect(): void {
    const source = new EventSource(this.streamUrl());
    this.source = source;
    source.addEventListener('booking', () => this.soon());
    source.addEventListener('error', () => {
      // EventSource retries a dropped connection itself, but not an HTTP error (the token ended): open anew.
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      this.reconnect = setTimeout(() => this.source === source && this.connect(), RECONNECT_MS);
    });
  }
}
