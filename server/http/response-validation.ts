/**
 * The test-time response checker (`buildServer({ validateResponses: true })`; the test helper turns it on).
 *
 * Fastify serialises a declared response with fast-json-stringify, which silently drops properties the schema
 * does not declare and coerces types. This hook runs before that serializer: it takes the outgoing payload as
 * plain JSON would send it, and checks it against the route's declared schema for the reply's status (exact code,
 * then `4xx`-style, then `default`, as Fastify picks its serializer) with every object made strict
 * (`additionalProperties: false` wherever the schema lists properties and leaves extras unsaid). A field the schema
 * forgot, a wrong type or a missing required field throws: the route, status and first errors are logged (and
 * written to stderr, since test servers run without a logger) and the request that sent it gets a 500, so the test
 * that made the call fails. Then, when the serializer has written the answer, an onSend hook reads it back and
 * fails the same way unless it equals the plain JSON (nothing dropped or coerced). Routes or statuses without a
 * declared schema are not checked (SSE, static files, 5xx).
 *
 * It also records every route as it is registered (an onRoute hook), so a test can list routes and their
 * response schemas: `declaredRoutes(app)`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { isDeepStrictEqual } from 'node:util';

export interface DeclaredRoute {
  method: string;
  url: string;
  /** The route's `schema.response` map (status or range → schema), if it declares one. */
  response: Record<string, unknown> | undefined;
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  message: string;
  params: unknown;
}

interface Check {
  Check(value: unknown): boolean;
  Errors(value: unknown): Iterable<SchemaError>;
}

const routesByApp = new WeakMap<FastifyInstance, DeclaredRoute[]>();
const checks = new WeakMap<object, Check>();
const MAX_ERRORS = 5;

/** The routes registered since `installResponseValidation(app)`, in registration order (HEAD copies included). */
export function declaredRoutes(app: FastifyInstance): readonly DeclaredRoute[] {
  return routesByApp.get(app) ?? [];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON copy of `schema` where every object that lists `properties` refuses properties it does not list. */
export function strictSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strictSchema);
  if (!isRecord(schema)) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = strictSchema(value);
  const open = 'additionalProperties' in schema || 'patternProperties' in schema || 'unevaluatedProperties' in schema;
  if (isRecord(schema['properties']) && !open) copy['additionalProperties'] = false;
  return copy;
}

function checkFor(schema: object): Check {
  let check = checks.get(schema);
  if (!check) {
    check = Compile(strictSchema(schema) as TSchema) as Check;
    checks.set(schema, check);
  }
  return check;
}

/** The declared schema Fastify would serialise this status with: `201`, then `2xx`, then `default`. */
export function schemaForStatus(response: Record<string, unknown> | undefined, status: number): object | undefined {
  if (!response) return undefined;
  const code = String(status);
  const range = `${code[0]}xx`;
  const found = response[code] ?? response[range] ?? response[range.toUpperCase()] ?? response['default'];
  return isRecord(found) ? found : undefined;
}

function describe(errors: Iterable<SchemaError>): string[] {
  const out: string[] = [];
  for (const error of errors) {
    // `additionalProperties: false` reports each extra twice; keep the line that names them.
    if (error.keyword === 'boolean') continue;
    const params = isRecord(error.params) && 'additionalProperties' in error.params ? ` ${JSON.stringify(error.params)}` : '';
    out.push(`${error.instancePath || '/'} ${error.message}${params}`);
    if (out.length >= MAX_ERRORS) break;
  }
  return out;
}

/** Thrown (and so answered 500) when an answer does not match its declared schema. */
export class ResponseSchemaViolation extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly errors: string[],
  ) {
    super(`The answer of ${route} (${status}) does not match its response schema: ${errors.join('; ')}`);
    this.name = 'ResponseSchemaViolation';
  }
}

export function installResponseValidation(app: FastifyInstance): void {
  const routes: DeclaredRoute[] = [];
  routesByApp.set(app, routes);
  app.addHook('onRoute', (route) => {
    const response = isRecord(route.schema) && isRecord(route.schema['response']) ? route.schema['response'] : undefined;
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, response });
  });

  // The answer as plain JSON, kept from the check until it is sent, to compare with what the serializer wrote.
  const expected = new WeakMap<FastifyRequest, unknown>();
  const fail = (request: FastifyRequest, status: number, errors: string[]): never => {
    const violation = new ResponseSchemaViolation(`${request.method} ${request.routeOptions.url}`, status, errors);
    request.log.error({ route: violation.route, status, errors }, 'response does not match its schema');
    process.stderr.write(`${violation.message}\n`);
    throw violation;
  };

  app.addHook('preSerialization', async (request: FastifyRequest, reply, payload: unknown) => {
    const status = reply.statusCode;
    const response = request.routeOptions.schema?.response;
    const schema = schemaForStatus(isRecord(response) ? response : undefined, status);
    if (!schema) return payload;
    // What a client would read if no schema shaped the answer: plain JSON of the payload.
    const sent: unknown = payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
    const check = checkFor(schema);
    if (!check.Check(sent)) fail(request, status, describe(check.Errors(sent)));
    expected.set(request, sent);
    return payload;
  });

  // Belt and braces: what fast-json-stringify wrote must read back as exactly the plain JSON (nothing dropped,
  // renamed or coerced), whatever the schema's unions and open objects made of it.
  app.addHook('onSend', async (request: FastifyRequest, reply, payload: unknown) => {
    if (!expected.has(request)) return payload;
    const sent = expected.get(request);
    expected.delete(request);
    if (typeof payload !== 'string') return payload;
    if (!isDeepStrictEqual(JSON.parse(payload), sent)) {
      fail(request, reply.statusCode, [`the serializer changed the answer: sent ${payload.slice(0, 300)}`]);
    }
    return payload;
  });
}
