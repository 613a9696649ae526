/** Prepared statements cached per connection: compiling SQL on every call costs more than running it. */
import type Database from 'better-sqlite3';
import type { Db } from './database.js';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function prepared(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}

/**
 * Run `work` atomically: inside the executor's transaction it already is (and better-sqlite3's own wrapper would
 * add a savepoint per call); outside one, in a transaction of its own.
 */
export function atomically<T>(db: Db, work: () => T): T {
  return db.inTransaction ? work() : db.transaction(work)();
}
