/**
 * The one place that turns any failure into the contract's error body (section 1). Handlers throw typed errors;
 * Fastify's own errors (bad JSON, wrong content type, body too large, schema validation) are mapped here too.
 * Nothing a client sends may produce a 500: an unexpected error is logged and answered without internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldViolation } from '../../src/model/errors.js';
import { DomainError, ValidationError } from '../domain/errors.js';
import { statusOf } from './error-status.js';

const BODY_LIMIT_KIB = 64;

/** `/booking/contactDetails/email` in `body` → `booking.contactDetails.email`. */
function fieldPath(instancePath: string, missing?: unknown): string {
  const parts = instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (typeof missing === 'string') parts.push(missing);
  return parts
    .map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`))
    .join('')
    .replace(/^\./, '');
}

interface SchemaIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function violationsFrom(error: FastifyError): FieldViolation[] {
  const issues = (error.validation ?? []) as SchemaIssue[];
  const context = error.validationContext ?? 'body';
  const prefix = context === 'body' ? '' : `${context}.`;
  const seen = new Set<string>();
  const out: FieldViolation[] = [];
  for (const issue of issues) {
    const missing =
      issue.keyword === 'required'
        ? ((issue.params?.['requiredProperties'] as string[] | undefined)?.[0] ?? issue.params?.['missingProperty'])
        : undefined;
    const field = prefix + (fieldPath(issue.instancePath ?? '', missing) || (context === 'body' ? 'body' : context.replace(/\.$/, '')));
    const description = issue.keyword === 'required' ? 'is required' : (issue.message ?? 'is not valid');
    const key = `${field}\u0000${description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, description });
  }
  return out.length > 0 ? out : [{ field: 'body', description: error.message }];
}

/** A domain error as the contract answers it: the status from the one table, Retry-After when it asks to wait. */
export function sendDomainError(reply: FastifyReply, error: DomainError): FastifyReply {
  const wait = error.data['retryAfterSeconds'];
  if (typeof wait === 'number') void reply.header('retry-after', String(wait));
  return reply.code(statusOf(error.code)).send(error.toBody());
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const error = new DomainError(
      'ROUTE_NOT_FOUND',
      `There is no ${request.method} ${request.url.split('?')[0]}. See docs/api.md for the paths this server answers.`,
    );
    return reply.code(404).send(error.toBody());
  });

  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) return sendDomainError(reply, error);
    if (error instanceof ValidationError) return reply.code(400).send(error.toBody());
    if (error.validation) return reply.code(400).send(new ValidationError(violationsFrom(error)).toBody());

    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply
          .code(415)
          .send(
            new DomainError(
              'UNSUPPORTED_MEDIA_TYPE',
              `This API takes JSON only: send the body with "Content-Type: application/json" (got ${JSON.stringify(request.headers['content-type'] ?? 'none')}).`,
            ).toBody(),
          );
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply
          .code(413)
          .send(new DomainError('PAYLOAD_TOO_LARGE', `The request body is larger than ${BODY_LIMIT_KIB} KiB; send less.`).toBody());
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send(ValidationError.field('body', 'is empty; send a JSON object, e.g. {}').toBody());
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return reply.code(400).send(ValidationError.field('body', `is not valid JSON: ${error.message}`).toBody());
    }
    if (error instanceof SyntaxError || error.statusCode === 400) {
      const reason = /prototype|constructor/.test(error.message)
        ? 'must not contain "__proto__" or "constructor.prototype" keys'
        : `is not valid JSON (${error.message})`;
      return reply.code(400).send(ValidationError.field('body', reason).toBody());
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Another 4xx raised by Fastify or a plugin: its status, our shape, its own code kept as data.
      return reply.code(status).send(new DomainError('BAD_REQUEST', error.message, { reason: error.code ?? 'BAD_REQUEST' }).toBody());
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .code(500)
      .send(new DomainError('INTERNAL', 'Something went wrong on our side. Try again; if it keeps happening, tell the business.').toBody());
  });
}

export const BODY_LIMIT_BYTES = BODY_LIMIT_KIB * 1024;
