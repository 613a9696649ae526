/**
 * One listening connection per instance (LISTEN/NOTIFY): what other instances tell about their commits reaches
 * this one. It reconnects with backoff after the connection drops; notifications sent while it was away are lost,
 * so a reconnect reports `onReconnect`, and the storage treats it as "anything may have changed" (setup caches
 * rebuild). Payloads start with the sender's instance id, so an instance ignores its own.
 */
import pg from 'pg';

export type NotificationHandler = (payload: string) => void;

const FIRST_DELAY_MS = 100;
const MAX_DELAY_MS = 5_000;

export class PgListener {
  private client: pg.Client | undefined;
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private reconnectListeners = new Set<() => void>();
  private delay = FIRST_DELAY_MS;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  /** Resolves once the first connection listens (or failed: it keeps trying in the background). */
  readonly ready: Promise<void>;

  constructor(
    private readonly connectionString: string,
    /** This instance, as it signs its notifications (PostgresExecutor.instanceId). */
    private readonly instanceId: string,
  ) {
    this.ready = this.connect(false);
  }

  /** Calls `handler` with the payload (sender id removed) of every other instance's notification on `channel`. */
  on(channel: string, handler: NotificationHandler): () => void {
    let set = this.handlers.get(channel);
    if (!set) {
      this.handlers.set(channel, (set = new Set()));
      void this.client?.query(`LISTEN ${quoteIdent(channel)}`).catch(() => undefined);
    }
    set.add(handler);
    return () => set.delete(handler);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  private async connect(again: boolean): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('error', () => this.dropped(client));
    client.on('end', () => this.dropped(client));
    client.on('notification', ({ channel, payload = '' }) => {
      const space = payload.indexOf(' ');
      if (payload.slice(0, space) === this.instanceId) return;
      for (const handler of this.handlers.get(channel) ?? []) handler(payload.slice(space + 1));
    });
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
      this.client = client;
      this.delay = FIRST_DELAY_MS;
      if (again) for (const listener of this.reconnectListeners) listener();
    } catch {
      this.dropped(client);
    }
  }

  private dropped(client: pg.Client): void {
    if (this.client && this.client !== client) return; // an old connection's late event
    this.client = undefined;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (this.closed || this.timer) return;
    const wait = this.delay + Math.random() * this.delay;
    this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect(true);
    }, wait);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners('end');
    await client?.end().catch(() => undefined);
  }
}

/** Channel names are ours (constants), but quoted anyway. */
const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;
