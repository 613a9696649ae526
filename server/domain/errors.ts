/**
 * Typed domain errors: a code (server/domain/error-codes.ts), a message a person can act on, and data. They say
 * what went wrong, not how HTTP answers it: the error handler (server/http/error-handler.ts) maps each code to its
 * status and writes the contract's error body. `data.retryAfterSeconds` becomes a `Retry-After` header there.
 */
import type { ApiErrorBody, FieldViolation } from '../../src/model/errors.js';
import type { ErrorCode } from './error-codes.js';

export type { ErrorCode } from './error-codes.js';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toBody(): ApiErrorBody {
    return {
      message: this.message,
      details: { applicationError: { code: this.code, description: this.message, data: this.data } },
    };
  }
}

/** Bad input: `validationError.fieldViolations` naming each field and what is wrong with it. */
export class ValidationError extends Error {
  constructor(readonly fieldViolations: FieldViolation[]) {
    super(fieldViolations.map((v) => `${v.field} ${v.description}`).join('; '));
    this.name = 'ValidationError';
  }

  static field(field: string, description: string): ValidationError {
    return new ValidationError([{ field, description }]);
  }

  toBody(): ApiErrorBody {
    return { message: this.message, details: { validationError: { fieldViolations: this.fieldViolations } } };
  }
}

export const notFound = (what: string, id: string, code: ErrorCode = 'NOT_FOUND'): DomainError =>
  new DomainError(code, `${what} ${JSON.stringify(id)} was not found.`, { id });

export const unauthenticated = (message = 'Sign in first: send "Authorization: Bearer <token>".'): DomainError =>
  new DomainError('UNAUTHENTICATED', message);

export const forbidden = (message: string): DomainError => new DomainError('PERMISSION_DENIED', message);

export const revisionMismatch = (
  what: string,
  sent: string | undefined,
  current: string,
  code: 'REVISION_MISMATCH' | 'BOOKING_REVISION_MISMATCH' = 'REVISION_MISMATCH',
): DomainError =>
  new DomainError(
    code,
    `The ${what} has changed since you read it (you sent revision ${sent ?? 'none'}, it is now ${current}). Reload it and try again.`,
    { currentRevision: current },
  );

/** Asks the caller to wait: the HTTP layer turns `retryAfterSeconds` into a Retry-After header. */
export const retryLater = (code: ErrorCode, message: string, retryAfterSeconds: number, data: Record<string, unknown> = {}): DomainError =>
  new DomainError(code, message, { ...data, retryAfterSeconds });
