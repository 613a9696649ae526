/** Shapes shared by every part of the contract (section 1). */

/** ISO 4217 money as Wix sends it: a decimal string, never a float. */
export interface Money {
  value: string;
  currency: string;
  formattedValue?: string;
}

/** RFC 3339 UTC timestamp, e.g. `2026-12-01T23:00:00.000Z`. */
export type Timestamp = string;

/** Local date-time without offset, e.g. `2026-12-01T18:00:00`. */
export type LocalDateTime = string;

/** An IANA time zone name, e.g. `America/New_York`. */
export type TimeZone = string;

export type SortOrder = 'ASC' | 'DESC';

export interface Sorting {
  fieldName: string;
  order?: SortOrder;
}

export interface Paging {
  limit?: number;
  offset?: number;
}

export interface CursorPaging {
  limit?: number;
  cursor?: string | null;
}

/** A filter value: a plain value means `$eq`; an object holds operators. */
export type FilterOperators = {
  $eq?: unknown;
  $ne?: unknown;
  $lt?: unknown;
  $lte?: unknown;
  $gt?: unknown;
  $gte?: unknown;
  $in?: unknown[];
  $nin?: unknown[];
  $hasSome?: unknown[];
};

export type Filter = Record<string, unknown>;

export interface Query {
  filter?: Filter;
  sort?: Sorting[];
  paging?: Paging;
  /** Where Wix pages by cursor (extended bookings, options and variants, policies, staff): the next page's cursor. */
  cursorPaging?: CursorPaging;
  /**
   * Extension, extended bookings only: a case-insensitive piece of the customer's name or email
   * (docs/api.md, "Searching bookings"). Other queries refuse it.
   */
  search?: { expression: string };
}

export interface PagingMetadata {
  count: number;
  offset: number;
  total: number;
}

/** A query answered by cursor: `cursors.next` is null on the last page. */
export interface QueryCursorPagingMetadata {
  count: number;
  cursors: { next: string | null; prev: string | null };
  hasNext: boolean;
}

/**
 * The `pagingMetadata` of a query that may page either way: offset metadata for `paging`, cursor metadata for
 * `cursorPaging`, and both for a query that sends neither.
 */
export type QueryPagingMetadata = PagingMetadata | QueryCursorPagingMetadata | (PagingMetadata & QueryCursorPagingMetadata);

export interface CursorPagingMetadata {
  count?: number;
  cursors: { next?: string | null; prev?: string | null };
  hasNext: boolean;
}
