/**
 * Serialised access to the one better-sqlite3 connection, and group commit.
 *
 * better-sqlite3 is synchronous and we use one connection, so an async transaction must not let another
 * request's statements run inside it: every call goes through `exec`, which waits for the running transactions
 * (if any) unless it is part of them.
 *
 * Group commit: transactions that arrive while others run wait together, and then run one after another inside
 * one `BEGIN IMMEDIATE … COMMIT`, each in its own SAVEPOINT. Each sees the writes of those before it, exactly as
 * if they had run alone in that order (so a capacity decision counts every booking decided before it), and one
 * that throws rolls back to its savepoint alone. Nobody hears an answer before the COMMIT that holds their
 * writes has returned: in WAL mode that COMMIT has written the frames to the WAL file, so an acknowledged write
 * survives the process being killed (docs/architecture.md, "Durability").
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

type Db = Database.Database;

interface Pending {
  work: () => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** At most this many transactions share one commit, so a long queue still answers in steady steps. */
export const MAX_GROUP = 64;

export class SqliteExecutor {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly inTransaction = new AsyncLocalStorage<true>();
  private readonly waiting: Pending[] = [];
  private groupQueued = false;
  /** Rises with every write to the business's setup (see Storage.setupVersion). */
  private setup = 0;
  /** Set by a setup write inside the running transaction: its rollback must move the version again. */
  private setupWritten = false;
  /** Commits made and transactions they held, for the bench and the tests. */
  readonly stats = { commits: 0, transactions: 0 };
  /** Told after every group's COMMIT (the WAL checkpointer counts them). */
  onCommit: (() => void) | undefined;

  /** The transaction-control statements, compiled once (db.exec would compile them on every call). */
  private readonly control: Record<'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit' | 'rollback', Database.Statement>;

  constructor(readonly db: Db) {
    this.control = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      savepoint: db.prepare('SAVEPOINT one'),
      release: db.prepare('RELEASE one'),
      rollbackTo: db.prepare('ROLLBACK TO one'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
    };
  }

  private run(statement: keyof SqliteExecutor['control']): void {
    this.control[statement].run();
  }

  get setupVersion(): number {
    return this.setup;
  }

  /**
   * `exec` for a write to the setup (business, catalogue, policies, staff, schedules, plans): caches built from
   * the setup key on the version, so this write makes them stale. A write that is rolled back later only costs
   * a rebuild.
   */
  writeSetup<T>(work: (db: Db) => T): Promise<T> {
    return this.exec((db) => {
      try {
        return work(db);
      } finally {
        this.setup++;
        if (this.inTransaction.getStore()) this.setupWritten = true;
      }
    });
  }

  /** Run synchronous database work once no foreign transaction is open. */
  exec<T>(work: (db: Db) => T): Promise<T> {
    if (this.inTransaction.getStore()) return Promise.resolve().then(() => work(this.db));
    return this.enqueue(async () => work(this.db));
  }

  /** Run `work` atomically (group-committed with its neighbours); a nested call joins the outer one. */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) return work();
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (this.groupQueued) return;
      this.groupQueued = true;
      // Wait for the rest of this turn of the event loop: the requests read in it join the same group.
      setImmediate(() => void this.enqueue(() => this.runGroups()));
    });
  }

  /** Take the waiting transactions in arrival order, MAX_GROUP to a commit, until none wait. */
  private async runGroups(): Promise<void> {
    this.groupQueued = false;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      const outcomes = await this.inTransaction.run(true, () => this.runGroup(group));
      group.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) item.resolve(outcome.value);
        else item.reject(outcome ? outcome.error : new Error('transaction lost its outcome'));
      });
    }
  }

  private async runGroup(group: Pending[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    let settled = 0; // outcomes[0..settled) are final: their writes were lost with a transaction SQLite rolled back
    this.run('begin');
    for (const item of group) {
      this.run('savepoint');
      this.setupWritten = false;
      try {
        const value = await item.work();
        this.run('release');
        outcomes.push({ ok: true, value });
      } catch (error) {
        outcomes.push({ ok: false, error });
        // A read cached after the write saw rows that no longer exist.
        if (this.setupWritten) this.setup++;
        if (this.db.inTransaction) {
          this.run('rollbackTo');
          this.run('release');
        } else {
          // SQLite rolled the whole transaction back (disk full, I/O error): the group's earlier writes are gone.
          for (let i = settled; i < outcomes.length - 1; i++) outcomes[i] = { ok: false, error };
          this.setup++;
          settled = outcomes.length;
          this.run('begin');
        }
      }
    }
    try {
      this.run('commit');
      this.stats.commits++;
      this.stats.transactions += group.length;
      this.onCommit?.();
    } catch (error) {
      if (this.db.inTransaction) this.run('rollback');
      this.setup++;
      for (let i = settled; i < outcomes.length; i++) outcomes[i] = { ok: false, error };
    }
    return outcomes;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    // Keep the chain alive whatever this task does; its caller sees the real outcome.
    this.tail = run.catch(() => undefined);
    return run;
  }
}
