/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000
 * WAL pages: it copies those pages into the database file and syncs it, on the connection that serves every
 * request, and at 50,000 bookings that was about 60 % of the time COMMIT held the event loop (docs/storage.md,
 * "Checkpoints"). Once a database has seen `afterCommits` commits (a busy one: tests and idle servers never
 * start a thread), a worker thread with its own connection to the same file runs a PASSIVE checkpoint every
 * `everyMs` and the request connection stops checkpointing itself. PASSIVE never blocks a reader or the writer,
 * and a checkpoint moves only committed frames, so durability is unchanged: an acknowledged write is in the WAL
 * before its answer leaves, whoever copies it on later. If the worker cannot run or stops, the request connection
 * checkpoints itself again, as before.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** SQLite's own default, restored if the worker goes away. */
const AUTOCHECKPOINT_PAGES = 1000;

/** The worker, as CommonJS source (`eval`), so it runs the same from src, dist-server or a bundle. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('cache_size = -256');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}, workerData.everyMs);
parentPort.postMessage({ ready: true });
parentPort.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointerOptions {
  /** Commits seen before the worker starts (default 200). */
  afterCommits?: number;
  /** How often the worker checkpoints (default 100 ms). */
  everyMs?: number;
  /** The better-sqlite3 module the worker loads (default: the one this process uses). */
  driver?: string;
}

export class WalCheckpointer {
  private commits = 0;
  private worker: Worker | undefined;
  /** The worker failed once: the request connection checkpoints itself from then on. */
  private gaveUp = false;
  private readonly afterCommits: number;
  private readonly everyMs: number;
  private readonly driver: string;

  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    options: CheckpointerOptions = {},
  ) {
    this.afterCommits = options.afterCommits ?? 200;
    this.everyMs = options.everyMs ?? 100;
    this.driver = options.driver ?? createRequire(import.meta.url).resolve('better-sqlite3');
  }

  /** Whether the worker is checkpointing (the request connection is not). */
  get offloaded(): boolean {
    return this.worker !== undefined;
  }

  /** Called after every COMMIT on the request connection. */
  committed(): void {
    if (this.worker || this.gaveUp || this.file === ':memory:' || ++this.commits < this.afterCommits) return;
    this.start();
  }

  private start(): void {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: this.driver, file: this.file, everyMs: this.everyMs } });
    } catch {
      this.gaveUp = true;
      return;
    }
    worker.unref(); // never what keeps the process alive
    this.worker = worker;
    // Only once the worker has its connection: until then the request connection keeps checkpointing.
    const fallBack = () => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.gaveUp = true;
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    };
    worker.on('message', (m: { ready?: boolean; error?: string }) => {
      if (this.worker !== worker) return;
      if (m.ready) this.db.pragma('wal_autocheckpoint = 0');
      if (m.error) {
        fallBack(); // a WAL that nobody copies would only grow
        worker.postMessage('stop');
      }
    });
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
  }

  /** Stops the worker (its connection closed) before the request connection closes. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.gaveUp = true;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.ref(); // until it has closed its connection: an unreferenced worker would let the process end first
    worker.postMessage('stop');
    await exited;
  }
}
