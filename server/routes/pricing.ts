/**
 * Pricing (contract section 7): preview before a booking exists, calculate for a booking's shape. Public, as the
 * catalogue is: a price reveals nothing about anyone. The maths is `domain/pricing/price.ts`.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { PreviewPriceRequestSchema, CalculatePriceRequestSchema } from '../http/schemas/pricing.js';
import { priceFor, toPriceInfo, type PriceLineInput } from '../domain/pricing/price.js';
import { ValidationError } from '../domain/errors.js';
import { answers } from '../http/schemas/responses/common.js';
import { PriceInfoResponseSchema } from '../http/schemas/responses/bookings.js';

export const pricingRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const price = async (serviceId: string, lines: PriceLineInput[], field: string) => {
    const service = await ctx.catalogue.getService(serviceId, false);
    const variants = await ctx.storage.catalogue.getVariantsByService(serviceId);
    return toPriceInfo(service.id, priceFor(service, variants, lines, field));
  };

  app.post(
    '/bookings/v2/pricing/preview',
    { schema: { body: PreviewPriceRequestSchema, response: answers(PriceInfoResponseSchema) } },
    async (request) => {
      const items = request.body.bookingLineItems;
      const serviceId = items[0]?.serviceId ?? '';
      if (items.some((i) => i.serviceId !== serviceId)) {
        throw ValidationError.field('bookingLineItems', 'must all be of the same service (as Wix previews one service at a time)');
      }
      const lines: PriceLineInput[] = items.flatMap((item, i) => {
        if (item.serviceChoices)
          return item.serviceChoices.map((c) => ({ numberOfParticipants: c.numberOfParticipants, choices: c.choices }));
        if (item.numberOfParticipants === undefined) {
          throw ValidationError.field(`bookingLineItems[${i}]`, 'needs serviceChoices or numberOfParticipants');
        }
        return [{ numberOfParticipants: item.numberOfParticipants }];
      });
      return { priceInfo: await price(serviceId, lines, 'bookingLineItems') };
    },
  );

  app.post(
    '/bookings/v2/pricing/calculate',
    { schema: { body: CalculatePriceRequestSchema, response: answers(PriceInfoResponseSchema) } },
    async (request) => {
      const { booking } = request.body;
      const serviceId = booking.bookedEntity.slot?.serviceId ?? booking.bookedEntity.schedule?.serviceId;
      if (!serviceId) throw ValidationError.field('booking.bookedEntity', 'needs slot.serviceId or schedule.serviceId');
      if ((booking.totalParticipants === undefined) === (booking.participantsChoices === undefined)) {
        throw ValidationError.field('booking', 'needs exactly one of totalParticipants or participantsChoices');
      }
      const lines: PriceLineInput[] = booking.participantsChoices
        ? booking.participantsChoices.serviceChoices.map((c) => ({ numberOfParticipants: c.numberOfParticipants, choices: c.choices }))
        : [{ numberOfParticipants: booking.totalParticipants ?? 1 }];
      return { priceInfo: await price(serviceId, lines, 'booking.participantsChoices.serviceChoices') };
    },
  );
};
