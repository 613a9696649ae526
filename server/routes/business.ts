/**
 * Public facts about the business the widget needs before anything else: its name, time zone, currency and
 * locale, and its details (email, phone, address, business hours). Wix serves these as Site Properties; we answer
 * the same path with the same field names. The owner changes them at the same path (routes/settings.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import { SitePropertiesService } from '../domain/settings/site-properties.js';
import { answers } from '../http/schemas/responses/common.js';
import { SitePropertiesResponseSchema } from '../http/schemas/responses/business.js';

export const businessRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  const site = new SitePropertiesService(ctx.storage, ctx.clock);
  app.get('/site-properties/v4/properties', { schema: { response: answers(SitePropertiesResponseSchema) } }, async () => ({
    properties: await site.get(),
  }));
};
