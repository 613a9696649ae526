/**
 * The contract's query language (section 1) over plain objects: filter operators, sort and offset paging.
 * Each entity declares which fields may be filtered and sorted; anything else is a 400 that names the field.
 */
import type { Query, PagingMetadata } from '../../src/model/common.js';
import { ValidationError } from './errors.js';

export type FieldGetter<T> = (item: T) => unknown;

export interface QuerySpec<T> {
  /** Filterable and sortable fields, by their contract name (dotted paths). */
  fields: Record<string, FieldGetter<T>>;
  defaultSort: { fieldName: string; order: 'ASC' | 'DESC' };
  defaultLimit: number;
  maxLimit: number;
  /** The texts `query.search.expression` looks in (lower-cased substring); a spec without it refuses a search. */
  searchTexts?: (item: T) => (string | undefined)[];
}

const OPERATORS = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$nin', '$hasSome'] as const;
type Operator = (typeof OPERATORS)[number];
const LOGICAL = ['$and', '$or', '$not'] as const;

type Predicate<T> = (item: T) => boolean;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

function operatorPredicate<T>(path: string, op: Operator, operand: unknown, get: FieldGetter<T>): Predicate<T> {
  const needsArray = op === '$in' || op === '$nin' || op === '$hasSome';
  if (needsArray && !Array.isArray(operand)) {
    throw ValidationError.field(`${path}.${op}`, 'must be an array');
  }
  if (!needsArray && (isPlainObject(operand) || Array.isArray(operand))) {
    throw ValidationError.field(`${path}.${op}`, 'must be a string, number, boolean or null');
  }
  const list = operand as unknown[];
  switch (op) {
    case '$eq':
      return (item) => {
        const v = get(item);
        return Array.isArray(v) ? v.includes(operand) : v === operand;
      };
    case '$ne':
      return (item) => get(item) !== operand;
    case '$lt':
      return (item) => get(item) != null && compare(get(item), operand) < 0;
    case '$lte':
      return (item) => get(item) != null && compare(get(item), operand) <= 0;
    case '$gt':
      return (item) => get(item) != null && compare(get(item), operand) > 0;
    case '$gte':
      return (item) => get(item) != null && compare(get(item), operand) >= 0;
    case '$in':
      return (item) => list.includes(get(item));
    case '$nin':
      return (item) => !list.includes(get(item));
    case '$hasSome':
      return (item) => {
        const v = get(item);
        return Array.isArray(v) ? v.some((x) => list.includes(x)) : list.includes(v);
      };
  }
}

/** $and, $or and $not nested deeper are refused: compiling recurses, and no real query needs more than a few. */
export const MAX_FILTER_DEPTH = 10;
/** Conditions, operators and list items in one filter; more is refused before any work is done. */
export const MAX_FILTER_SIZE = 500;

/** The getter for a field the spec declares as its own: `toString`, `__proto__` and friends are not fields. */
export function fieldGetter<T>(spec: QuerySpec<T>, name: string): FieldGetter<T> | undefined {
  return Object.hasOwn(spec.fields, name) ? spec.fields[name] : undefined;
}

interface Budget {
  left: number;
}

function spend(budget: Budget, n: number): void {
  budget.left -= n;
  if (budget.left < 0) {
    throw ValidationError.field(
      'query.filter',
      `has more than ${MAX_FILTER_SIZE} conditions and list items; split the query or filter on fewer values`,
    );
  }
}

/** Compile a filter object to a predicate; throws ValidationError naming the first bad field or operator. */
export function compileFilter<T>(filter: unknown, spec: QuerySpec<T>): Predicate<T> {
  return compileNode(filter, spec, 'query.filter', 0, { left: MAX_FILTER_SIZE });
}

function compileNode<T>(filter: unknown, spec: QuerySpec<T>, path: string, depth: number, budget: Budget): Predicate<T> {
  if (filter === undefined || filter === null) return () => true;
  if (!isPlainObject(filter)) throw ValidationError.field(path, 'must be an object');
  if (depth > MAX_FILTER_DEPTH) {
    throw ValidationError.field(
      path,
      `nests $and, $or and $not more than ${MAX_FILTER_DEPTH} levels deep; flatten it (conditions side by side are ANDed)`,
    );
  }
  const parts: Predicate<T>[] = [];
  for (const [key, value] of Object.entries(filter)) {
    spend(budget, 1);
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value)) throw ValidationError.field(`${path}.${key}`, 'must be an array of filters');
      spend(budget, value.length);
      const subs = value.map((sub, i) => compileNode(sub, spec, `${path}.${key}[${i}]`, depth + 1, budget));
      parts.push(key === '$and' ? (item) => subs.every((p) => p(item)) : (item) => subs.some((p) => p(item)));
      continue;
    }
    if (key === '$not') {
      const sub = compileNode(value, spec, `${path}.$not`, depth + 1, budget);
      parts.push((item) => !sub(item));
      continue;
    }
    const get = fieldGetter(spec, key);
    if (!get) {
      throw ValidationError.field(`${path}.${key}`, `is not a field you can filter on; use one of: ${Object.keys(spec.fields).join(', ')}`);
    }
    if (isPlainObject(value)) {
      const ops = Object.entries(value);
      if (ops.length === 0) throw ValidationError.field(`${path}.${key}`, 'needs an operator such as $eq');
      for (const [op, operand] of ops) {
        if (!(OPERATORS as readonly string[]).includes(op)) {
          throw ValidationError.field(
            `${path}.${key}.${op}`,
            `is not a supported operator; use one of: ${[...OPERATORS, ...LOGICAL].join(' ')}`,
          );
        }
        spend(budget, Array.isArray(operand) ? operand.length + 1 : 1);
        parts.push(operatorPredicate(`${path}.${key}`, op as Operator, operand, get));
      }
    } else {
      parts.push(operatorPredicate(`${path}.${key}`, '$eq', value, get));
    }
  }
  return (item) => parts.every((p) => p(item));
}

export interface QueryResult<T> {
  items: T[];
  pagingMetadata: PagingMetadata;
}

/** Validate a query's sort and paging without running it (for stores that run it in SQL). */
export function normalizePaging<T>(query: Query | undefined, spec: QuerySpec<T>): { limit: number; offset: number } {
  const limit = query?.paging?.limit ?? spec.defaultLimit;
  const offset = query?.paging?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > spec.maxLimit) {
    throw ValidationError.field('query.paging.limit', `must be a whole number from 1 to ${spec.maxLimit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw ValidationError.field('query.paging.offset', 'must be a whole number of 0 or more');
  }
  return { limit, offset };
}

export function runQuery<T>(all: readonly T[], query: Query | undefined, spec: QuerySpec<T>): QueryResult<T> {
  const predicate = compileFilter(query?.filter, spec);
  const sort = query?.sort && query.sort.length > 0 ? query.sort : [spec.defaultSort];
  const comparators = sort.map((s, i) => {
    const get = fieldGetter(spec, s.fieldName);
    if (!get) {
      throw ValidationError.field(
        `query.sort[${i}].fieldName`,
        `${JSON.stringify(s.fieldName)} is not a field you can sort by; use one of: ${Object.keys(spec.fields).join(', ')}`,
      );
    }
    if (s.order !== undefined && s.order !== 'ASC' && s.order !== 'DESC') {
      throw ValidationError.field(`query.sort[${i}].order`, 'must be ASC or DESC');
    }
    const sign = s.order === 'DESC' ? -1 : 1;
    return (a: T, b: T) => sign * compare(get(a), get(b));
  });
  const { limit, offset } = normalizePaging(query, spec);
  const matching = all.filter(predicate).sort((a, b) => {
    for (const c of comparators) {
      const r = c(a, b);
      if (r !== 0) return r;
    }
    return 0;
  });
  const items = matching.slice(offset, offset + limit);
  return { items, pagingMetadata: { count: items.length, offset, total: matching.length } };
}

/** The longest search expression: a name or an email address, not a document. */
export const MAX_SEARCH_LENGTH = 100;

/**
 * `query.search.expression` as a predicate: a case-insensitive substring of any of the spec's search texts. Blank
 * matches everything, so a cleared search box is no search.
 */
export function compileSearch<T>(expression: unknown, spec: QuerySpec<T>): (item: T) => boolean {
  if (expression === undefined) return () => true;
  if (!spec.searchTexts) throw ValidationError.field('query.search', 'is not supported by this query');
  if (typeof expression !== 'string' || expression.length > MAX_SEARCH_LENGTH) {
    throw ValidationError.field('query.search.expression', `must be a string of at most ${MAX_SEARCH_LENGTH} characters`);
  }
  const needle = expression.trim().toLowerCase();
  if (needle === '') return () => true;
  const texts = spec.searchTexts;
  return (item) => texts(item).some((t) => t !== undefined && t.toLowerCase().includes(needle));
}
