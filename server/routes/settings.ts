/**
 * The owner's business settings (extension; docs/api.md, "Business settings"): the details at Wix's
 * `PATCH /site-properties/v4/properties` (read publicly in routes/business.ts), and the settings that override the
 * environment: `/business/v1/settings/notifications` (reminder hours, mail sender) and `/business/v1/settings/widget`
 * (allowed origins). All owner-only: the owner key or an OWNER account; a STAFF account hears 403.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../http/context.js';
import type { BusinessSettings } from '../domain/settings/business-settings.js';
import { SitePropertiesService } from '../domain/settings/site-properties.js';
import { UpdateBusinessRequestSchema } from '../http/schemas/availability.js';
import { UpdateNotificationSettingsSchema, UpdateWidgetSettingsSchema } from '../http/schemas/settings.js';
import { answers } from '../http/schemas/responses/common.js';
import { UpdatedSitePropertiesResponseSchema } from '../http/schemas/responses/business.js';
import { NotificationSettingsResponseSchema, WidgetSettingsResponseSchema } from '../http/schemas/responses/settings.js';

export const settingsRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext; settings: BusinessSettings }> = async (
  app,
  { ctx, settings },
) => {
  // Authenticated before the body is read: a caller without the right hears 401/403 before any validation.
  app.addHook('onRequest', async (request) => ctx.auth.requireOwner(request));
  const site = new SitePropertiesService(ctx.storage, ctx.clock);
  const { reminderHours, mailFrom } = settings.defaults;

  app.patch(
    '/site-properties/v4/properties',
    { schema: { body: UpdateBusinessRequestSchema, response: answers(UpdatedSitePropertiesResponseSchema) } },
    async (request) => ({ properties: await site.update(request.body.properties) }),
  );

  app.get('/business/v1/settings/notifications', { schema: { response: answers(NotificationSettingsResponseSchema) } }, async () => ({
    notifications: await settings.notifications(),
    defaults: { reminderHours, mailFrom },
  }));
  app.patch(
    '/business/v1/settings/notifications',
    { schema: { body: UpdateNotificationSettingsSchema, response: answers(NotificationSettingsResponseSchema) } },
    async (request) => ({ notifications: await settings.updateNotifications(request.body), defaults: { reminderHours, mailFrom } }),
  );

  app.get('/business/v1/settings/widget', { schema: { response: answers(WidgetSettingsResponseSchema) } }, async () => ({
    widget: await settings.widget(),
    environmentOrigins: settings.environmentOrigins(),
  }));
  app.patch(
    '/business/v1/settings/widget',
    { schema: { body: UpdateWidgetSettingsSchema, response: answers(WidgetSettingsResponseSchema) } },
    async (request) => ({ widget: await settings.updateWidget(request.body), environmentOrigins: settings.environmentOrigins() }),
  );
};
