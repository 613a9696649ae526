/**
 * Cursor paging for the queries where Wix pages by cursor (extended bookings, service options and variants,
 * booking policies, staff members): `cursorPaging { limit, cursor }` in, `pagingMetadata { count, cursors { next,
 * prev }, hasNext }` out, as Wix answers, so the SDK's `hasNext()` / `next()` work. Offset `paging` keeps its
 * `{ count, offset, total }` answer.
 *
 * A cursor carries the whole query (filter, sort and position), because Wix's SDK sends only `cursorPaging` when it
 * asks for the next page. It is opaque to clients and sealed with an HMAC, so a cursor that was edited, truncated or
 * made up is a 400 on `query.cursorPaging.cursor`; its filter and sort are checked again like any request's. The
 * key comes from the owner key (`setCursorKey`), so every instance of one business accepts the others' cursors.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Filter, PagingMetadata, Query, QueryPagingMetadata, Sorting } from '../../src/model/common.js';
import { ValidationError } from './errors.js';
import { compileSearch, runQuery, type QuerySpec } from './query.js';

const FIELD = 'query.cursorPaging.cursor';

/** A query that may page by offset (`paging`) or by cursor (`cursorPaging`), never both. */
export type PagedQuery = Query;

interface CursorState {
  f?: Filter;
  s?: Sorting[];
  /** How many matching items come before the page. */
  o: number;
  /** The search expression (extended bookings), so the next page searches the same. */
  q?: string;
}

let cursorKey: Buffer = createHash('sha256').update('booking-widget cursors').digest();

/** Seal cursors with a key derived from `secret` (the owner key): the same on every instance of one business. */
export function setCursorKey(secret: string): void {
  cursorKey = createHash('sha256').update(`cursor-key:${secret}`).digest();
}

const mac = (body: string): Buffer => createHmac('sha256', cursorKey).update(body).digest().subarray(0, 16);

/** Any JSON value as an opaque cursor: base64url JSON and its HMAC (also used by the time slots' cursors). */
export function sealCursor(payload: unknown): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body).toString('base64url')}`;
}

/** The payload of a cursor `sealCursor` made with this key; null for anything else (edited, cut short, made up). */
export function openCursor(cursor: string): unknown {
  const [body, tag, extra] = cursor.split('.');
  if (!body || !tag || extra !== undefined) return null;
  const given = Buffer.from(tag, 'base64url');
  const expected = mac(body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

const seal = (state: CursorState): string => sealCursor(state);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function open(cursor: string): CursorState {
  const state = openCursor(cursor);
  const valid =
    isPlainObject(state) &&
    Number.isInteger(state.o) &&
    (state.o as number) >= 0 &&
    (state.f === undefined || isPlainObject(state.f)) &&
    (state.s === undefined || Array.isArray(state.s)) &&
    (state.q === undefined || typeof state.q === 'string');
  if (!valid) throw ValidationError.field(FIELD, 'is not a cursor this server gave out: send the cursor from the last answer unchanged');
  return state as unknown as CursorState;
}

export interface PagedResult<T> {
  items: T[];
  pagingMetadata: QueryPagingMetadata;
}

/**
 * Runs `query` over `all`. With `cursorPaging` the answer pages by cursor (the cursor's own filter and sort win over
 * any sent beside it); with `paging`, or neither, by offset, and with neither the answer carries the cursors too.
 */
export function runPagedQuery<T>(all: readonly T[], query: PagedQuery | undefined, spec: QuerySpec<T>): PagedResult<T> {
  const cursorPaging = query?.cursorPaging;
  if (cursorPaging && query?.paging) {
    throw ValidationError.field('query.paging', 'cannot be sent together with query.cursorPaging: choose one way to page');
  }
  const limit = cursorPaging?.limit ?? query?.paging?.limit ?? spec.defaultLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > spec.maxLimit) {
    const field = cursorPaging ? 'query.cursorPaging.limit' : 'query.paging.limit';
    throw ValidationError.field(field, `must be a whole number from 1 to ${spec.maxLimit}`);
  }
  const state: CursorState = cursorPaging?.cursor
    ? open(cursorPaging.cursor)
    : { f: query?.filter, s: query?.sort, o: query?.paging?.offset ?? 0, ...(query?.search ? { q: query.search.expression } : {}) };
  const searched = state.q === undefined ? all : all.filter(compileSearch(state.q, spec));
  const result = runQuery(searched, { filter: state.f, sort: state.s, paging: { limit, offset: state.o } }, spec);
  const offset: PagingMetadata = result.pagingMetadata;
  const hasNext = offset.offset + offset.count < offset.total;
  const cursors = {
    next: hasNext ? seal({ ...state, o: offset.offset + offset.count }) : null,
    prev: offset.offset > 0 ? seal({ ...state, o: Math.max(0, offset.offset - limit) }) : null,
  };
  if (cursorPaging) return { items: result.items, pagingMetadata: { count: offset.count, cursors, hasNext } };
  if (query?.paging) return { items: result.items, pagingMetadata: offset };
  return { items: result.items, pagingMetadata: { ...offset, cursors, hasNext } };
}
