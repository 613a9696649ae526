/**
 * Text with a NUL character (U+0000) is refused at the door, whatever the backend: PostgreSQL cannot store it
 * in a text column, so a path, query or body value holding one is a 400 that names the field, never a 500 from
 * deep inside a query (and SQLite answers the same, so both backends behave alike).
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../domain/errors.js';

const NUL = '\u0000';

/**
 * The path of the first string (or key) under `value` that holds a NUL, or undefined. A loop over a stack, not
 * recursion: a body may nest thousands deep (the query compiler refuses that later, with its own message).
 */
export function nulPath(value: unknown, path: string): string | undefined {
  const stack: [unknown, string][] = [[value, path]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [current, at] = item;
    if (typeof current === 'string') {
      if (current.includes(NUL)) return at;
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, inner] = entries[i]!;
        const next = Array.isArray(current) ? `${at}[${key}]` : `${at}.${key}`;
        if (key.includes(NUL)) return next;
        stack.push([inner, next]);
      }
    }
  }
  return undefined;
}

export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request, _reply, done) => {
    const field = nulPath(request.params, 'params') ?? nulPath(request.query, 'query') ?? nulPath(request.body, 'body');
    if (!field) return done();
    done(ValidationError.field(field.replace(/^body\./, ''), 'must not contain the NUL character (U+0000)'));
  });
}
