/**
 * Typed domain errors. Handlers and services throw these; one error handler (http/error-handler.ts) turns each
 * into the contract's error body. Nobody builds an error reply by hand.
 */
import type { ApiErrorBody, FieldViolation } from '../../src/model/errors.js';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly data: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ApiErrorBody {
    return {
      message: this.message,
      details: { applicationError: { code: this.code, description: this.message, data: this.data } },
    };
  }
}

/** 400 with `validationError.fieldViolations`, for bad input. */
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

export const notFound = (what: string, id: string, code = 'NOT_FOUND'): ApiError =>
  new ApiError(404, code, `${what} ${JSON.stringify(id)} was not found.`, { id });

export const unauthenticated = (message = 'Sign in first: send "Authorization: Bearer <token>".'): ApiError =>
  new ApiError(401, 'UNAUTHENTICATED', message);

export const forbidden = (message: string): ApiError => new ApiError(403, 'PERMISSION_DENIED', message);

export const revisionMismatch = (what: string, sent: string | undefined, current: string, code = 'REVISION_MISMATCH'): ApiError =>
  new ApiError(
    409,
    code,
    `The ${what} has changed since you read it (you sent revision ${sent ?? 'none'}, it is now ${current}). Reload it and try again.`,
    { currentRevision: current },
  );
