/**
 * Access to PostgreSQL through one `pg` pool: statements outside a transaction take any pooled connection; a
 * transaction holds one connection, and every statement made inside it (found through AsyncLocalStorage, so the
 * stores need not pass it along) runs on that connection.
 *
 * Exactness across instances comes from PostgreSQL, not from us: every write transaction first takes the
 * business's advisory lock (transaction-scoped), so decisions that count (a session's spots, a staff member's
 * slot, plan credits, an idempotency key) run one after another on any instance, as they do on SQLite's single
 * writer; reads never wait for it. `lock(key)` takes finer keys as well. A transaction that PostgreSQL aborts as
 * a deadlock or a serialization failure is run again.
 *
 * Setup writes (business, catalogue, policies, staff, schedules, plans) go through `writeSetup`: they move this
 * instance's setup version at once and, through NOTIFY on commit, every other instance's (listener.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** What a statement may take as parameters. */
export type Param = string | number | boolean | null | Date | Buffer | readonly string[];

/** SQLSTATEs worth running the whole transaction again for: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
/** The advisory lock every write transaction holds: one business per database. */
export const BUSINESS_WRITE_LOCK = 'business';
/** The channel that tells other instances the setup changed. */
export const SETUP_CHANNEL = 'booking_setup';

interface Running {
  client: pg.PoolClient;
  /** A setup write happened in it: the version moves again when it ends (a rollback must not leave a cache stale). */
  setupWritten: boolean;
}

export interface PostgresExecutorOptions {
  connectionString: string;
  /** Connections in the pool (default 10): each open transaction holds one. */
  max?: number;
}

export class PostgresExecutor {
  readonly pool: pg.Pool;
  private readonly current = new AsyncLocalStorage<Running>();
  /** Transactions asked for (committed or not), and attempts that were run again, for the bench and the tests. */
  readonly stats = { transactions: 0, retries: 0 };
  private setup = 0;
  /** This instance, as it signs what it NOTIFYs (listener.ts ignores its own). */
  readonly instanceId = randomUUID();

  constructor({ connectionString, max = 10 }: PostgresExecutorOptions) {
    this.pool = new pg.Pool({ connectionString, max });
    // An idle connection that drops (a restarted server) must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  /** The rows of one statement, on the running transaction's connection if there is one. */
  async query<R extends object>(sql: string, params: readonly Param[] = []): Promise<R[]> {
    const client = this.current.getStore()?.client;
    const result = await (client ?? this.pool).query<R>(sql, params as Param[]);
    return result.rows;
  }

  /** The first row, or null. */
  async one<R extends object>(sql: string, params: readonly Param[] = []): Promise<R | null> {
    return (await this.query<R>(sql, params))[0] ?? null;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /**
   * Runs `work` in one transaction (READ COMMITTED, with `lock` for what it counts); a nested call joins the
   * outer one. Run again from the start after a deadlock or serialization failure, so `work` must not have
   * effects outside the database before it returns.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    this.stats.transactions++;
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      const running: Running = { client, setupWritten: false };
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [BUSINESS_WRITE_LOCK]);
        const result = await this.current.run(running, work);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (!RETRYABLE.has(sqlState(error)) || attempt >= MAX_ATTEMPTS) throw error;
        this.stats.retries++;
      } finally {
        client.release();
        if (running.setupWritten) this.setup++;
      }
    }
  }

  /**
   * Waits for, then holds until the transaction ends, the lock on `key` (advisory, transaction-scoped). Keys are
   * taken in sorted order so two decisions that lock the same keys cannot deadlock.
   */
  async lock(...keys: string[]): Promise<void> {
    if (!this.inTransaction) throw new Error('lock() outside a transaction would release at once');
    for (const key of [...new Set(keys)].sort()) await this.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
  }

  get setupVersion(): number {
    return this.setup;
  }

  /** Another instance changed the setup (listener.ts): caches keyed on the version rebuild. */
  setupChangedElsewhere(): void {
    this.setup++;
  }

  /**
   * A write to the business's setup, in a transaction (its own, or the one running): the version moves now, and
   * on every other instance once it commits (NOTIFY is delivered at commit, and not at all after a rollback).
   */
  writeSetup<T>(work: () => Promise<T>): Promise<T> {
    return this.transaction(async () => {
      const running = this.current.getStore();
      if (running) running.setupWritten = true;
      try {
        const result = await work();
        await this.notify(SETUP_CHANNEL, '');
        return result;
      } finally {
        this.setup++;
      }
    });
  }

  /** Tells the other instances (delivered at commit when inside a transaction; at once outside one). */
  async notify(channel: string, body: string): Promise<void> {
    await this.query('SELECT pg_notify($1, $2)', [channel, `${this.instanceId} ${body}`]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The SQLSTATE of a PostgreSQL error, or ''. */
export function sqlState(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
