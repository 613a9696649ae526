/**
 * Bookings export (contract section 12): `GET /bookings/v2/bookings/export.csv?from=YYYY-MM-DD&to=YYYY-MM-DD`,
 * owner only, one CSV row per booking starting on those dates in the business's zone (server/domain/bookings/
 * export-rows.ts says what each column holds). The rows are streamed in chunks; the range is checked, and the
 * caller too, before the first byte, so every refusal is the contract's JSON error.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { AppContext } from '../http/context.js';
import { answers } from '../http/schemas/responses/common.js';
import { DomainError } from '../domain/errors.js';
import { exportRange } from '../domain/bookings/export-csv.js';
import { bookingsToExport, exportCsv } from '../domain/bookings/export-rows.js';

/** Checked by hand (export-csv.ts) so a bad date gets a sentence naming the field, not a schema pattern. */
const ExportQuerySchema = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
});

/** The 200 answer is CSV text, streamed with its own content type (no JSON serializer runs on a stream). */
const CsvTextSchema = Type.Unsafe<Readable>(Type.String({ description: 'text/csv (RFC 4180)' }));

export const bookingExportRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/bookings/v2/bookings/export.csv',
    {
      // Who asks is settled before what is asked: a stranger learns nothing from a 400.
      onRequest: async (request) => ctx.auth.requireOwner(request),
      schema: { querystring: ExportQuerySchema, response: answers(CsvTextSchema) },
    },
    async (request, reply) => {
      const business = await ctx.storage.business.get();
      if (!business)
        throw new DomainError('BUSINESS_NOT_SET_UP', 'This server has no business yet: start it with --seed demo, or set one up.');
      const range = exportRange(request.query, business.timeZone, ctx.clock());
      const bookings = await bookingsToExport(ctx.storage, range);
      return reply
        .code(200)
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="bookings-${range.from.toString()}-${range.to.toString()}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(Readable.from(exportCsv(ctx.storage, bookings, business)));
    },
  );
};
