/**
 * Cursor paging over a sorted list of slots. A cursor is opaque to clients and sealed: the position after the last
 * slot returned, the resolved date range (so "from now" does not drift between pages) and a fingerprint of the
 * request, so a cursor is only accepted with the request it came from.
 */
import { createHash } from 'node:crypto';
import type { CursorPagingMetadata } from '../../../src/model/common.js';
import { ValidationError } from '../errors.js';
import { openCursor, sealCursor } from '../cursor-query.js';

export interface PageKey {
  t: number;
  k: string;
}

export interface CursorState {
  after: PageKey;
  fromMs: number;
  toMs: number;
}

const FIELD = 'cursorPaging.cursor';

export function fingerprint(request: object): string {
  const { cursorPaging: _paging, ...rest } = request as { cursorPaging?: unknown };
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 16);
}

export function decodeCursor(cursor: string, print: string): CursorState {
  try {
    // Sealed (domain/cursor-query.ts): an edited cursor cannot widen the range or move the position.
    const opened = openCursor(cursor);
    if (typeof opened !== 'object' || opened === null) throw new Error('not sealed here');
    const raw = opened as { a?: [number, string]; r?: [number, number]; f?: string };
    if (raw.f !== print) throw ValidationError.field(FIELD, 'belongs to a different request: send the same request with the cursor');
    const [t, k] = raw.a ?? [];
    const [fromMs, toMs] = raw.r ?? [];
    if (typeof t !== 'number' || typeof k !== 'string' || typeof fromMs !== 'number' || typeof toMs !== 'number')
      throw new Error('bad cursor');
    return { after: { t, k }, fromMs, toMs };
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw ValidationError.field(FIELD, 'is not a cursor this server gave out');
  }
}

const compareKeys = (a: PageKey, b: PageKey): number => a.t - b.t || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0);

/** The page after `state.after` (or the first page), `limit` long, with its metadata. `items` must be sorted by key. */
export function pageOf<T>(
  items: readonly T[],
  keyOf: (item: T) => PageKey,
  limit: number,
  range: { fromMs: number; toMs: number },
  print: string,
  after: PageKey | null,
): { items: T[]; cursorPagingMetadata: CursorPagingMetadata } {
  const rest = after ? items.filter((i) => compareKeys(keyOf(i), after) > 0) : [...items];
  const page = rest.slice(0, limit);
  const hasNext = rest.length > page.length;
  const last = page[page.length - 1];
  const next =
    hasNext && last !== undefined ? sealCursor({ a: [keyOf(last).t, keyOf(last).k], r: [range.fromMs, range.toMs], f: print }) : null;
  return { items: page, cursorPagingMetadata: { count: page.length, cursors: { next }, hasNext } };
}
