/**
 * Public facts about the business the widget needs before anything else: its name, time zone, currency and
 * locale. Wix serves these as Site Properties; we answer the same path with the same field names.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { DomainError } from '../domain/errors.js';
import { answers } from '../http/schemas/responses/common.js';
import { SitePropertiesResponseSchema } from '../http/schemas/responses/business.js';

export const businessRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/site-properties/v4/properties', { schema: { response: answers(SitePropertiesResponseSchema) } }, async () => {
    const business = await ctx.storage.business.get();
    if (!business)
      throw new DomainError('BUSINESS_NOT_SET_UP', 'This server has no business yet: start it with --seed demo, or set one up.');
    return {
      properties: {
        siteDisplayName: business.name,
        timeZone: business.timeZone,
        paymentCurrency: business.currency,
        locale: { languageCode: business.locale.split('-')[0], country: business.locale.split('-')[1] ?? '' },
        email: business.email ?? '',
      },
    };
  });
};
