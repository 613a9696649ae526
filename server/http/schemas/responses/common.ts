/**
 * Response schemas shared by every area (contract section 1): money, paging, the error body, and `answers()`,
 * which gives a route its `response` map (the success shape, plus the error shape for 4xx).
 *
 * Fastify serialises a declared response with fast-json-stringify, which silently DROPS properties the schema does
 * not declare and coerces types. So every schema here is complete: each field of the model (`src/model/*.ts`) is
 * declared, optional ones as `Type.Optional`, and only what the model leaves open (`applicationError.data`, a
 * notification's `data`) is `Type.Record(String, Unknown)`. In tests, `validateResponses` (server/http/
 * response-validation.ts) checks every answer against these schemas with strict `additionalProperties`, so a field
 * the schema forgot fails the test that sent it instead of vanishing for clients.
 *
 * Not declared, on purpose: the Server-Sent Events streams (`…/events`: the handler hijacks the reply and writes
 * `text/event-stream` itself, so no serializer runs; only their JSON errors are declared), the static sites
 * (`/widget/`, the demo pages: files, not JSON) and CORS preflights (an empty 204). A CSV or calendar route, when
 * one comes, is the same kind of exception: declare its errors only.
 */
import { Type, type TSchema } from 'typebox';

/** RFC 3339 UTC, e.g. `2026-12-01T23:00:00.000Z`. */
export const TimestampSchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' });
/** A local date-time without offset, e.g. `2026-12-01T18:00:00`. */
export const LocalDateTimeSchema = Type.String();
export const TimeZoneSchema = Type.String({ minLength: 1 });
/** An integer serialised as a string: `"1"` on create, +1 on every change. */
export const RevisionSchema = Type.String({ pattern: '^[0-9]+$' });

export const MoneySchema = Type.Object({
  value: Type.String({ pattern: '^\\d+(\\.\\d+)?$' }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  formattedValue: Type.Optional(Type.String()),
});

export const PagingMetadataSchema = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  offset: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
});

/** A query that pages either way: offset metadata, cursor metadata, or both (src/model/common.ts). */
export const QueryPagingMetadataSchema = Type.Object({
  count: Type.Integer({ minimum: 0 }),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  total: Type.Optional(Type.Integer({ minimum: 0 })),
  cursors: Type.Optional(Type.Object({ next: Type.Union([Type.String(), Type.Null()]), prev: Type.Union([Type.String(), Type.Null()]) })),
  hasNext: Type.Optional(Type.Boolean()),
});

export const CursorPagingMetadataSchema = Type.Object({
  count: Type.Optional(Type.Integer({ minimum: 0 })),
  cursors: Type.Object({
    next: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    prev: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  }),
  hasNext: Type.Boolean(),
});

/** An open JSON object (the model types it `Record<string, unknown>`). */
export const OpenObjectSchema = Type.Record(Type.String(), Type.Unknown());

/** The contract's error body: an application error, or field violations for bad input (400). */
export const ErrorBodySchema = Type.Object({
  message: Type.String({ minLength: 1 }),
  details: Type.Object({
    applicationError: Type.Optional(
      Type.Object({ code: Type.String({ minLength: 1 }), description: Type.String(), data: OpenObjectSchema }),
    ),
    validationError: Type.Optional(
      Type.Object({
        fieldViolations: Type.Array(Type.Object({ field: Type.String(), description: Type.String() }), { minItems: 1 }),
      }),
    ),
  }),
});

/** `{}`: the answer of a delete or a logout. */
export const EmptySchema = Type.Object({});

/** A route's `response` map: `ok` for 200, the contract's error body for every 4xx. */
export function answers<T extends TSchema>(ok: T): { 200: T; '4xx': typeof ErrorBodySchema } {
  return { 200: ok, '4xx': ErrorBodySchema };
}

/** The response map of a route that streams (SSE) on success: only its JSON errors are declared. */
export const streamErrors = { '4xx': ErrorBodySchema };
