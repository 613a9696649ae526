/**
 * Access to PostgreSQL through one `pg` pool: statements outside a transaction take any pooled connection; a
 * transaction holds one connection, and every statement made inside it (found through AsyncLocalStorage, so the
 * stores need not pass it along) runs on that connection.
 *
 * Exactness across instances comes from PostgreSQL, not from us: a decision that counts (a session's spots, a
 * staff member's slot, plan credits, an idempotency key) first takes `lock(key)`, a transaction-scoped advisory
 * lock, so two decisions on the same key, on any instance, run one after the other; different keys never wait
 * for each other. A transaction that PostgreSQL aborts as a deadlock or a serialization failure is run again.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** What a statement may take as parameters. */
export type Param = string | number | boolean | null | Date | Buffer | readonly string[];

/** SQLSTATEs worth running the whole transaction again for: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

export interface PostgresExecutorOptions {
  connectionString: string;
  /** Connections in the pool (default 10): each open transaction holds one. */
  max?: number;
}

export class PostgresExecutor {
  readonly pool: pg.Pool;
  private readonly current = new AsyncLocalStorage<pg.PoolClient>();
  /** Transactions run, and attempts that were run again, for the bench and the tests. */
  readonly stats = { transactions: 0, retries: 0 };

  constructor({ connectionString, max = 10 }: PostgresExecutorOptions) {
    this.pool = new pg.Pool({ connectionString, max });
    // An idle connection that drops (a restarted server) must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  /** The rows of one statement, on the running transaction's connection if there is one. */
  async query<R extends object>(sql: string, params: readonly Param[] = []): Promise<R[]> {
    const client = this.current.getStore();
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
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const result = await this.current.run(client, work);
        await client.query('COMMIT');
        this.stats.transactions++;
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (!RETRYABLE.has(sqlState(error)) || attempt >= MAX_ATTEMPTS) throw error;
        this.stats.retries++;
      } finally {
        client.release();
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

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** The SQLSTATE of a PostgreSQL error, or ''. */
export function sqlState(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
