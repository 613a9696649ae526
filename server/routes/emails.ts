/**
 * The owner's emails (contract section 13, for the console's outbox view): `GET /notifications/v1/emails` lists
 * what the outbox sent or is sending, newest first (sent ones are kept 7 days), and, when emails are written as
 * files (no SMTP_URL), `GET /notifications/v1/emails/{id}/message.eml` answers the message itself.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../http/context.js';
import { answers } from '../http/schemas/responses/common.js';
import { EmailListResponseSchema, type EmailRowSchema } from '../http/schemas/responses/emails.js';
import { IdParamsSchema } from '../http/schemas/common.js';
import { DomainError } from '../domain/errors.js';
import type { OutboxDelivery, OutboxEvent } from '../storage/outbox-types.js';
import type { NotificationSettings } from '../notifications/mail/connect.js';
import { parseEmailChannel } from '../notifications/mail/channel.js';
import { parseAccountChannel } from '../notifications/mail/account-channel.js';
import { DEFAULT_MAIL_DIR } from '../notifications/email/mailer.js';

type EmailRow = Static<typeof EmailRowSchema>;

const iso = (ms: number) => new Date(ms).toISOString();

/** What the email handler answered: `{to, subject, messageId, file?}` as JSON, or a plain note (a skipped email). */
function sentFields(answer: string | null): Partial<EmailRow> {
  if (!answer) return {};
  try {
    const sent = JSON.parse(answer) as Record<string, unknown>;
    const text = (key: string) => (typeof sent[key] === 'string' ? { [key]: sent[key] as string } : {});
    return { ...text('to'), ...text('subject'), ...text('messageId'), ...text('file') };
  } catch {
    return { note: answer };
  }
}

function row(delivery: OutboxDelivery, event: OutboxEvent | undefined): EmailRow | null {
  const target = parseEmailChannel(delivery.channel) ?? parseAccountChannel(delivery.channel);
  if (!target || !event) return null;
  return {
    id: delivery.id,
    kind: target.kind,
    role: target.role,
    status: delivery.status,
    attempts: delivery.attempts,
    eventId: event.id,
    eventType: event.eventType,
    ...(target.role === 'member' ? { memberId: event.entityId } : { bookingId: event.entityId }),
    createdDate: iso(delivery.createdAt),
    ...(delivery.doneAt !== null && delivery.status === 'DONE' ? { sentDate: iso(delivery.doneAt) } : {}),
    ...sentFields(delivery.lastAnswer),
    ...(delivery.lastError ? { lastError: delivery.lastError } : {}),
  };
}

export const emailRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext; notifications: NotificationSettings | undefined }> = async (
  app,
  { ctx, notifications },
) => {
  app.get(
    '/notifications/v1/emails',
    {
      onRequest: async (request) => ctx.auth.requireOwner(request),
      schema: {
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: answers(EmailListResponseSchema),
      },
    },
    async (request) => {
      const deliveries = await ctx.storage.outbox.listDeliveries({
        channelPrefix: 'email:',
        newestFirst: true,
        limit: request.query.limit ?? 100,
      });
      const ids = [...new Set(deliveries.map((d) => d.eventId))];
      const events = new Map((ids.length > 0 ? await ctx.storage.outbox.listEvents({ ids }) : []).map((e) => [e.id, e]));
      const emails = deliveries.map((d) => row(d, events.get(d.eventId))).filter((r): r is EmailRow => r !== null);
      return { emails, transport: notifications ? notifications.mailer.transport : ('off' as const) };
    },
  );

  app.get(
    '/notifications/v1/emails/:id/message.eml',
    {
      onRequest: async (request) => ctx.auth.requireOwner(request),
      schema: { params: IdParamsSchema, response: answers(Type.String({ description: 'message/rfc822' })) },
    },
    async (request, reply) => {
      const notFound = new DomainError('NOT_FOUND', 'No email file with this id: emails sent through SMTP are not kept here.');
      const [delivery] = await ctx.storage.outbox.listDeliveries({ id: request.params.id, channelPrefix: 'email:', limit: 1 });
      const file = delivery ? sentFields(delivery.lastAnswer).file : undefined;
      // The name comes from our own answer, but is checked anyway: never a path outside the mail folder.
      if (!file || !/^[\w-]+\.eml$/.test(file)) throw notFound;
      const message = await readFile(join(notifications?.mailDir ?? DEFAULT_MAIL_DIR, file)).catch(() => null);
      if (!message) throw notFound;
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="${file}"`)
        .header('cache-control', 'private, no-store')
        .send(message.toString('utf8'));
    },
  );
};
