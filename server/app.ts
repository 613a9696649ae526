/**
 * `buildServer(options)` assembles the API without listening: tests call `app.inject()` or listen on port 0;
 * the CLI listens on the configured port. Wix's `/_api/<service>` prefixes are rewritten onto the bare paths.
 */
import { installNulGuard } from './http/nul-guard.js';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cors from '@fastify/cors';
import { TypeBoxValidatorCompiler, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Storage } from './storage/types.js';
import { withSetupReadCache } from './storage/setup-read-cache.js';
import { installErrorHandling, BODY_LIMIT_BYTES } from './http/error-handler.js';
import { createAuthenticator, type TokenVerifier } from './http/auth.js';
import type { AppContext } from './http/context.js';
import { DomainError, ValidationError } from './domain/errors.js';
import { setCursorKey } from './domain/cursor-query.js';
import { catalogueRoutes } from './routes/catalogue.js';
import { businessRoutes } from './routes/business.js';
import { pricingRoutes } from './routes/pricing.js';
import { availabilityRoutes } from './routes/availability.js';
import { scheduleRoutes } from './routes/schedules.js';
import { authRoutes } from './routes/auth.js';
import { bookingRoutes } from './routes/bookings.js';
import { bookingReaderRoutes } from './routes/bookings-reader.js';
import { anonymousBookingRoutes } from './routes/bookings-anonymous.js';
import { bookingEventRoutes } from './routes/bookings-events.js';
import { businessEventRoutes } from './routes/business-events.js';
import { bookingExportRoutes } from './routes/bookings-export.js';
import { calendarRoutes } from './routes/calendar.js';
import { calendarFeedRoutes } from './routes/calendar-feeds.js';
import { notificationRoutes } from './routes/notifications.js';
import { webhookRoutes } from './routes/webhooks.js';
import { checkoutRoutes } from './routes/checkout.js';
import { memberRoutes } from './routes/members.js';
import { businessUserRoutes } from './routes/business-users.js';
import { customerRoutes } from './routes/customers.js';
import { bookingPolicyRoutes } from './routes/booking-policies.js';
import { wixReadRoutes } from './routes/wix-reads.js';
import { wixExtraRoutes } from './routes/wix-extras.js';
import { settingsRoutes } from './routes/settings.js';
import { businessSettings } from './domain/settings/defaults.js';
import type { PaymentProvider } from './domain/payments/provider.js';
import { createServices } from './services.js';
import type { OutboxWorkerOptions } from './domain/outbox/worker.js';
import type { Outbox } from './domain/outbox/outbox.js';
import type { WebhookSettings } from './domain/webhooks/settings.js';
import { emailRoutes } from './routes/emails.js';
import { connectNotifications, type NotificationSettings } from './notifications/mail/connect.js';
import { applyDoorRules, installDoorLimits, resolveRateLimits, clientAddress, type RateLimitSettings } from './http/rate-limits.js';
import { doorRules } from './http/doors.js';
import { clientErrorHandler } from './http/client-errors.js';
import { loggerOptions, type LogOption } from './http/logging.js';
import { checkOwnerKey, type TrustProxy } from './config.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerCompression } from './http/compression.js';
import { installCatalogueEtags } from './http/etag.js';
import { registerStaticFiles } from './http/static-files.js';
import { warnOnUntrustedProxy } from './http/proxy-check.js';
import { installResponseValidation } from './http/response-validation.js';
import { HealthResponseSchema } from './http/schemas/responses/business.js';

export interface ServerOptions {
  storage: Storage;
  ownerKey: string;
  /** Origins allowed to call the API from a browser: `*` or a list. */
  allowedOrigins?: '*' | string[];
  /** Serve these folders as static sites (the widget bundle and the demo pages), when they exist. */
  staticRoots?: { prefix: string; root: string }[];
  /** Log requests (with tokens redacted): true for stdout, or a stream. */
  logger?: LogOption;
  verifyToken?: TokenVerifier;
  /** Limits on the public doors; false turns them off (fuzzing, benchmarks). Default: DEFAULT_RATE_LIMITS. */
  rateLimits?: Partial<RateLimitSettings> | false;
  /** Proxies to believe about the client's address (Fastify's trustProxy); default false. */
  trustProxy?: TrustProxy;
  /** "Now" for availability and booking policies (default: the real time); tests fix it. */
  clock?: () => Date;
  /** Payment providers for checkout and plans; default: the built-in `sandbox`. */
  paymentProviders?: PaymentProvider[];
  /** Tests: check every answer against its route's response schema, strictly (server/http/response-validation.ts). */
  validateResponses?: boolean;
  /**
   * The outbox worker (server/domain/outbox/worker.ts); `{ enabled: false }`: no delivery but by `runOnce()`.
   * `register` is handed the outbox before the server is ready, to add channels (tests, tools).
   */
  outbox?: OutboxWorkerOptions & { register?: (outbox: Outbox) => void };
  /** Webhooks (server/domain/webhooks/settings.ts); `allowPrivate` is the CLI's WEBHOOKS_ALLOW_PRIVATE. */
  webhooks?: WebhookSettings;
  /** Emails and reminders (server/notifications/mail/connect.ts); absent: no email is sent. */
  notifications?: NotificationSettings;
}

/**
 * Other paths Wix's SDK sends for a call served here under the contract's path (each SDK module's
 * `resolve…Url` mappings). The pricing module sends `/bookings/v2/pricing/v2/pricing/preview` first.
 */
const SDK_ALIASES: [from: string, to: string][] = [
  ['/bookings/v2/pricing/v2/pricing/', '/bookings/v2/pricing/'],
  ['/_api/bookings-pricing/v2/pricing/', '/bookings/v2/pricing/'],
  ['/_api/bookings-pricing/v2/price/', '/bookings/v2/pricing/'],
];

/** `/_api/bookings-service/v2/x` and `/_api/bookings/v2/x` → `/bookings/v2/x`; `/_api/<svc>/…` → `/<svc>/…`. */
export function rewriteWixPath(url: string): string {
  const alias = SDK_ALIASES.find(([from]) => url.startsWith(from));
  if (alias) return alias[1] + url.slice(alias[0].length);
  if (!url.startsWith('/_api/')) return url;
  const rest = url.slice('/_api'.length);
  if (rest.startsWith('/bookings-service/')) return `/bookings/${rest.slice('/bookings-service/'.length)}`;
  if (rest.startsWith('/bookings/bookings-reader/')) return rest.slice('/bookings'.length);
  return rest;
}

/** A hop count as the function form (Fastify's types take no number): believe the nearest `hops` proxies. */
function fastifyTrustProxy(trust: TrustProxy | undefined): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust ?? false;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  checkOwnerKey(options.ownerKey);
  setCursorKey(options.ownerKey);
  const app = Fastify({
    logger: loggerOptions(options.logger),
    trustProxy: fastifyTrustProxy(options.trustProxy),
    clientErrorHandler,
    bodyLimit: BODY_LIMIT_BYTES,
    rewriteUrl: (request) => rewriteWixPath(request.url ?? '/'),
    // Refuse `__proto__` and `constructor.prototype` in JSON bodies (Fastify's prototype-poisoning guard).
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    routerOptions: { ignoreTrailingSlash: true },
    // Errors raised before routing (a malformed URL, a bad Content-Type header) get the contract's shape too.
    frameworkErrors: (error, _request, reply) => {
      const body = new DomainError('BAD_REQUEST', `The request could not be read: ${error.message}`, {
        reason: error.code ?? 'BAD_REQUEST',
      }).toBody();
      // The reply's generic type here is unusable (Fastify types it from a route schema that does not exist yet).
      void (reply as unknown as FastifyReply).code(400).send(body);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  // JSON only: an empty body counts as `{}`, every other content type is a 415.
  app.removeAllContentTypeParsers();
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, {});
    // Fastify's parser refuses `__proto__` / `constructor.prototype` keys; when it fails, JSON.parse says which.
    return parseJson(request, text, (error, value) => {
      if (!error) return done(null, value);
      try {
        JSON.parse(text);
      } catch (syntax) {
        return done(ValidationError.field('body', `is not valid JSON: ${(syntax as Error).message}`), undefined);
      }
      return done(ValidationError.field('body', 'must not contain "__proto__" or "constructor.prototype" keys'), undefined);
    });
  });

  installErrorHandling(app);
  if (options.validateResponses) installResponseValidation(app);
  installNulGuard(app);
  // A POST with no body at all means `{}` (as an empty JSON body does), so `curl -X POST …/query` lists all.
  app.addHook('preValidation', (request, _reply, done) => {
    if (request.body === undefined && (request.method === 'POST' || request.method === 'PATCH')) request.body = {};
    done();
  });

  const clock = options.clock ?? (() => new Date());
  // Setup reads (services, policies, staff, schedules, settings…) come from memory until an owner change.
  const storage = withSetupReadCache(options.storage);
  const settings = businessSettings(storage, options);
  await app.register(cors, {
    // The environment's origins and the owner's stored ones, read per request from the setup cache (no restart).
    origin: async () => settings.effectiveOrigins(),
    methods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    // If-None-Match / ETag: the widget revalidates its cached catalogue from any site (server/http/etag.ts).
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-None-Match'],
    exposedHeaders: ['Retry-After', 'Idempotent-Replayed', 'ETag'],
    maxAge: 600,
    // An OPTIONS without Origin or Access-Control-Request-Method (not a browser's preflight) gets the same empty
    // 204 as a preflight, instead of the plugin's plain-text 400 outside the contract's error shape.
    strictPreflight: false,
  });
  await registerSecurityHeaders(app);
  await registerCompression(app);
  installCatalogueEtags(app);
  warnOnUntrustedProxy(app, options.trustProxy);

  const limits = resolveRateLimits(options.rateLimits);
  const doors = await installDoorLimits(app, options.storage.counters);
  applyDoorRules(app, doorRules(limits, doors));
  const credentialGuard = doors.failureCounter(
    'this server with a wrong key or token',
    limits.badCredentials,
    (request) => `ip:${clientAddress(request)}`,
  );

  const { services, close } = createServices({
    storage,
    clock,
    paymentProviders: options.paymentProviders,
    log: (message, error) => app.log.error({ err: error }, message),
    outbox: options.outbox,
    webhooks: options.webhooks,
  });
  options.outbox?.register?.(services.outbox);
  const notifications = options.notifications ? connectNotifications(services, storage, clock, options.notifications, settings) : undefined;
  app.addHook('onReady', async () => notifications?.start());
  app.addHook('onClose', async () => notifications?.close());
  // Delivery starts once the server is ready: channels registered after buildServer still see every event.
  app.addHook('onReady', async () => services.outbox.worker.start());
  app.addHook('onClose', async () => close());
  const ctx: AppContext = {
    ...services,
    storage,
    auth: createAuthenticator(options.ownerKey, options.verifyToken ?? services.tokens.verify, credentialGuard),
    clock,
    limits,
  };
  await app.register(catalogueRoutes, { ctx });
  await app.register(businessRoutes, { ctx });
  await app.register(pricingRoutes, { ctx });
  await app.register(availabilityRoutes, { ctx });
  await app.register(scheduleRoutes, { ctx });
  await app.register(authRoutes, { ctx });
  await app.register(bookingRoutes, { ctx });
  await app.register(bookingReaderRoutes, { ctx });
  await app.register(anonymousBookingRoutes, { ctx });
  await app.register(bookingEventRoutes, { ctx });
  await app.register(businessEventRoutes, { ctx });
  await app.register(bookingExportRoutes, { ctx });
  await app.register(calendarRoutes, { ctx });
  await app.register(calendarFeedRoutes, { ctx });
  await app.register(notificationRoutes, { ctx });
  await app.register(webhookRoutes, { ctx });
  await app.register(emailRoutes, { ctx, notifications: options.notifications });
  await app.register(checkoutRoutes, { ctx });
  await app.register(memberRoutes, { ctx });
  await app.register(businessUserRoutes, { ctx });
  await app.register(customerRoutes, { ctx });
  await app.register(bookingPolicyRoutes, { ctx });
  await app.register(wixReadRoutes, { ctx });
  await app.register(wixExtraRoutes, { ctx });
  await app.register(settingsRoutes, { ctx, settings });

  app.get('/healthz', { schema: { response: { 200: HealthResponseSchema } } }, async () => ({ status: 'ok' as const }));

  await registerStaticFiles(app, options.staticRoots);
  return app;
}
