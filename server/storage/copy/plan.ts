/**
 * What to copy, read from the SQLite side's schema (one side of a copy is always SQLite, and both backends' migrations
 * make the same tables and columns): every table but `schema_migrations`, its declared columns, and an order in which
 * every table comes after the tables its foreign keys point to and after the tables whose triggers write into it.
 * A table written by triggers (the occupancy counts) is filled on the target while the tables before it are copied;
 * the copy empties it there and copies the source's rows, so it ends exactly as the source has it.
 */
import type Database from 'better-sqlite3';
import { CopyError } from './errors.js';

export interface TablePlan {
  name: string;
  /** SQLite's declared columns, in order. */
  columns: string[];
  /** Primary key columns, the read order of a table without an arrival order. */
  primaryKey: string[];
  /** A rowid table on SQLite: rows are read and written in rowid (arrival) order, which PostgreSQL keeps as `rowid`. */
  arrival: boolean;
  /** Filled by triggers on tables copied before it. */
  derived: boolean;
}

/** Tables that are never copied: each side keeps its own record of the migrations it ran. */
export const NOT_COPIED = new Set(['schema_migrations']);

interface ColumnInfo {
  name: string;
  pk: number;
}

export function planFromSqlite(db: Database.Database): TablePlan[] {
  const tables = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  const names = tables.map((t) => t.name).filter((n) => !NOT_COPIED.has(n));
  const after = new Map<string, Set<string>>(names.map((n) => [n, new Set<string>()]));
  for (const name of names) {
    for (const fk of db.pragma(`foreign_key_list("${name}")`) as { table: string }[]) {
      if (fk.table !== name && after.has(fk.table)) after.get(name)?.add(fk.table);
    }
  }
  const derived = new Set<string>();
  for (const [source, target] of triggerWrites(db)) {
    if (source === target || !after.has(target)) continue;
    after.get(target)?.add(source);
    derived.add(target);
  }
  return dependencyOrder(after).map((name) => {
    const columns = db.pragma(`table_info("${name}")`) as ColumnInfo[];
    const sql = tables.find((t) => t.name === name)?.sql ?? '';
    return {
      name,
      columns: columns.map((c) => c.name),
      primaryKey: columns
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      arrival: !/\)\s*WITHOUT\s+ROWID\s*$/i.test(sql),
      derived: derived.has(name),
    };
  });
}

/** [table a trigger is on, table its body writes into] for every trigger. */
function triggerWrites(db: Database.Database): [string, string][] {
  const triggers = db.prepare(`SELECT tbl_name AS "on", sql FROM sqlite_master WHERE type = 'trigger'`).all() as {
    on: string;
    sql: string;
  }[];
  const writes: [string, string][] = [];
  const pattern = /\b(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(\w+)"?/gi;
  for (const { on, sql } of triggers) {
    const body = sql.slice(sql.search(/\bBEGIN\b/i) + 1);
    for (const match of body.matchAll(pattern)) if (match[1]) writes.push([on, match[1]]);
  }
  return writes;
}

/** Tables in an order where each comes after everything in its `after` set; alphabetical among equals. */
export function dependencyOrder(after: Map<string, Set<string>>): string[] {
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (done.has(name)) return;
    if (path.includes(name)) throw new CopyError(`Tables depend on each other in a cycle: ${[...path, name].join(' → ')}`);
    for (const first of [...(after.get(name) ?? [])].sort()) visit(first, [...path, name]);
    done.add(name);
    order.push(name);
  };
  for (const name of [...after.keys()].sort()) visit(name, []);
  return order;
}
