/** TypeBox schemas for the contract's shared shapes: one declaration gives the JSON schema and the type. */
import { Type } from 'typebox';

export const MoneySchema = Type.Object({
  value: Type.String({ pattern: '^\\d{1,12}(\\.\\d+)?$', description: 'a decimal string such as "25.00"' }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  formattedValue: Type.Optional(Type.String()),
});

export const SortingSchema = Type.Object({
  fieldName: Type.String({ minLength: 1, maxLength: 100 }),
  order: Type.Optional(Type.Union([Type.Literal('ASC'), Type.Literal('DESC')])),
});

export const QuerySchema = Type.Object({
  filter: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  sort: Type.Optional(Type.Array(SortingSchema, { maxItems: 5 })),
  paging: Type.Optional(
    Type.Object({
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
      offset: Type.Optional(Type.Integer({ minimum: 0 })),
    }),
  ),
});

export const QueryRequestSchema = Type.Object({ query: Type.Optional(QuerySchema) });

/** A query where Wix pages by cursor: `cursorPaging { limit, cursor }` as well as offset `paging`. */
export const PagedQuerySchema = Type.Object({
  ...QuerySchema.properties,
  cursorPaging: Type.Optional(
    Type.Object({
      limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
      cursor: Type.Optional(Type.Union([Type.String({ maxLength: 8192 }), Type.Null()])),
    }),
  ),
});

export const PagedQueryRequestSchema = Type.Object({ query: Type.Optional(PagedQuerySchema) });

/** The extended-bookings query: a paged query plus `search { expression }` (docs/api.md, "Searching bookings"). */
export const SearchableQueryRequestSchema = Type.Object({
  query: Type.Optional(
    Type.Object({
      ...PagedQuerySchema.properties,
      search: Type.Optional(Type.Object({ expression: Type.String({ maxLength: 100 }) })),
    }),
  ),
});

export const IdParamsSchema = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });

export const RevisionSchema = Type.String({ pattern: '^[0-9]{1,18}$', description: 'the current revision, e.g. "3"' });

/** Wix's Count calls: `{ filter }` in the query language, answered `{ count }`. */
export const CountRequestSchema = Type.Object({ filter: Type.Optional(Type.Record(Type.String(), Type.Unknown())) });
