/**
 * The two ends of a copy, as copy.ts drives them. Rows travel in SQLite's form (flags 0/1, JSON as text, instants
 * as ISO text, money as numbers), keyed by column name, with `rowid` carrying the arrival order where there is one;
 * the PostgreSQL side converts to and from its own types.
 */
import type { TablePlan } from './plan.js';

export type Row = Record<string, unknown>;

export interface CopySource {
  /** For messages: the file, or the address without its password. */
  readonly where: string;
  /** The migration versions recorded in the source. */
  versions(): Promise<number[]>;
  /** Starts one consistent read of every table (a snapshot), ended by close(). */
  snapshot(): Promise<void>;
  /** The table's rows in arrival order (primary key order where there is none), `size` at a time. */
  read(table: TablePlan, size: number): AsyncIterable<Row[]>;
  close(): Promise<void>;
}

export interface CopyTarget {
  readonly where: string;
  /** Opens the one transaction everything is written in. */
  begin(): Promise<void>;
  /** The tables (of those given) that hold at least one row. */
  tablesWithRows(tables: readonly string[]): Promise<string[]>;
  /** Deletes the rows triggers wrote while earlier tables were copied. */
  clear(table: TablePlan): Promise<void>;
  insert(table: TablePlan, rows: readonly Row[]): Promise<void>;
  /** Moves identity sequences past the copied values (PostgreSQL), then commits. */
  commit(tables: readonly TablePlan[]): Promise<void>;
  /** Undoes everything: nothing of the copy stays on the target. */
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/** Versions that differ between a database and this server's migrations, described for a person. */
export function versionProblem(found: readonly number[], known: readonly number[]): string | null {
  const unknown = found.filter((v) => !known.includes(v));
  if (unknown.length > 0) {
    return `it has migrations this booking-server does not know (${unknown.join(', ')}): run the newer booking-server that made them`;
  }
  const missing = known.filter((v) => !found.includes(v));
  if (missing.length > 0) {
    return `it lacks migrations ${missing.join(', ')} of this booking-server: start this version of the server on it once (it migrates at start), then copy`;
  }
  return null;
}

export const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;
