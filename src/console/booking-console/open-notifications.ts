/**
 * The sidebar's count of double bookings still to resolve (OWNER): the notifications view's own feed, kept live
 * by the business stream while an owner is signed in, counted by its open/resolved rule; nothing for STAFF.
 */
import type { ReactiveControllerHost } from 'lit';
import type { BookingClient } from '../../api/client.js';
import { NotificationsFeed } from '../notifications/notifications-feed.js';

export class OpenNotifications {
  private feed: NotificationsFeed | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onUnauthorized: () => void,
  ) {}

  /** Follows who is signed in: an owner gets a live feed (adding it connects it), anyone else none. */
  follow(client: BookingClient | undefined, owner: boolean): void {
    if (owner && client && !this.feed) this.feed = new NotificationsFeed(this.host, client, this.onUnauthorized);
    else if (!owner && this.feed) this.stop();
  }

  stop(): void {
    const feed = this.feed;
    if (!feed) return;
    this.feed = undefined;
    feed.hostDisconnected(); // removeController does not disconnect: close its stream first
    this.host.removeController(feed);
  }

  /** Undefined until read (or when it failed): the link then shows no number rather than a wrong one. */
  get count(): number | undefined {
    const feed = this.feed;
    return feed?.state === 'ready' ? feed.rows.filter((r) => !r.resolved).length : undefined;
  }
}
